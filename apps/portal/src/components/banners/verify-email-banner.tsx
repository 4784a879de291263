// Asks a signed-in customer whose e-mail is not verified to verify it (issue #3).
// Rendered by the layout for customers; nothing once the address is verified.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFrameViewer } from "~/session/current-customer";
import styles from "./verify-email-banner.module.css";

export async function VerifyEmailBanner() {
  const { customer } = await getFrameViewer();
  if (!customer || customer.emailVerified) return null;
  const t = await getTranslations("verifyEmailBanner");
  return (
    <aside className={styles.banner} aria-label={t("label")}>
      <p>{t("text", { email: customer.email })}</p>
      <p>
        <Link href="/verify-email" className={styles.link}>
          {t("link")}
        </Link>
      </p>
    </aside>
  );
}
