import { z } from "zod";
import { PASSWORD_TYPES } from "./password-types";

/** An account's portal id (seed 001 `accountId`), a PostgreSQL integer. */
export const accountIdField = z.number().int().positive().max(2_147_483_647);

/** Money as a decimal string (or a number) with at most two decimals, more than zero: the shared schema. */
export { amountField } from "@brokerage/validators";

/** A repeat with the same key does the operation once and answers the same. */
export const idempotencyKeyField = z
  .string()
  .trim()
  .min(8)
  .max(128)
  .regex(/^[\x21-\x7e]+$/, { message: "Printable ASCII without spaces" });

export const passwordTypeField = z.enum(PASSWORD_TYPES);
