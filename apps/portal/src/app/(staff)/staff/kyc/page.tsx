import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { levelKey } from "~/components/kyc/kyc-words";
import { getServerCaller } from "~/trpc/server";
import { callForStaffPage, StaffOnly, staffPageAccess } from "../staff-access";
import { StaffPage, StaffTable } from "../staff-page";
import styles from "../staff-pages.module.css";
import { pageParam } from "../search-params";

const PAGE_SIZE = 25;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.queue");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

/** The submissions waiting for a decision, oldest first. */
export default async function KycQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const page = pageParam((await searchParams).page);
  const here = page > 1 ? `/staff/kyc?page=${page}` : "/staff/kyc";
  const access = await staffPageAccess(here, "kyc:review");
  if (access !== "staff") return <StaffOnly reason={access} />;

  const [t, tLevels, format] = await Promise.all([
    getTranslations("staff.queue"),
    getTranslations("staff.levels"),
    getFormatter(),
  ]);
  const queue = await callForStaffPage(here, async () =>
    (await getServerCaller()).kycReview.queue({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
  );
  const pages = Math.max(1, Math.ceil(queue.total / PAGE_SIZE));

  return (
    <StaffPage title={t("title")} intro={t("intro")}>
      <p role="status">{t("count", { count: queue.total })}</p>

      {queue.items.length === 0 ? (
        queue.total > 0 ? (
          <p>
            <Link href="/staff/kyc">{t("previous")}</Link>
          </p>
        ) : (
          <p className={styles.panel}>{t("empty")}</p>
        )
      ) : (
        <StaffTable caption={t("caption")} columns={[t("customer"), t("email"), t("level"), t("submittedAt"), t("documents")]}>
              {queue.items.map((item) => (
                <tr key={item.submissionId}>
                  <th scope="row">
                    <Link href={`/staff/kyc/${item.submissionId}`}>{item.customer.name}</Link>
                  </th>
                  <td className={styles.email}>{item.customer.email}</td>
                  <td>{tLevels(levelKey(item.level), { level: item.level })}</td>
                  <td>
                    <time dateTime={item.submittedAt}>
                      {format.dateTime(new Date(item.submittedAt), {
                        dateStyle: "medium",
                        timeStyle: "short",
                      })}
                    </time>
                  </td>
                  <td>{t("documentCount", { count: item.documentCount })}</td>
                </tr>
              ))}
            </StaffTable>
      )}
      <p className="muted small">{t("timeZoneNote")}</p>

      {pages > 1 ? (
        <nav aria-label={t("pagination")} className={styles.pagination}>
          {page > 1 ? <Link href={`/staff/kyc?page=${page - 1}`}>{t("previous")}</Link> : null}
          <span>{t("pageOf", { page, pages })}</span>
          {page < pages ? <Link href={`/staff/kyc?page=${page + 1}`}>{t("next")}</Link> : null}
        </nav>
      ) : null}
    </StaffPage>
  );
}
