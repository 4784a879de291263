import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "../identity.module.css";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("forgotPassword");
  return { title: t("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("forgotPassword");
  return (
    <>
      <header className={styles.header}>
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro")}</p>
      </header>
      <ForgotPasswordForm />
      <div className={styles.aside}>
        <p>
          <Link href="/sign-in">{t("backToSignIn")}</Link>
        </p>
      </div>
    </>
  );
}
