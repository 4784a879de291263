import { getDomainError } from "@brokerage/api";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { auth } from "~/auth";
import { safeRedirectPath } from "~/security/safe-redirect";
import { getServerCaller } from "~/trpc/server";
import { StaffSignInForm } from "./staff-sign-in-form";
import styles from "./sign-in.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.signIn");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

/**
 * Whether the staff cookie still names a live session (it may have been revoked or
 * expired). staffAuth.me answers every enrolled role; FORBIDDEN is a live session that
 * has yet to enrol TOTP.
 */
async function staffSessionIsLive(): Promise<boolean> {
  try {
    await (await getServerCaller()).staffAuth.me();
    return true;
  } catch (error) {
    const code = getDomainError(error)?.code;
    if (code === "FORBIDDEN") return true;
    if (code) return false;
    throw error;
  }
}

export default async function StaffSignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const returnTo = safeRedirectPath((await searchParams).returnTo, { prefix: "/staff" });
  const [t, session] = await Promise.all([getTranslations("staff.signIn"), auth()]);
  const kind = session?.sessionId ? session.kind : undefined;

  let body;
  if (kind === "staff" && (await staffSessionIsLive())) {
    body = (
      <div className="stack">
        <p>{t("alreadySignedIn")}</p>
        <p>
          <Link href={returnTo ?? "/staff"} className="button">
            {t("toQueue")}
          </Link>
        </p>
      </div>
    );
  } else if (kind === "customer") {
    body = <p className="alert">{t("customerSession")}</p>;
  } else {
    body = <StaffSignInForm returnTo={returnTo ?? ""} />;
  }

  return (
    <div className={`container ${styles.page}`}>
      <header className="stack">
        <h1>{t("title")}</h1>
        <p>{t("intro")}</p>
      </header>
      {body}
    </div>
  );
}
