import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { FilterForm, FilterText } from "~/components/filters/filter-form";
import { getServerCaller } from "~/trpc/server";
import { callForStaffPage, StaffOnly, staffPageAccess } from "../staff-access";
import { StaffPage, StaffTable } from "../staff-page";
import styles from "../staff-pages.module.css";
import { CreateCustomerForm } from "./create-customer-form";
import { firstParam, pageParam } from "../search-params";

const PAGE_SIZE = 25;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.customers");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}


/** Find a customer by e-mail, name, phone or account login. */
export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const query = (firstParam(params.q) ?? "").trim().slice(0, 254);
  const pageNumber = pageParam(params.page);
  const link = (page: number) =>
    `/staff/customers?q=${encodeURIComponent(query)}${page > 1 ? `&page=${page}` : ""}`;
  const here = query ? link(pageNumber) : "/staff/customers";
  const access = await staffPageAccess(here, "customers:read");
  if (access !== "staff") return <StaffOnly reason={access} />;

  const [t, format, { me, results }] = await Promise.all([
    getTranslations("staff.customers"),
    getFormatter(),
    callForStaffPage(here, async () => {
      const caller = await getServerCaller();
      const [me, results] = await Promise.all([
        caller.staffAuth.me(),
        query
          ? caller.staffCustomers.search({
              query,
              limit: PAGE_SIZE,
              offset: (pageNumber - 1) * PAGE_SIZE,
            })
          : null,
      ]);
      return { me, results };
    }),
  ]);
  const pages = results ? Math.max(1, Math.ceil(results.total / PAGE_SIZE)) : 1;

  return (
    <StaffPage title={t("title")} intro={t("intro")}>

      <FilterForm action="/staff/customers" search label={t("searchLabel")} applyLabel={t("search")}>
        <FilterText name="q" type="search" label={t("query")} defaultValue={query} maxLength={254} hint={t("queryHint")} />
      </FilterForm>

      {results ? (
        <section aria-labelledby="results-title" className="stack">
          <h2 id="results-title">{t("resultsTitle")}</h2>
          <p role="status">{t("count", { count: results.total, query })}</p>
          {results.items.length > 0 ? (
            <StaffTable caption={t("caption", { query })} columns={[t("columns.name"), t("columns.email"), t("columns.phone"), t("columns.logins"), t("columns.status"), t("columns.createdAt")]}>
                  {results.items.map((c) => (
                    <tr key={c.customerId}>
                      <th scope="row">
                        <Link href={`/staff/customers/${c.customerId}`}>{c.name}</Link>
                      </th>
                      <td className={styles.email}>{c.email}</td>
                      <td>{c.phone ?? t("none")}</td>
                      <td>{c.logins.length > 0 ? c.logins.join(", ") : t("none")}</td>
                      <td>{c.status === 0 ? t("active") : t("disabled")}</td>
                      <td>
                        <time dateTime={c.createdAt}>
                          {format.dateTime(new Date(c.createdAt), {
                            dateStyle: "medium",
                            timeZone: "UTC",
                          })}
                        </time>
                      </td>
                    </tr>
                  ))}
                </StaffTable>
          ) : null}
          {pages > 1 ? (
            <nav aria-label={t("pagination")} className={styles.pagination}>
              {pageNumber > 1 ? <Link href={link(pageNumber - 1)}>{t("previous")}</Link> : null}
              <span>{t("pageOf", { page: pageNumber, pages })}</span>
              {pageNumber < pages ? <Link href={link(pageNumber + 1)}>{t("next")}</Link> : null}
            </nav>
          ) : null}
        </section>
      ) : null}

      {me.permissions.includes("customers:manage") ? <CreateCustomerForm /> : null}
    </StaffPage>
  );
}
