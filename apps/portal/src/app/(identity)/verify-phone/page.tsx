import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireCustomer } from "~/session/current-customer";
import { VerifyContactForm } from "../_components/verify-contact-form";
import styles from "../identity.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verifyContact.phone");
  return { title: t("title") };
}

export default async function VerifyPhonePage() {
  const customer = await requireCustomer("/verify-phone");
  const t = await getTranslations("verifyContact.phone");
  return (
    <>
      <header className={styles.header}>
        <h1>{t("title")}</h1>
        {customer.phone && !customer.phoneVerified ? (
          <p className="lead">{t("intro", { recipient: customer.phone })}</p>
        ) : null}
      </header>
      {customer.phone ? (
        <VerifyContactForm
          channel="phone"
          recipient={customer.phone}
          verified={customer.phoneVerified}
          offerPhone={false}
        />
      ) : (
        <p>{t("noPhone")}</p>
      )}
    </>
  );
}
