import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireCustomer } from "~/session/current-customer";
import { VerifyContactForm } from "../_components/verify-contact-form";
import styles from "../identity.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verifyContact.email");
  return { title: t("title") };
}

export default async function VerifyEmailPage() {
  const customer = await requireCustomer("/verify-email");
  const t = await getTranslations("verifyContact.email");
  return (
    <>
      <header className={styles.header}>
        <h1>{t("title")}</h1>
        {customer.emailVerified ? null : (
          <p className="lead">{t("intro", { recipient: customer.email })}</p>
        )}
      </header>
      <VerifyContactForm
        channel="email"
        recipient={customer.email}
        verified={customer.emailVerified}
        offerPhone={customer.phone !== null && !customer.phoneVerified}
      />
    </>
  );
}
