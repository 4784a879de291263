import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatMoney } from "~/app/accounts/_lib/money";
import { getServerCaller } from "~/trpc/server";
import { firstParam, pageParam } from "../search-params";
import { callForStaffPage, StaffOnly, staffPageAccess } from "../staff-access";
import { StaffPage, StaffTable } from "../staff-page";
import styles from "../staff-pages.module.css";
import { WithdrawalDecision } from "./withdrawal-decision";

const PAGE_SIZE = 25;
const WITHDRAWAL_QUEUE_STATUSES = ["PENDING", "APPROVED", "PAYING", "PAID", "RELEASING", "REJECTED", "CANCELED", "FAILED"] as const;
type Status = (typeof WITHDRAWAL_QUEUE_STATUSES)[number];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffWithdrawals");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

/** The FINANCE queue (ADMIN too): customers' withdrawals by status, oldest first; approve and pay out, or reject. */
export default async function StaffWithdrawalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const raw = firstParam(params.status);
  const status: Status = WITHDRAWAL_QUEUE_STATUSES.includes(raw as Status) ? (raw as Status) : "PENDING";
  const pageNumber = pageParam(params.page);
  const here = `/staff/withdrawals?status=${status}${pageNumber > 1 ? `&page=${pageNumber}` : ""}`;
  const access = await staffPageAccess(here, "money:withdrawals:approve");
  if (access !== "staff") return <StaffOnly reason={access} />;

  const [t, format, locale, list] = await Promise.all([
    getTranslations("staffWithdrawals"),
    getFormatter(),
    getLocale(),
    callForStaffPage(here, async () => (await getServerCaller()).staffWithdrawals.list({ status, page: pageNumber, pageSize: PAGE_SIZE })),
  ]);
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const now = new Date();

  return (
    <StaffPage title={t("title")} intro={t("intro")}>
      <nav aria-label={t("statusFilter")}>
        <ul className={styles.tabs}>
          {WITHDRAWAL_QUEUE_STATUSES.map((s) => (
            <li key={s}>
              <Link href={`/staff/withdrawals?status=${s}`} aria-current={s === status ? "page" : undefined}>
                {t(`statusTabs.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p role="status">{t("count", { count: list.total })}</p>
      {list.items.length > 0 ? (
        <StaffTable caption={t("caption", { status: t(`statusTabs.${status}`) })} columns={[t("columns.customer"), t("columns.account"), t("columns.amount"), t("columns.destination"), t("columns.age"), t("columns.status"), status === "PENDING" ? t("columns.decision") : null]}>
              {list.items.map((w) => {
                const created = new Date(w.createdAt);
                const label = t("requestLabel", { amount: w.amount, currency: w.currency, login: w.login });
                return (
                  <tr key={w.id} data-withdrawal-id={w.id}>
                    <th scope="row">
                      <Link href={`/staff/customers/${w.customer.id}`}>{w.customer.name}</Link>
                      <br />
                      <span className={`muted small ${styles.email}`}>{w.customer.email}</span>
                    </th>
                    <td>{w.login}</td>
                    <td>{formatMoney(w.amount, w.currency, locale)}</td>
                    <td>{w.destination.label}</td>
                    <td>
                      {format.relativeTime(created, now)}
                      <br />
                      <span className="muted small">
                        <time dateTime={created.toISOString()}>
                          {format.dateTime(created, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })}
                        </time>
                      </span>
                    </td>
                    <td>
                      <strong>{t(`statusTabs.${w.status as Status}`)}</strong>
                      {w.rejectionReason ? (
                        <>
                          <br />
                          <span className="small">{t("rejectionReason", { reason: w.rejectionReason })}</span>
                        </>
                      ) : null}
                    </td>
                    {status === "PENDING" ? (
                      <td>
                        <WithdrawalDecision withdrawalId={w.id} label={label} />
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
          {pageNumber > 1 ? <Link href={`/staff/withdrawals?status=${status}&page=${pageNumber - 1}`}>{t("previous")}</Link> : null}
          <span>{t("pageOf", { page: pageNumber, pages })}</span>
          {pageNumber < pages ? <Link href={`/staff/withdrawals?status=${status}&page=${pageNumber + 1}`}>{t("next")}</Link> : null}
        </nav>
      ) : null}
    </StaffPage>
  );
}
