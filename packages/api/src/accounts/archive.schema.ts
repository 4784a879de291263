import { stepUpField } from "@brokerage/validators";
import { z } from "zod";
import { accountIdField } from "./fields";

/** Seed 001 `POST /my/accounts/{accountId}/archive`. */
export const archiveAccountInput = z.strictObject({
  accountId: accountIdField,
  /** The caller's open wallet in the same currency; required only when a REAL account holds funds. */
  fallbackId: accountIdField.optional(),
  /** The confirmation (issue 16), needed when a REAL account or wallet holds money: 403 STEP_UP_REQUIRED without it. */
  stepUp: stepUpField.optional(),
});
