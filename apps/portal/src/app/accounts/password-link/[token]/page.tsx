import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireCustomer } from "../../_lib/require-customer";
import { RevealPassword } from "./reveal-password";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accountPasswordLink");
  // The token stays out of referrers and search engines.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** The restore e-mail's single-use link: the new trading password, once, to its signed-in owner. */
export default async function PasswordLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(token)) notFound();
  await requireCustomer(`/accounts/password-link/${token}`);
  return <RevealPassword token={token} />;
}
