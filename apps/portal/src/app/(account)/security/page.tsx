import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireCustomer } from "~/session/current-customer";
import { getServerCaller } from "~/trpc/server";
import { SmsFactorSettings } from "./sms-factor-settings";
import { TwoFactorSettings } from "./two-factor-settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security");
  return { title: t("title") };
}

export default async function SecurityPage() {
  const customer = await requireCustomer("/security");
  const [t, status, sms] = await Promise.all([
    getTranslations("security"),
    getServerCaller().then((caller) => caller.otp.status()),
    getServerCaller().then((caller) => caller.smsFactor.status()),
  ]);
  return (
    <>
      <header className="stack">
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro")}</p>
      </header>
      <TwoFactorSettings
        enabled={status.otpEnabled === 1}
        recoveryCodesLeft={status.recoveryCodesLeft}
        account={customer.email}
        issuer={customer.brandName}
      />
      <SmsFactorSettings status={sms} account={customer.email} issuer={customer.brandName} />
      <section aria-labelledby="security-password" className="stack">
        <h2 id="security-password">{t("password.title")}</h2>
        <p>{t("password.intro")}</p>
        <p>
          <Link href="/change-password">{t("password.link")}</Link>
        </p>
      </section>
      <section aria-labelledby="security-activity" className="stack">
        <h2 id="security-activity">{t("activity.title")}</h2>
        <p>{t("activity.intro")}</p>
        <p>
          <Link href="/security/activity">{t("activity.link")}</Link>
        </p>
      </section>
      <section aria-labelledby="security-devices" className="stack">
        <h2 id="security-devices">{t("devices.title")}</h2>
        <p>{t("devices.intro")}</p>
        <p>
          <Link href="/sessions">{t("devices.link")}</Link>
        </p>
      </section>
    </>
  );
}
