import type { RouterOutputs } from "@brokerage/api";
import { getTranslations } from "next-intl/server";
import { outstandingReasons, statusNameOf } from "~/components/kyc/kyc-words";
import styles from "./review.module.css";

/** Who submitted, and where their identity verification stands. */
export async function SubmissionCustomer({ submission }: { submission: RouterOutputs["kycReview"]["get"] }) {
  const [t, tReasons] = await Promise.all([getTranslations("staff.review"), getTranslations("kyc.reasons")]);
  const profileStatus = statusNameOf(submission.profile.status);
  const missing = <span className={styles.missing}>{t("missing")}</span>;
  return (
    <section aria-labelledby="customer-title" className={styles.panel}>
      <h2 id="customer-title">{t("customerHeading")}</h2>
      <dl className={styles.facts}>
        <div>
          <dt>{t("customerName")}</dt>
          <dd>{submission.customer.name}</dd>
        </div>
        <div>
          <dt>{t("customerEmail")}</dt>
          <dd className={styles.wrap}>{submission.customer.email}</dd>
        </div>
        <div>
          <dt>{t("customerId")}</dt>
          <dd>{submission.customer.customerId}</dd>
        </div>
        <div>
          <dt>{t("profileStatus")}</dt>
          <dd>{t(`statusNames.${profileStatus}`)}</dd>
        </div>
        <div>
          <dt>{t("levels")}</dt>
          <dd>
            {t("levelsValue", {
              current: submission.profile.currentLevel,
              required: submission.profile.requiredLevel,
            })}
          </dd>
        </div>
        <div>
          <dt>{t("requirements")}</dt>
          <dd>
            {submission.profile.requirements.length > 0 ? (
              <ul className={styles.plainList}>
                {outstandingReasons(submission.profile.requirements, 0).map((reason) => (
                  <li key={reason}>{tReasons(reason)}</li>
                ))}
              </ul>
            ) : (
              missing
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
