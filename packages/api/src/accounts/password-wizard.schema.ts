import { z } from "zod";
import { accountIdField, passwordTypeField } from "./fields";

/** Seed 001 `GET .../password/wizard?passwordType=`. */
export const startWizardInput = z.strictObject({
  accountId: accountIdField,
  passwordType: passwordTypeField,
});

/** The e-mailed code: six digits, as a string or (seed 001) a number. */
const codeField = z.union([
  z.string().trim().regex(/^\d{6}$/, { message: "Six digits" }),
  z
    .number()
    .int()
    .min(0)
    .max(999_999)
    .transform((n) => String(n).padStart(6, "0")),
]);

/** Seed 001 `POST .../password/confirm`. */
export const confirmWizardInput = z.strictObject({
  accountId: accountIdField,
  flowId: z.uuid(),
  code: codeField,
});

/** Seed 001 `PUT .../password`: the policy and the confirmation are checked by the domain. */
export const changePasswordInput = z.strictObject({
  accountId: accountIdField,
  flowId: z.uuid(),
  password: z.string().max(128),
  passwordConfirmation: z.string().max(128),
});
