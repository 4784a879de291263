import { z } from "zod";
import { emailField, newPasswordField } from "./fields";

export const signUpInput = z.strictObject({
  email: emailField,
  password: newPasswordField,
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  phone: z.e164({ message: "Enter the phone number in international format, e.g. +35712345678" }).optional(),
  preferredLanguage: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/).default("en"),
  /** The brand's code; the default brand when omitted. */
  brand: z.string().trim().min(1).max(64).optional(),
  // Staff-only fields: accepted by the schema so the answer can be NON_ADMIN_FIELD (seed 004).
  deskId: z.unknown().optional(),
  managerId: z.unknown().optional(),
  status: z.unknown().optional(),
  tanChannels: z.unknown().optional(),
  conversionRateClass: z.unknown().optional(),
  debitThreshold: z.unknown().optional(),
});

export type SignUpProcedureInput = z.infer<typeof signUpInput>;
