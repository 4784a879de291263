// The back office's permission matrix (product.md "Staff"; published in the README). Every
// staff procedure declares one of these where it is built (`staffProcedure.requires(...)`),
// and test/staff/permission-walk.test.ts proves each role against each procedure.
import type { StaffRole } from "@brokerage/db";

export const STAFF_PERMISSIONS = [
  /** Own sign-in, enrolment and sessions: every staff member. */
  "staff:self",
  "kyc:review",
  "kyc:documents",
  "customers:read",
  /** End a customer's sessions, reset their second factor (after an identity check). */
  "customers:support",
  /** Create, disable and enable customers; staff-only customer fields. */
  "customers:manage",
  "money:adjust:request",
  "money:adjust:approve",
  "money:withdrawals:approve",
  "staff:manage",
  "audit:read",
] as const;

export type StaffPermission = (typeof STAFF_PERMISSIONS)[number];

/**
 * Not a permission of the matrix: what the enrolment procedures declare. Every role has
 * it, and it is the only thing a member who has not enrolled TOTP yet may do (every other
 * staff procedure answers them 403 FORBIDDEN). Once enrolled, it is refused: a new
 * authenticator comes only after an ADMIN reset (staffMembers.resetTwoFactor).
 */
export const ENROLMENT_PERMISSION = "staff:enrol" as const;
export type StaffProcedurePermission = StaffPermission | typeof ENROLMENT_PERMISSION;

export const ROLE_PERMISSIONS = {
  KYC_REVIEWER: ["staff:self", "kyc:review", "kyc:documents", "customers:read"],
  SUPPORT: ["staff:self", "customers:read", "customers:support"],
  FINANCE: ["staff:self", "customers:read", "money:adjust:request", "money:adjust:approve", "money:withdrawals:approve"],
  ADMIN: STAFF_PERMISSIONS,
} as const satisfies Record<StaffRole, readonly StaffPermission[]>;

export const STAFF_ROLES = Object.keys(ROLE_PERMISSIONS) as StaffRole[];

export function hasPermission(role: StaffRole, permission: StaffPermission): boolean {
  return (ROLE_PERMISSIONS[role] as readonly StaffPermission[]).includes(permission);
}

export function permissionsOf(role: StaffRole): StaffPermission[] {
  return [...ROLE_PERMISSIONS[role]];
}
