// The KYC submission as its form holds it: flat fields and the files picked in the browser
// (not yet read). Built from the field schemas `submitKycInput` parses with on the server,
// plus the rules that need today's date or the files' declared type and size; the server
// checks everything again. A refusal's field keys (`document.expiryDate`, `files.1`, ...)
// name the form's fields through `kycFormFieldOf`.
import { z } from "zod";
import { countryField } from "./countries";
import { dateOfBirthProblem, documentExpiryProblem, utcToday, type DateProblem } from "./kyc-dates";
import { selectedDocumentFiles } from "./kyc-documents";
import {
  kycAddressLine1Field,
  kycAddressLine2Field,
  kycCityField,
  kycDateField,
  kycDocumentNumberField,
  kycDocumentTypeField,
  kycNameField,
  kycPostalCodeField,
  type SubmitKycRequest,
} from "./kyc-submission";

/** A field that must be filled in: blank is REQUIRED, whatever `schema` says about "" (a date, a country). */
const filled = <T extends z.ZodType<unknown, string>>(schema: T) => z.string().trim().min(1, { message: "Required" }).pipe(schema);

/** A date that must be filled in, well formed, and acceptable on today's date (UTC, as the server compares). */
const checkedDate = (problem: (date: string, today: string) => DateProblem | null) =>
  filled(kycDateField).superRefine((date, context) => {
    const found = problem(date, utcToday());
    if (found) context.addIssue({ code: "custom", message: found.message, params: { code: found.code } });
  });

export const kycSubmissionForm = z.object({
  firstName: kycNameField,
  lastName: kycNameField,
  dateOfBirth: checkedDate(dateOfBirthProblem),
  nationality: filled(countryField),
  countryOfResidence: filled(countryField),
  line1: kycAddressLine1Field,
  line2: kycAddressLine2Field,
  city: kycCityField,
  postalCode: kycPostalCodeField,
  addressCountry: filled(countryField),
  documentType: filled(kycDocumentTypeField),
  documentNumber: kycDocumentNumberField,
  expiryDate: checkedDate(documentExpiryProblem),
  /** Each file's declared name, type and size (a browser's File has them). */
  files: selectedDocumentFiles,
});

export type KycSubmissionFormInput = z.input<typeof kycSubmissionForm>;
export type KycSubmissionFormValues = z.output<typeof kycSubmissionForm>;

/** `kyc.submit`'s input from the form's checked values and the files read as base64. */
export function kycSubmitInputOf(
  level: 1 | 2,
  values: KycSubmissionFormValues,
  files: ReadonlyArray<{ fileName: string; contentBase64: string }>,
): SubmitKycRequest {
  return {
    level,
    firstName: values.firstName,
    lastName: values.lastName,
    dateOfBirth: values.dateOfBirth,
    nationality: values.nationality,
    countryOfResidence: values.countryOfResidence,
    address: {
      line1: values.line1,
      ...(values.line2 ? { line2: values.line2 } : {}),
      city: values.city,
      postalCode: values.postalCode,
      country: values.addressCountry,
    },
    document: { type: values.documentType, number: values.documentNumber, expiryDate: values.expiryDate },
    files: files.map(({ fileName, contentBase64 }) => ({ fileName, contentBase64 })),
  };
}

/** `kyc.submit`'s nested fields → the form's flat ones. */
const FORM_FIELD_OF_PATH: Readonly<Record<string, keyof KycSubmissionFormInput>> = {
  "address.line1": "line1",
  "address.line2": "line2",
  "address.city": "city",
  "address.postalCode": "postalCode",
  "address.country": "addressCountry",
  "document.type": "documentType",
  "document.number": "documentNumber",
  "document.expiryDate": "expiryDate",
};

const FORM_FIELDS: ReadonlySet<string> = new Set(Object.keys(kycSubmissionForm.shape));

/**
 * The form's field for a key of a refusal's `fieldCodes`: a field of its own (`dateOfBirth`,
 * `files`), a nested one by its flat name (`document.expiryDate` → `expiryDate`), one file by
 * its position (`files.1`, also `files.1.contentBase64` → `files.1`), a group the server
 * reported as a whole (`address`, `document`), and anything else (`level`, `_form`, an
 * unknown key) the whole form: `form`.
 */
export function kycFormFieldOf(key: string): string {
  const file = /^files\.(\d+)(?:\.|$)/.exec(key);
  if (file) return `files.${file[1]}`;
  if (FORM_FIELDS.has(key) || key === "address" || key === "document") return key;
  return FORM_FIELD_OF_PATH[key] ?? "form";
}
