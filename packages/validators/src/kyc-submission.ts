// The fields of a KYC submission (`kyc.submit`). The server parses the whole input with
// `submitKycInput`; a form checks its fields with the same field schemas before sending.
import { z } from "zod";
import { countryField } from "./countries";
import { withCode } from "./field-codes";
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_FILES, FILE_TOO_LARGE_MESSAGE } from "./kyc-documents";

export const KYC_DOCUMENT_TYPES = ["passport", "id_card", "driving_licence"] as const;
export type KycDocumentType = (typeof KYC_DOCUMENT_TYPES)[number];

// Built-in checks carry no custom code: their issue kind maps to one (issue-codes.ts).
const required = { message: "Required" };

const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u;
const CODE_LIKE = /^[A-Za-z0-9][A-Za-z0-9 -]*$/;

export const kycNameField = z
  .string()
  .trim()
  .min(1, required)
  .max(100)
  .refine((v) => NAME.test(v), withCode("INVALID_CHARACTERS", "Use letters, spaces, hyphens and apostrophes"));

/** A calendar date; whether it is acceptable (adult, not expired) depends on today (kyc-dates.ts). */
export const kycDateField = z.iso.date({ message: "Enter a date as YYYY-MM-DD" });

export const kycCodeLikeField = (max: number) =>
  z
    .string()
    .trim()
    .min(1, required)
    .max(max)
    .refine((v) => CODE_LIKE.test(v), withCode("INVALID_CHARACTERS", "Use letters, digits, spaces and hyphens"));

export const kycAddressLine1Field = z.string().trim().min(1, required).max(200);
export const kycAddressLine2Field = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v ? v : undefined));
export const kycCityField = z.string().trim().min(1, required).max(100);
export const kycPostalCodeField = kycCodeLikeField(20);
export const kycDocumentTypeField = z.enum(KYC_DOCUMENT_TYPES);
export const kycDocumentNumberField = kycCodeLikeField(40).toUpperCase();

// The schema only bounds memory (a little over the limit once decoded); the exact
// 5 MB limit is checked on the decoded bytes, where it is unambiguous.
const MAX_BASE64_CHARS = Math.ceil((MAX_DOCUMENT_BYTES * 1.2) / 3) * 4;

export const submitKycInput = z.strictObject({
  /** 1 identity, 2 proof of address. */
  level: z.union([z.literal(1), z.literal(2)]),
  firstName: kycNameField,
  lastName: kycNameField,
  dateOfBirth: kycDateField,
  nationality: countryField,
  countryOfResidence: countryField,
  address: z.strictObject({
    line1: kycAddressLine1Field,
    line2: kycAddressLine2Field,
    city: kycCityField,
    postalCode: kycPostalCodeField,
    country: countryField,
  }),
  document: z.strictObject({
    type: kycDocumentTypeField,
    number: kycDocumentNumberField,
    expiryDate: kycDateField,
  }),
  files: z
    .array(
      z.strictObject({
        /** Kept for the reviewer's eyes only; never used to store or to type the file. */
        fileName: z.string().trim().min(1).max(255),
        contentBase64: z
          .string()
          .max(MAX_BASE64_CHARS, { message: FILE_TOO_LARGE_MESSAGE })
          .pipe(z.base64()),
      }),
    )
    .min(1, { message: "Attach at least one file" })
    .max(MAX_DOCUMENT_FILES, { message: `Attach at most ${MAX_DOCUMENT_FILES} files` }),
});

export type SubmitKycInput = z.infer<typeof submitKycInput>;
/** What a client sends (before trimming and defaults). */
export type SubmitKycRequest = z.input<typeof submitKycInput>;
