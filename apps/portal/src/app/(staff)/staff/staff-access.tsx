// Who may see the staff pages: staff whose role grants the page's permission. Anonymous
// visitors are sent to the staff sign-in (and brought back afterwards); customers, and
// staff whose role lacks the permission, get a page that says why.
import "server-only";
import { getDomainError, type StaffPermission } from "@brokerage/api";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { auth } from "~/auth";
import { getServerCaller } from "~/trpc/server";

export const staffSignInPath = (returnTo: string) =>
  `/staff/sign-in?returnTo=${encodeURIComponent(returnTo)}`;

/** Where a member without TOTP goes first (staff TOTP is mandatory), then back to `returnTo`. */
export const staffEnrolPath = (returnTo: string) =>
  `/staff/enrol?returnTo=${encodeURIComponent(returnTo)}`;

export type StaffPageAccess = "staff" | "customer" | "role";

/**
 * "staff" for a staff session whose role grants `permission`, "role" for one whose role
 * does not, "customer" for a customer's. Without a session (or with one that has ended)
 * this redirects to the staff sign-in, which comes back to `returnTo`; a member who has
 * not enrolled TOTP yet (every staff procedure answers them 403) goes to the enrolment.
 */
export async function staffPageAccess(returnTo: string, permission: StaffPermission): Promise<StaffPageAccess> {
  const session = await auth();
  if (!session?.sessionId) redirect(staffSignInPath(returnTo));
  if (session.kind !== "staff") return "customer";
  const me = await callForStaffPage(returnTo, async () => {
    try {
      return await (await getServerCaller()).staffAuth.me();
    } catch (error) {
      // staffAuth.me needs staff:self, which every role holds: FORBIDDEN means "not enrolled".
      if (getDomainError(error)?.code === "FORBIDDEN") redirect(staffEnrolPath(returnTo));
      throw error;
    }
  });
  return me.permissions.includes(permission) ? "staff" : "role";
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

/** What a customer, or a staff member whose role does not cover the page, sees instead. */
export async function StaffOnly({ reason }: { reason: Exclude<StaffPageAccess, "staff"> }) {
  const t = await getTranslations("staff.forbidden");
  if (reason === "role") {
    return (
      <div className="container stack" data-status="403">
        <h1>{t("roleTitle")}</h1>
        <p>{t("roleBody")}</p>
      </div>
    );
  }
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
