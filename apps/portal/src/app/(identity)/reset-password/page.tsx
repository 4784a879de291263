import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "../identity.module.css";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("resetPassword");
  return { title: t("title") };
}

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { email } = await searchParams;
  const t = await getTranslations("resetPassword");
  return (
    <>
      <header className={styles.header}>
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro")}</p>
      </header>
      <ResetPasswordForm email={typeof email === "string" ? email.slice(0, 254) : ""} />
      <div className={styles.aside}>
        <p>
          {t("noCode")} <Link href="/forgot-password">{t("requestCode")}</Link>
        </p>
      </div>
    </>
  );
}
