import { getDomainError } from "@brokerage/api";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getServerCaller } from "~/trpc/server";
import { SetPasswordForm } from "./set-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.enrolLink");
  return {
    title: t("metaTitle"),
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

/**
 * A new staff member's single-use link (from `pnpm staff:create` or an ADMIN's invite):
 * they choose their password here, then enrol an authenticator app.
 */
export default async function StaffEnrolLinkPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const t = await getTranslations("staff.enrolLink");
  let link;
  try {
    link = await (await getServerCaller()).staffAuth.enrolmentLink.get({ token });
  } catch (error) {
    const code = getDomainError(error)?.code;
    if (code !== "LINK_USED" && code !== "INVALID_DATA") throw error;
    return (
      <div className="container stack" data-status="410">
        <h1>{t("usedTitle")}</h1>
        <p>{t("usedBody")}</p>
        <p>
          <Link href="/staff/sign-in">{t("toSignIn")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="container stack">
      <header className="stack">
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro", { name: link.name, email: link.email })}</p>
      </header>
      <SetPasswordForm token={token} email={link.email} />
    </div>
  );
}
