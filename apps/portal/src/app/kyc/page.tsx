import { getDomainError, type RouterOutputs } from "@brokerage/api";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { auth } from "~/auth";
import { countryOptions } from "~/components/kyc/countries";
import {
  levelKey,
  outstandingReasons,
  statusNameOf,
  type KycStatusName,
} from "~/components/kyc/kyc-words";
import { safeRedirectPath } from "~/security/safe-redirect";
import { getServerCaller } from "~/trpc/server";
import { KycProgress } from "./kyc-progress";
import { KycSubmission } from "./kyc-submission";
import styles from "./kyc.module.css";

type KycView = RouterOutputs["kyc"]["state"];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("kyc");
  return { title: t("metaTitle") };
}

const BADGE: Record<KycStatusName, string | undefined> = {
  NOT_REQUIRED: styles.badgeNeutral,
  PENDING_REVIEW: styles.badgePending,
  REQUIRED: styles.badgeAttention,
  APPROVED: styles.badgeOk,
  REJECTED: styles.badgeAttention,
};

/** The level a new submission is for, or null when the customer has nothing to send. */
function submissionLevel(view: KycView, status: KycStatusName): 1 | 2 | null {
  if (status === "REQUIRED" || status === "REJECTED")
    return (view.nextStepLevel ?? view.requiredLevel) >= 2 ? 2 : 1;
  if (status === "NOT_REQUIRED" && view.currentLevel < 1) return 1;
  return null;
}

/** The customer's KYC: the status in words, what is asked and why, the progress, and the form. */
export default async function KycPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const returnTo = safeRedirectPath((await searchParams).returnTo);
  const here = returnTo ? `/kyc?returnTo=${encodeURIComponent(returnTo)}` : "/kyc";
  // The customer sign-in page takes where to come back to as `next`.
  const signIn = (ended: boolean) =>
    `/sign-in?${new URLSearchParams({ next: here, ...(ended ? { notice: "session-ended" } : {}) })}`;
  const session = await auth();
  if (!session?.sessionId) redirect(signIn(false));

  const [t, format, locale] = await Promise.all([
    getTranslations("kyc"),
    getFormatter(),
    getLocale(),
  ]);

  if (session.kind === "staff") {
    return (
      <div className="container stack">
        <h1>{t("title")}</h1>
        <p>{t("staffNotice")}</p>
        <p>
          <Link href="/staff/kyc">{t("staffQueueLink")}</Link>
        </p>
      </div>
    );
  }

  let view: KycView;
  try {
    view = await (await getServerCaller()).kyc.state();
  } catch (error) {
    // The cookie outlived its session row (revoked, expired): sign in again.
    if (getDomainError(error)?.code === "INVALID_CUSTOMER_SESSION") redirect(signIn(true));
    throw error;
  }

  const status = statusNameOf(view.status);
  const level = submissionLevel(view, status);
  const askedLevel = view.requiredLevel > 0 ? view.requiredLevel : level;
  const asked = status === "REQUIRED" || status === "REJECTED" || status === "PENDING_REVIEW";
  const reasons = asked ? outstandingReasons(view.requirements, view.currentLevel) : [];
  const latest = view.latestSubmission;
  const rejectionReason =
    status === "REJECTED" && latest?.status === "REJECTED" ? latest.rejectionReason : null;
  const when = (iso: string) =>
    format.dateTime(new Date(iso), {
      year: "numeric",
      month: "long",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    });

  return (
    <div className="container">
      <div className={styles.page}>
        <header className="stack">
          <h1>{t("title")}</h1>
          <p className="lead">{t("intro")}</p>
        </header>

        <section aria-labelledby="kyc-status-title" className={styles.panel}>
          <h2 id="kyc-status-title">{t("status.heading")}</h2>
          <dl className={styles.facts}>
            <div>
              <dt>{t("status.label")}</dt>
              <dd>
                <span className={`${styles.badge} ${BADGE[status] ?? ""}`} data-testid="kyc-status">
                  {t(`status.names.${status}`)}
                </span>
              </dd>
            </div>
            {askedLevel ? (
              <div>
                <dt>{t("status.levelAsked")}</dt>
                <dd>{t(`levels.${levelKey(askedLevel)}`, { level: askedLevel })}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t("status.levelVerified")}</dt>
              <dd>
                {view.currentLevel > 0
                  ? t(`levels.${levelKey(view.currentLevel)}`, { level: view.currentLevel })
                  : t("status.noLevel")}
              </dd>
            </div>
          </dl>
          <p>{t(`status.explanation.${status}`)}</p>
          {rejectionReason ? (
            <div className={styles.rejection}>
              <p className={styles.rejectionLabel}>{t("status.rejectionReason")}</p>
              <blockquote className={styles.quote}>
                <p>{rejectionReason}</p>
              </blockquote>
            </div>
          ) : null}
          {reasons.length > 0 ? (
            <div className={styles.reasons}>
              <h3>{t("status.reasonsHeading")}</h3>
              <p>{t("status.reasonsIntro")}</p>
              <ul>
                {reasons.map((reason) => (
                  <li key={reason}>{t(`reasons.${reason}`)}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>

        <KycProgress
          status={status}
          hasSubmission={Boolean(latest)}
          submittedOn={latest ? when(latest.submittedAt) : null}
          decidedOn={latest?.decidedAt ? when(latest.decidedAt) : null}
          rejectionReason={rejectionReason}
        />

        {level ? (
          <section aria-labelledby="kyc-upload-title" className={styles.panel}>
            <h2 id="kyc-upload-title">{t("upload.heading")}</h2>
            <ul className={styles.checklist}>
              <li>{t(`upload.${levelKey(level)}.details`)}</li>
              <li>{t(`upload.${levelKey(level)}.document`)}</li>
              <li>{t(`upload.${levelKey(level)}.quality`)}</li>
              <li>{t("upload.formats")}</li>
            </ul>
          </section>
        ) : null}

        <KycSubmission
          level={level}
          mode={
            status === "REJECTED" ? "resubmit" : status === "NOT_REQUIRED" ? "optional" : "first"
          }
          countries={countryOptions(locale)}
          returnTo={returnTo}
        />
      </div>
    </div>
  );
}
