import { getDomainError, type RouterOutputs } from "@brokerage/api";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { countryName } from "~/components/kyc/countries";
import { isDocumentType, levelKey } from "~/components/kyc/kyc-words";
import { getServerCaller } from "~/trpc/server";
import { callForStaffPage, StaffOnly, staffPageAccess } from "../../staff-access";
import { DecisionPanel } from "./decision-panel";
import { SubmissionCustomer } from "./submission-customer";
import { SubmissionDocuments } from "./submission-documents";
import { readSubmittedData } from "./submitted-data";
import { StaffTable } from "../../staff-page";
import styles from "./review.module.css";

type Submission = RouterOutputs["kycReview"]["get"];

function submissionIdFrom(raw: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= 2_147_483_647 ? id : null;
}

export async function generateMetadata({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<Metadata> {
  const [{ id }, t] = await Promise.all([params, getTranslations("staff.review")]);
  return {
    title: t("metaTitle", { id: submissionIdFrom(id) ?? "?" }),
    robots: { index: false, follow: false },
  };
}

/** The document route: bytes for staff only (../documents/[id]/route.ts). */
/** One submission for a reviewer: the data, the documents, the decision, the history. */
export default async function KycReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  const here = `/staff/kyc/${encodeURIComponent(rawId)}`;
  const access = await staffPageAccess(here, "kyc:review");
  if (access !== "staff") return <StaffOnly reason={access} />;
  const submissionId = submissionIdFrom(rawId);
  if (submissionId === null) notFound();

  const submission: Submission = await callForStaffPage(here, async () => {
    try {
      return await (await getServerCaller()).kycReview.get({ submissionId });
    } catch (error) {
      if (getDomainError(error)?.code === "NOT_FOUND") notFound();
      throw error;
    }
  });

  const [t, tLevels, format, locale] = await Promise.all([
    getTranslations("staff.review"),
    getTranslations("staff.levels"),
    getFormatter(),
    getLocale(),
  ]);
  const data = readSubmittedData(submission.data);
  const when = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const day = (value: string | null) =>
    value && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? `${format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: "long" })} (${value})`
      : value;
  const country = (code: string | null) => (code ? `${countryName(locale, code)} (${code})` : null);
  const missing = <span className={styles.missing}>{t("missing")}</span>;
  const value = (content: ReactNode) => (content === null || content === "" ? missing : content);
  const addressLines = [
    data.address.line1,
    data.address.line2,
    [data.address.postalCode, data.address.city].filter(Boolean).join(" "),
    country(data.address.country),
  ].filter((line): line is string => Boolean(line));

  return (
    <div className={`container ${styles.page}`}>
      <p>
        <Link href="/staff/kyc">{t("backToQueue")}</Link>
      </p>
      <header className="stack">
        <h1>{t("title", { name: submission.customer.name })}</h1>
        <p>
          <span className={`${styles.badge} ${styles[`badge${submission.status}`] ?? ""}`}>
            {t(`submissionStatus.${submission.status}`)}
          </span>{" "}
          {t("summary", {
            id: submission.submissionId,
            level: submission.level,
            date: when(submission.submittedAt),
          })}{" "}
          {submission.decidedAt ? t("decidedOn", { date: when(submission.decidedAt) }) : null}
        </p>
      </header>

      <div className={styles.columns}>
        <section aria-labelledby="data-title" className={styles.panel}>
          <h2 id="data-title">{t("dataHeading")}</h2>
          <dl className={styles.facts}>
            <div>
              <dt>{t("firstName")}</dt>
              <dd>{value(data.firstName)}</dd>
            </div>
            <div>
              <dt>{t("lastName")}</dt>
              <dd>{value(data.lastName)}</dd>
            </div>
            <div>
              <dt>{t("dateOfBirth")}</dt>
              <dd>{value(day(data.dateOfBirth))}</dd>
            </div>
            <div>
              <dt>{t("nationality")}</dt>
              <dd>{value(country(data.nationality))}</dd>
            </div>
            <div>
              <dt>{t("countryOfResidence")}</dt>
              <dd>{value(country(data.countryOfResidence))}</dd>
            </div>
            <div>
              <dt>{t("address")}</dt>
              <dd>
                {addressLines.length > 0
                  ? addressLines.map((line, index) => (
                      <span key={index} className={styles.line}>
                        {line}
                      </span>
                    ))
                  : missing}
              </dd>
            </div>
            <div>
              <dt>{t("documentType")}</dt>
              <dd>
                {isDocumentType(data.document.type)
                  ? t(`documentTypes.${data.document.type}`)
                  : value(data.document.type)}
              </dd>
            </div>
            <div>
              <dt>{t("documentNumber")}</dt>
              <dd className={styles.mono}>{value(data.document.number)}</dd>
            </div>
            <div>
              <dt>{t("expiryDate")}</dt>
              <dd>{value(day(data.document.expiryDate))}</dd>
            </div>
          </dl>
        </section>

        <SubmissionDocuments documents={submission.documents} />
      </div>

      <DecisionPanel
        submissionId={submission.submissionId}
        level={submission.level}
        pending={submission.status === "PENDING"}
      />

      <SubmissionCustomer submission={submission} />

      <section aria-labelledby="history-title" className={styles.panel}>
        <h2 id="history-title">{t("historyHeading")}</h2>
        <StaffTable caption={t("historyCaption")} columns={[t("historySubmission"), t("historyLevel"), t("historySubmitted"), t("historyStatus"), t("historyDecision")]}>
              {submission.history.map((entry) => (
                <tr key={entry.submissionId}>
                  <th scope="row">
                    {entry.submissionId === submission.submissionId ? (
                      t("thisSubmission", { id: entry.submissionId })
                    ) : (
                      <Link href={`/staff/kyc/${entry.submissionId}`}>{entry.submissionId}</Link>
                    )}
                  </th>
                  <td>{tLevels(levelKey(entry.level), { level: entry.level })}</td>
                  <td>{when(entry.submittedAt)}</td>
                  <td>{t(`submissionStatus.${entry.status}`)}</td>
                  <td>
                    {entry.reviews.length === 0
                      ? t("noDecision")
                      : entry.reviews.map((review) => (
                          <p key={review.reviewId}>
                            {t("decisionBy", {
                              decision: t(`decisions.${review.decision}`),
                              staff: review.staff.name,
                              date: when(review.decidedAt),
                            })}
                            {review.reason ? (
                              <>
                                {" "}
                                <span className={styles.wrap}>
                                  {t("decisionReason", { reason: review.reason })}
                                </span>
                              </>
                            ) : null}
                          </p>
                        ))}
                  </td>
                </tr>
              ))}
            </StaffTable>
        <p className="muted small">{t("timeZoneNote")}</p>
      </section>
    </div>
  );
}
