// The staff navigation: one link per section the signed-in member's role allows (from
// staffAuth.me().permissions). Renders nothing for visitors, customers, and staff who
// cannot use the staff procedures yet (e.g. before enrolment).
import "server-only";
import type { StaffPermission } from "@brokerage/api";
import { getTranslations } from "next-intl/server";
import { auth } from "~/auth";
import { NavLink } from "~/components/nav-link";
import { getServerCaller } from "~/trpc/server";

export interface StaffSection {
  href: string;
  /** A key of `staff.nav` (and of `staff.home.sections`). */
  label: "home" | "kyc" | "customers" | "adjustments" | "withdrawals" | "audit" | "members" | "sessions";
  permission: StaffPermission;
}

/** Every staff section with the permission it needs; the home page lists the same. */
export const STAFF_SECTIONS: StaffSection[] = [
  { href: "/staff", label: "home", permission: "staff:self" },
  { href: "/staff/kyc", label: "kyc", permission: "kyc:review" },
  { href: "/staff/customers", label: "customers", permission: "customers:read" },
  { href: "/staff/adjustments", label: "adjustments", permission: "money:adjust:request" },
  { href: "/staff/withdrawals", label: "withdrawals", permission: "money:withdrawals:approve" },
  { href: "/staff/audit", label: "audit", permission: "audit:read" },
  { href: "/staff/members", label: "members", permission: "staff:manage" },
  { href: "/staff/sessions", label: "sessions", permission: "staff:self" },
];

/** The sections the member's permissions allow, or null when no staff member is signed in. */
export async function allowedStaffSections(): Promise<StaffSection[] | null> {
  const session = await auth();
  if (session?.kind !== "staff") return null;
  try {
    const me = await (await getServerCaller()).staffAuth.me();
    return STAFF_SECTIONS.filter((s) => me.permissions.includes(s.permission));
  } catch {
    return null;
  }
}

export async function StaffNav() {
  const sections = await allowedStaffSections();
  if (!sections) return null;
  const t = await getTranslations("staff.nav");
  const hrefs = sections.map((s) => s.href);
  return (
    <nav aria-label={t("label")} className="container staff-nav">
      <ul className="nav-list">
        {sections.map((s) => (
          <li key={s.href}>
            <NavLink href={s.href} siblings={hrefs}>
              {t(s.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
