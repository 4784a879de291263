import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getBrandForFrame } from "~/server/brand";
import { getCurrentCustomer } from "~/session/current-customer";
import styles from "../identity.module.css";
import { SignUpForm } from "./sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signUp");
  return { title: t("title") };
}

export default async function SignUpPage() {
  if (await getCurrentCustomer()) redirect("/accounts");
  const [t, brand, locale] = await Promise.all([
    getTranslations("signUp"),
    getBrandForFrame(),
    getLocale(),
  ]);
  const open = brand?.selfServiceRegistration ?? true;
  return (
    <>
      <header className={styles.header}>
        <h1>{t("title")}</h1>
        {open ? <p className="lead">{t("intro")}</p> : null}
      </header>
      {/* Keyed by the page language: switching it offers the new language as the preferred one. */}
      {open ? <SignUpForm key={locale} defaultLanguage={locale} /> : <p className="alert">{t("closed")}</p>}
      <div className={styles.aside}>
        <p>
          {t("haveAccount")} <Link href="/sign-in">{t("signInLink")}</Link>
        </p>
      </div>
    </>
  );
}
