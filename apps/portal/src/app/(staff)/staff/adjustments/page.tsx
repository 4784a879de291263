import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getServerCaller } from "~/trpc/server";
import { callForStaffPage, StaffOnly, staffPageAccess } from "../staff-access";
import { StaffPage, StaffTable } from "../staff-page";
import styles from "../staff-pages.module.css";
import { AdjustmentForm } from "./adjustment-form";
import { DecisionControls } from "./decision-controls";
import { firstParam, pageParam } from "../search-params";

const PAGE_SIZE = 25;
const STATUSES = ["PENDING", "APPLYING", "APPLIED", "REJECTED"] as const;
type Status = (typeof STATUSES)[number];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.adjustments");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}


/** Balance adjustments under four eyes: the request form, and the requests by status. */
export default async function AdjustmentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const rawStatus = firstParam(params.status);
  const status: Status | "ALL" =
    rawStatus === "ALL"
      ? "ALL"
      : STATUSES.includes(rawStatus as Status)
        ? (rawStatus as Status)
        : "PENDING";
  const pageNumber = pageParam(params.page);
  const accountId = /^\d{1,10}$/.test(firstParam(params.accountId) ?? "") ? firstParam(params.accountId)! : "";
  const here = `/staff/adjustments?status=${status}${pageNumber > 1 ? `&page=${pageNumber}` : ""}`;
  const access = await staffPageAccess(here, "money:adjust:request");
  if (access !== "staff") return <StaffOnly reason={access} />;

  const [t, format, { me, list }] = await Promise.all([
    getTranslations("staff.adjustments"),
    getFormatter(),
    callForStaffPage(here, async () => {
      const caller = await getServerCaller();
      const [me, list] = await Promise.all([
        caller.staffAuth.me(),
        caller.staff.adjustmentRequests({
          ...(status === "ALL" ? {} : { status }),
          limit: PAGE_SIZE,
          offset: (pageNumber - 1) * PAGE_SIZE,
        }),
      ]);
      return { me, list };
    }),
  ]);
  const canDecide = me.permissions.includes("money:adjust:approve");
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const when = (iso: string | null) =>
    iso ? (
      <time dateTime={iso}>
        {format.dateTime(new Date(iso), {
          dateStyle: "medium",
          timeStyle: "medium",
          timeZone: "UTC",
        })}
      </time>
    ) : (
      t("none")
    );

  return (
    <StaffPage title={t("title")} intro={t("intro")}>

      <AdjustmentForm defaultAccountId={accountId} />

      <section aria-labelledby="requests-title" className="stack">
        <h2 id="requests-title">{t("listTitle")}</h2>
        <nav aria-label={t("statusFilter")}>
          <ul className={styles.tabs}>
            {[...STATUSES, "ALL" as const].map((s) => (
              <li key={s}>
                <Link
                  href={`/staff/adjustments?status=${s}`}
                  aria-current={s === status ? "page" : undefined}
                >
                  {t(`statusTabs.${s}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p role="status">{t("count", { count: list.total })}</p>
        {list.items.length > 0 ? (
          <StaffTable caption={t("caption", { status: t(`statusTabs.${status}`) })} columns={[t("columns.request"), t("columns.customer"), t("columns.amount"), t("columns.reason"), t("columns.maker"), t("columns.checker"), t("columns.status"), canDecide ? t("columns.decision") : null]}>
                {list.items.map((r) => {
                  const label = t("requestLabel", {
                    type: t(`types.${r.type}`),
                    amount: r.amount,
                    currency: r.currency,
                    login: r.login,
                  });
                  return (
                    <tr key={r.requestId} data-request-id={r.requestId}>
                      <th scope="row">
                        {label}
                        <br />
                        <span className="muted small">
                          {t("requestedAt")} {when(r.requestedAt)}
                        </span>
                      </th>
                      <td>
                        <Link href={`/staff/customers/${r.customer.customerId}`}>
                          {r.customer.name}
                        </Link>
                        <br />
                        <span className={`muted small ${styles.email}`}>{r.customer.email}</span>
                      </td>
                      <td>
                        {r.type === "withdrawal" ? "−" : "+"}
                        {r.amount} {r.currency}
                        {r.balance !== null ? (
                          <>
                            <br />
                            <span className="muted small">
                              {t("balanceAfter", { balance: r.balance, currency: r.currency })}
                            </span>
                          </>
                        ) : null}
                      </td>
                      <td>
                        {r.comment}
                        {r.rejectionReason ? (
                          <>
                            <br />
                            <span className="small">
                              {t("rejectionReason", { reason: r.rejectionReason })}
                            </span>
                          </>
                        ) : null}
                      </td>
                      <td>{r.maker.name}</td>
                      <td>
                        {r.checker
                          ? r.checker.name
                          : r.approvalRequired
                            ? t("none")
                            : t("noApprovalNeeded")}
                        {r.decidedAt ? (
                          <>
                            <br />
                            <span className="muted small">{when(r.decidedAt)}</span>
                          </>
                        ) : null}
                      </td>
                      <td>
                        <strong>{t(`statuses.${r.status}`)}</strong>
                        {r.appliedAt ? (
                          <>
                            <br />
                            <span className="muted small">{when(r.appliedAt)}</span>
                          </>
                        ) : null}
                      </td>
                      {canDecide ? (
                        <td>
                          {r.status === "PENDING" ? (
                            <DecisionControls requestId={r.requestId} label={label} />
                          ) : r.status === "APPLYING" &&
                            r.approvalRequired &&
                            r.checker?.staffId === me.id ? (
                            // Approved by this member, cut off before the core answered: finishing is safe (one key per request).
                            <DecisionControls requestId={r.requestId} label={label} finishOnly />
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </StaffTable>
        ) : null}
        <p className="muted small">{t("timeZoneNote")}</p>
        {pages > 1 ? (
          <nav aria-label={t("pagination")} className={styles.pagination}>
            {pageNumber > 1 ? (
              <Link href={`/staff/adjustments?status=${status}&page=${pageNumber - 1}`}>
                {t("previous")}
              </Link>
            ) : null}
            <span>{t("pageOf", { page: pageNumber, pages })}</span>
            {pageNumber < pages ? (
              <Link href={`/staff/adjustments?status=${status}&page=${pageNumber + 1}`}>
                {t("next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </StaffPage>
  );
}
