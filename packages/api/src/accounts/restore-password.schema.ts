import { z } from "zod";
import { accountIdField, passwordTypeField } from "./fields";

/** Seed 001 `POST .../password/restore`. */
export const restorePasswordInput = z.strictObject({
  accountId: accountIdField,
  passwordType: passwordTypeField,
});

/** The token of the e-mailed link (`/accounts/password-link/<token>`). */
export const revealRestoredPasswordInput = z.strictObject({
  token: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{16,128}$/, { message: "Not a link token" }),
});
