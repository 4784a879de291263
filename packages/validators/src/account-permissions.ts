// The names of an account's permissions (seed 001's `permissions` filter). What each one
// means is derived on the server (packages/api/src/accounts/permissions.ts).
import { z } from "zod";

export const ACCOUNT_PERMISSIONS = [
  "deposit",
  "exchange",
  "trade",
  "transferDeposit",
  "transferWithdrawal",
  "withdrawal",
  "enabled",
  "visible",
] as const;

export type AccountPermission = (typeof ACCOUNT_PERMISSIONS)[number];

export const accountPermissionField = z.enum(ACCOUNT_PERMISSIONS);
