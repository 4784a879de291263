import { z } from "zod";
import { accountIdField } from "./fields";

/** Seed 001 `POST /my/accounts/{accountId}/archive`. */
export const archiveAccountInput = z.strictObject({
  accountId: accountIdField,
  /** The caller's open wallet in the same currency; required only when a REAL account holds funds. */
  fallbackId: accountIdField.optional(),
});
