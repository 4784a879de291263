import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { FilterDate, FilterForm, FilterText } from "~/components/filters/filter-form";
import { getServerCaller } from "~/trpc/server";
import { callForStaffPage, StaffOnly, staffPageAccess } from "../staff-access";
import { StaffPage, StaffTable } from "../staff-page";
import styles from "../staff-pages.module.css";
import { firstParam, pageParam } from "../search-params";

const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.audit");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

const positive = (v: string | undefined) =>
  v && /^\d{1,10}$/.test(v) && Number(v) <= 2_147_483_647 ? Number(v) : undefined;
const date = (v: string | undefined) =>
  v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined;

/** The audit trail: every staff action with who, what, whom and when, filterable. */
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const rawKind = (firstParam(params.kind) ?? "").trim();
  const filters = {
    kind: /^[a-z_.]{1,100}$/.test(rawKind) ? rawKind : undefined,
    staffId: positive(firstParam(params.staffId)),
    customerId: positive(firstParam(params.customerId)),
    from: date(firstParam(params.from)),
    to: date(firstParam(params.to)),
  };
  const pageNumber = pageParam(params.page, 2000);
  const query = new URLSearchParams(
    Object.entries(filters).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  );
  const link = (page: number) =>
    `/staff/audit?${query.toString()}${page > 1 ? `&page=${page}` : ""}`;
  const here = link(pageNumber);
  const access = await staffPageAccess(here, "audit:read");
  if (access !== "staff") return <StaffOnly reason={access} />;

  const [t, format, list] = await Promise.all([
    getTranslations("staff.audit"),
    getFormatter(),
    callForStaffPage(here, async () =>
      (await getServerCaller()).staffAudit.list({
        kind: filters.kind,
        staffId: filters.staffId,
        customerId: filters.customerId,
        from: filters.from ? `${filters.from}T00:00:00Z` : undefined,
        to: filters.to ? `${filters.to}T23:59:59.999Z` : undefined,
        limit: PAGE_SIZE,
        offset: (pageNumber - 1) * PAGE_SIZE,
      }),
    ),
  ]);
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));

  return (
    <StaffPage title={t("title")} intro={t("intro")}>

      <FilterForm action="/staff/audit" label={t("filters")} applyLabel={t("apply")} clearLabel={t("clear")}>
        <FilterText name="kind" label={t("kind")} defaultValue={filters.kind ?? ""} maxLength={100} hint={t("kindHint")} />
        <FilterText name="staffId" label={t("staffId")} defaultValue={filters.staffId ? String(filters.staffId) : ""} inputMode="numeric" />
        <FilterText name="customerId" label={t("customerId")} defaultValue={filters.customerId ? String(filters.customerId) : ""} inputMode="numeric" />
        <FilterDate name="from" label={t("from")} defaultValue={filters.from ?? ""} />
        <FilterDate name="to" label={t("to")} defaultValue={filters.to ?? ""} />
      </FilterForm>

      <p role="status">{t("count", { count: list.total })}</p>
      {list.items.length > 0 ? (
        <StaffTable caption={t("caption")} columns={[t("columns.when"), t("columns.who"), t("columns.what"), t("columns.whom"), t("columns.details")]}>
              {list.items.map((e) => (
                <tr key={e.eventId}>
                  <th scope="row">
                    <time dateTime={e.at}>
                      {format.dateTime(new Date(e.at), {
                        dateStyle: "medium",
                        timeStyle: "medium",
                        timeZone: "UTC",
                      })}
                    </time>
                  </th>
                  <td>
                    {e.staff ? (
                      <>
                        {e.staff.name} ({e.staff.role})
                        <br />
                        <span className={`muted small ${styles.email}`}>{e.staff.email}</span>
                      </>
                    ) : (
                      t("customerThemselves")
                    )}
                  </td>
                  <td>
                    <code>{e.kind}</code>
                  </td>
                  <td>
                    {e.customer ? (
                      <>
                        <Link href={`/staff/customers/${e.customer.customerId}`}>
                          {e.customer.name}
                        </Link>
                        <br />
                        <span className={`muted small ${styles.email}`}>{e.customer.email}</span>
                      </>
                    ) : (
                      t("none")
                    )}
                  </td>
                  <td className={styles.email}>
                    {e.data ? <code>{JSON.stringify(e.data)}</code> : null}
                    {e.ip ? (
                      <span className="muted small"> {t("from_ip", { ip: e.ip })}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </StaffTable>
      ) : null}
      <p className="muted small">{t("timeZoneNote")}</p>
      {pages > 1 ? (
        <nav aria-label={t("pagination")} className={styles.pagination}>
          {pageNumber > 1 ? <Link href={link(pageNumber - 1)}>{t("previous")}</Link> : null}
          <span>{t("pageOf", { page: pageNumber, pages })}</span>
          {pageNumber < pages ? <Link href={link(pageNumber + 1)}>{t("next")}</Link> : null}
        </nav>
      ) : null}
    </StaffPage>
  );
}
