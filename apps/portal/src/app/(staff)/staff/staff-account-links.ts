// The staff pages of this feature, for the staff navigation (staff-nav.tsx) to list by
// permission: each entry names the permission its page needs and its label's key in
// staff.json (`staff.accountLinks.<key>`).
import type { StaffPermission } from "@brokerage/api";

export const STAFF_ACCOUNT_LINKS = [
  { href: "/staff/sessions", permission: "staff:self", labelKey: "sessions" },
  { href: "/staff/members", permission: "staff:manage", labelKey: "members" },
] as const satisfies readonly { href: string; permission: StaffPermission; labelKey: string }[];
