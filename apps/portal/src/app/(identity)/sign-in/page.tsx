import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentCustomer } from "~/session/current-customer";
import { safeRedirectTarget } from "~/security/safe-redirect";
import styles from "../identity.module.css";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

const NOTICES = ["session-ended", "password-reset", "registered"] as const;
type Notice = (typeof NOTICES)[number];

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = safeRedirectTarget(first(params.next), "/accounts");
  if (await getCurrentCustomer()) redirect(next);
  const notice = NOTICES.find((n) => n === first(params.notice)) as Notice | undefined;
  const t = await getTranslations("signIn");
  return (
    <>
      <header className={styles.header}>
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro")}</p>
      </header>
      {notice ? (
        <p role="status" className={notice === "session-ended" ? "alert" : styles.notice}>
          {t(`notices.${notice}`)}
        </p>
      ) : null}
      <SignInForm next={next} />
      <div className={styles.aside}>
        <p>
          <Link href="/forgot-password">{t("forgotPassword")}</Link>
        </p>
        <p>
          {t("noAccount")} <Link href="/sign-up">{t("signUpLink")}</Link>
        </p>
      </div>
    </>
  );
}
