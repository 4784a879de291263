import { z } from "zod";
import { isCountryCode } from "./countries";
import { MAX_DOCUMENT_BYTES } from "./submit-kyc";

const countryField = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { message: "Enter a two-letter ISO 3166-1 country code, such as DE" });

const nameField = z
  .string()
  .trim()
  .min(1, { message: "Required" })
  .max(100)
  .regex(/^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u, { message: "Use letters, spaces, hyphens and apostrophes" });

/** A calendar date; whether it is acceptable (adult, not expired) depends on today, so the handler decides. */
const dateField = z.iso.date({ message: "Enter a date as YYYY-MM-DD" });

const codeLikeField = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: "Required" })
    .max(max)
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, { message: "Use letters, digits, spaces and hyphens" });

// The schema only bounds memory (a little over the limit once decoded); the exact
// 5 MB limit is checked on the decoded bytes, where it is unambiguous.
const MAX_BASE64_CHARS = Math.ceil((MAX_DOCUMENT_BYTES * 1.2) / 3) * 4;

export const submitKycInput = z.strictObject({
  /** 1 identity, 2 proof of address. */
  level: z.union([z.literal(1), z.literal(2)]),
  firstName: nameField,
  lastName: nameField,
  dateOfBirth: dateField,
  nationality: countryField,
  countryOfResidence: countryField,
  address: z.strictObject({
    line1: z.string().trim().min(1, { message: "Required" }).max(200),
    line2: z
      .string()
      .trim()
      .max(200)
      .optional()
      .transform((v) => (v ? v : undefined)),
    city: z.string().trim().min(1, { message: "Required" }).max(100),
    postalCode: codeLikeField(20),
    country: countryField,
  }),
  document: z.strictObject({
    type: z.enum(["passport", "id_card", "driving_licence"]),
    number: codeLikeField(40).toUpperCase(),
    expiryDate: dateField,
  }),
  files: z
    .array(
      z.strictObject({
        /** Kept for the reviewer's eyes only; never used to store or to type the file. */
        fileName: z.string().trim().min(1).max(255),
        contentBase64: z.string().max(MAX_BASE64_CHARS, { message: "The file is larger than 5 MB" }).pipe(z.base64()),
      }),
    )
    .min(1, { message: "Attach at least one file" })
    .max(5, { message: "Attach at most 5 files" }),
});

export type SubmitKycInput = z.infer<typeof submitKycInput>;
/** What a client sends (before trimming and defaults). */
export type SubmitKycRequest = z.input<typeof submitKycInput>;
