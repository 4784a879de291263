import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireCustomer } from "~/session/current-customer";
import { ChangePasswordForm } from "./change-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("changePassword");
  return { title: t("title") };
}

export default async function ChangePasswordPage() {
  const customer = await requireCustomer("/change-password");
  const t = await getTranslations("changePassword");
  return (
    <>
      <header className="stack">
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro")}</p>
      </header>
      <ChangePasswordForm email={customer.email} />
      <p>
        <Link href="/security">{t("back")}</Link>
      </p>
    </>
  );
}
