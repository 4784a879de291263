// Who may see the staff pages: staff. Anonymous visitors are sent to the staff sign-in
// (and brought back afterwards); customers get a page that says this is for staff.
import "server-only";
import { getDomainError } from "@brokerage/api";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { auth } from "~/auth";

export const staffSignInPath = (returnTo: string) =>
  `/staff/sign-in?returnTo=${encodeURIComponent(returnTo)}`;

/**
 * "staff" for a staff session, "customer" for a customer's. Without a session this
 * redirects to the staff sign-in, which comes back to `returnTo`.
 */
export async function staffPageAccess(returnTo: string): Promise<"staff" | "customer"> {
  const session = await auth();
  if (!session?.sessionId) redirect(staffSignInPath(returnTo));
  return session.kind === "staff" ? "staff" : "customer";
}

/**
 * Runs a staff procedure for a page. A staff session that ended since the cookie was
 * written (revoked, expired) goes back to the sign-in; other errors are the page's.
 */
export async function callForStaffPage<T>(returnTo: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (getDomainError(error)?.code === "INVALID_CUSTOMER_SESSION")
      redirect(staffSignInPath(returnTo));
    throw error;
  }
}

/** What a customer sees on a staff page. */
export async function StaffOnly() {
  const t = await getTranslations("staff.forbidden");
  return (
    <div className="container stack" data-status="403">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>{t("staffSignIn")}</p>
      <p>
        <Link href="/kyc">{t("customerLink")}</Link>
      </p>
    </div>
  );
}
