// The customer password's length rule (product.md: 8 to 64 characters, counted as the
// person sees them). Whether it is the e-mail or a common password is checked by the
// server only (packages/api/src/passwords): the list of common passwords stays there.
import { z } from "zod";
import { withCode } from "./field-codes";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;

/** Characters as a person counts them: an emoji is one, not two UTF-16 units. */
export const passwordLength = (password: string) => [...password].length;

export type PasswordLengthProblem = "TOO_SHORT" | "TOO_LONG" | null;

export function passwordLengthProblem(password: string): PasswordLengthProblem {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return "TOO_SHORT";
  if (length > PASSWORD_MAX_LENGTH) return "TOO_LONG";
  return null;
}

/** A new customer password, as a form checks it before sending. */
export const customerPasswordField = z
  .string()
  .refine((p) => passwordLength(p) >= PASSWORD_MIN_LENGTH, withCode("TOO_SHORT", `At least ${PASSWORD_MIN_LENGTH} characters`))
  .refine((p) => passwordLength(p) <= PASSWORD_MAX_LENGTH, withCode("TOO_LONG", `At most ${PASSWORD_MAX_LENGTH} characters`));
