import { z } from "zod";

/** E-mail as typed; compared and stored lower-cased. */
export const emailField = z.string().trim().max(254).pipe(z.email({ message: "Enter a valid e-mail address" }));

/**
 * Length is a domain rule with its own codes (PASSWORD_TOO_SHORT/LONG, 409); the schema
 * only refuses what is not a password at all.
 */
export const newPasswordField = z.string().max(1024);

export const codeField = (digits: number) =>
  z.string().trim().regex(new RegExp(`^\\d{${digits}}$`), { message: `Enter the ${digits}-digit code` });
