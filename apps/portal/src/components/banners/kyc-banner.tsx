// Tells a signed-in customer whose KYC is REQUIRED or REJECTED what is asked and why,
// with a button into the KYC flow (issue #5). Rendered by the layout for customers.
import { getDomainError } from "@brokerage/api";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getLogger } from "~/server/logger";
import { outstandingReasons, statusNameOf } from "~/components/kyc/kyc-words";
import { getServerCaller } from "~/trpc/server";
import styles from "./kyc-banner.module.css";
import { KycBannerVisibility } from "./kyc-banner-visibility";

async function readKycState() {
  try {
    return await (await getServerCaller()).kyc.state();
  } catch (error) {
    // The banner never takes the page down: a session that just ended, a database that
    // does not answer. The page itself reports what went wrong.
    if (!getDomainError(error))
      getLogger().warn(
        { err: error instanceof Error ? error.name : "Error" },
        "KYC banner unavailable",
      );
    return null;
  }
}

export async function KycBanner() {
  const view = await readKycState();
  if (!view) return null;
  const status = statusNameOf(view.status);
  if (status !== "REQUIRED" && status !== "REJECTED") return null;

  const [t, tReasons, format] = await Promise.all([
    getTranslations("kycBanner"),
    getTranslations("kyc.reasons"),
    getFormatter(),
  ]);
  const reasons = format.list(
    outstandingReasons(view.requirements, view.currentLevel).map((key) => tReasons(key)),
    { type: "conjunction" },
  );
  const rejected = status === "REJECTED";
  const rejectionReason = rejected ? view.latestSubmission?.rejectionReason : null;

  return (
    <KycBannerVisibility>
      <section
        className={`${styles.banner} ${rejected ? styles.rejected : ""}`}
        aria-labelledby="kyc-banner-title"
      >
        <div className={styles.text}>
          <p id="kyc-banner-title" className={styles.title}>
            {rejected ? t("rejectedTitle") : t("requiredTitle")}
          </p>
          {rejected ? (
            <>
              {rejectionReason ? (
                <p className={styles.reason}>{t("rejectedBody", { reason: rejectionReason })}</p>
              ) : null}
              {reasons ? <p>{t("rejectedAgain", { reasons })}</p> : null}
            </>
          ) : reasons ? (
            <p>{t("requiredBody", { reasons })}</p>
          ) : null}
        </div>
        <Link href="/kyc" className={`button ${styles.action}`}>
          {rejected ? t("rejectedAction") : t("requiredAction")}
        </Link>
      </section>
    </KycBannerVisibility>
  );
}
