// The KYC form without React: its values, the checks the browser makes before sending
// (the shared schemas of packages/validators, the same the server parses with; the server
// checks everything again), and the translation of field codes, the browser's and the
// server's (`fieldCodes` keys such as `dateOfBirth`, `address`, `document.expiryDate` or
// `files.1`), into a field of the form and a message key. Never the server's English.
import {
  ACCEPTED_DOCUMENT_TYPES,
  countryField,
  dateOfBirthProblem,
  documentExpiryProblem,
  fieldCodesOf,
  kycAddressLine1Field,
  kycAddressLine2Field,
  kycCityField,
  kycDateField,
  kycDocumentNumberField,
  kycDocumentTypeField,
  kycNameField,
  kycPostalCodeField,
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENT_FILES,
  selectedDocumentFiles,
  dottedPath,
  type FieldCode,
  type FieldCodes,
  type KycDocumentType,
} from "@brokerage/validators";
import type { z } from "zod";

export { ageOn, MIN_AGE_YEARS, utcToday } from "@brokerage/validators";
export const MAX_FILES = MAX_DOCUMENT_FILES;
/** Each file, as the server counts it: 5 MB of decoded bytes. */
export const MAX_FILE_BYTES = MAX_DOCUMENT_BYTES;
export const ACCEPTED_FILE_TYPES = ACCEPTED_DOCUMENT_TYPES;

export interface KycFormValues {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  nationality: string;
  countryOfResidence: string;
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  addressCountry: string;
  documentType: string;
  documentNumber: string;
  expiryDate: string;
}

export const EMPTY_VALUES: KycFormValues = {
  firstName: "",
  lastName: "",
  dateOfBirth: "",
  nationality: "",
  countryOfResidence: "",
  line1: "",
  line2: "",
  city: "",
  postalCode: "",
  addressCountry: "",
  documentType: "",
  documentNumber: "",
  expiryDate: "",
};

export interface SelectedFile {
  name: string;
  size: number;
  type: string;
}

/** Where an error is shown: a field of the form, a group (fieldset), or the whole form. */
export type ErrorTarget = keyof KycFormValues | "address" | "document" | "files" | "form";

/** Every field, in the order of the form: the first one in error gets the focus. */
export const TARGET_ORDER: readonly ErrorTarget[] = [
  "firstName",
  "lastName",
  "dateOfBirth",
  "nationality",
  "countryOfResidence",
  "address",
  "line1",
  "line2",
  "city",
  "postalCode",
  "addressCountry",
  "document",
  "documentType",
  "documentNumber",
  "expiryDate",
  "files",
  "form",
];

/** Keys of `kyc.form.errors`. */
export type ErrorKey =
  | "firstNameRequired"
  | "lastNameRequired"
  | "nameCharacters"
  | "dateOfBirthRequired"
  | "dateOfBirthFuture"
  | "tooYoung"
  | "dateOfBirthUnlikely"
  | "dateFormat"
  | "countryRequired"
  | "line1Required"
  | "cityRequired"
  | "postalCodeRequired"
  | "codeCharacters"
  | "documentTypeRequired"
  | "documentNumberRequired"
  | "expiryDateRequired"
  | "documentExpired"
  | "filesRequired"
  | "filesTooMany"
  | "fileTooLarge"
  | "fileType"
  | "fileEmpty"
  | "tooLong"
  | "levelVerified"
  | "addressInvalid"
  | "documentInvalid"
  | "invalid";

export interface FieldError {
  target: ErrorTarget;
  key: ErrorKey;
  /** For errors about one file: its position in the selection. */
  file?: number;
}

/** The shared schema of each field of the form. */
const FIELD_SCHEMAS: Record<keyof KycFormValues, z.ZodType> = {
  firstName: kycNameField,
  lastName: kycNameField,
  dateOfBirth: kycDateField,
  nationality: countryField,
  countryOfResidence: countryField,
  line1: kycAddressLine1Field,
  line2: kycAddressLine2Field,
  city: kycCityField,
  postalCode: kycPostalCodeField,
  addressCountry: countryField,
  documentType: kycDocumentTypeField,
  documentNumber: kycDocumentNumberField,
  expiryDate: kycDateField,
};

const FORM_FIELDS = Object.keys(FIELD_SCHEMAS) as Array<keyof KycFormValues>;

/** The first code of a field's value, or null when the shared schema accepts it. */
function firstCode(field: keyof KycFormValues, value: string): FieldCode | null {
  // A blank field is missing, whatever its schema would say about "" (a date, a country).
  if (field !== "line2" && value.trim() === "") return "REQUIRED";
  const parsed = FIELD_SCHEMAS[field].safeParse(value);
  return parsed.success ? null : (fieldCodesOf(parsed.error, { input: value })._form?.[0] ?? "INVALID");
}

/**
 * The checks the browser can make before sending anything, in the order of the form.
 * `today` is a YYYY-MM-DD date in UTC (the server compares dates in UTC).
 */
export function validateKycForm(
  values: KycFormValues,
  files: readonly SelectedFile[],
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of FORM_FIELDS) {
    let code = firstCode(field, values[field]);
    if (!code && field === "dateOfBirth") code = dateOfBirthProblem(values.dateOfBirth.trim(), today)?.code ?? null;
    if (!code && field === "expiryDate") code = documentExpiryProblem(values.expiryDate.trim(), today)?.code ?? null;
    if (code) errors.push({ target: field, key: keyOf(field, code) });
  }
  const parsed = selectedDocumentFiles.safeParse(files);
  if (!parsed.success) {
    const codes = fieldCodesOf(parsed.error, { keyOf: dottedPath, input: files });
    // One error per file, the first of its checks: the type, then the size.
    const perFile = new Map<number, FieldCode>();
    for (const [key, list] of Object.entries(codes)) {
      const index = /^\d+/.exec(key);
      if (index && list[0] && !perFile.has(Number(index[0]))) perFile.set(Number(index[0]), list[0]);
    }
    if (codes._form?.[0]) errors.push({ target: "files", key: filesKeyOf(codes._form[0]) });
    else
      for (const [file, code] of [...perFile].sort(([a], [b]) => a - b))
        errors.push({ target: "files", key: keyOf("files", code, file), file });
  }
  return errors;
}

const REQUIRED_KEYS: Partial<Record<ErrorTarget, ErrorKey>> = {
  firstName: "firstNameRequired",
  lastName: "lastNameRequired",
  dateOfBirth: "dateOfBirthRequired",
  nationality: "countryRequired",
  countryOfResidence: "countryRequired",
  line1: "line1Required",
  city: "cityRequired",
  postalCode: "postalCodeRequired",
  addressCountry: "countryRequired",
  documentType: "documentTypeRequired",
  documentNumber: "documentNumberRequired",
  expiryDate: "expiryDateRequired",
  files: "filesRequired",
};

const GENERAL_KEYS: Partial<Record<ErrorTarget, ErrorKey>> = {
  address: "addressInvalid",
  document: "documentInvalid",
};

/** Codes with one sentence wherever they occur. */
const CODE_KEYS: Partial<Record<FieldCode, ErrorKey>> = {
  INVALID_DATE: "dateFormat",
  INVALID_COUNTRY: "countryRequired",
  DATE_IN_FUTURE: "dateOfBirthFuture",
  TOO_YOUNG: "tooYoung",
  DATE_UNLIKELY: "dateOfBirthUnlikely",
  DOCUMENT_EXPIRED: "documentExpired",
  FILE_TOO_LARGE: "fileTooLarge",
  FILE_TYPE: "fileType",
  FILE_EMPTY: "fileEmpty",
  LEVEL_VERIFIED: "levelVerified",
};

/** The list of files as a whole (`files`): none, or too many. */
function filesKeyOf(code: FieldCode): ErrorKey {
  if (code === "REQUIRED") return "filesRequired";
  if (code === "TOO_LONG") return "filesTooMany";
  return CODE_KEYS[code] ?? "invalid";
}

/** The message key of a field code on a target of the form. */
export function keyOf(target: ErrorTarget, code: FieldCode, file?: number): ErrorKey {
  if (target === "files" && file === undefined) return filesKeyOf(code);
  // A file's content over the limit is the schema's TOO_LONG on its base64.
  if (target === "files" && code === "TOO_LONG") return "fileTooLarge";
  const known = CODE_KEYS[code];
  if (known) return known;
  switch (code) {
    case "REQUIRED":
      return REQUIRED_KEYS[target] ?? GENERAL_KEYS[target] ?? "invalid";
    case "NOT_ALLOWED":
      return target === "documentType" ? "documentTypeRequired" : (GENERAL_KEYS[target] ?? "invalid");
    case "TOO_LONG":
      return GENERAL_KEYS[target] ?? "tooLong";
    case "INVALID_CHARACTERS":
      return target === "firstName" || target === "lastName" ? "nameCharacters" : "codeCharacters";
    default:
      return GENERAL_KEYS[target] ?? "invalid";
  }
}

/** The API's field names (dotted paths) → the form's fields. */
const API_FIELDS: Record<string, ErrorTarget> = {
  firstName: "firstName",
  lastName: "lastName",
  dateOfBirth: "dateOfBirth",
  nationality: "nationality",
  countryOfResidence: "countryOfResidence",
  address: "address",
  "address.line1": "line1",
  "address.line2": "line2",
  "address.city": "city",
  "address.postalCode": "postalCode",
  "address.country": "addressCountry",
  document: "document",
  "document.type": "documentType",
  "document.number": "documentNumber",
  "document.expiryDate": "expiryDate",
  files: "files",
};

/**
 * The server's `fieldCodes` as errors of the form. Keys name a field (`dateOfBirth`,
 * `document.expiryDate`), a group the schema reported as a whole (`address`), or one
 * file (`files.1`, possibly deeper, like `files.1.contentBase64`); anything else
 * (`level`, `_form`, unknown keys) belongs to the whole form.
 */
export function fromServerFieldCodes(fieldCodes: FieldCodes | null | undefined): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, codes] of Object.entries(fieldCodes ?? {})) {
    const fileMatch = /^files\.(\d+)(\.|$)/.exec(key);
    const file = fileMatch ? Number(fileMatch[1]) : undefined;
    const target: ErrorTarget = fileMatch ? "files" : (API_FIELDS[key] ?? "form");
    const keys = new Set((codes.length > 0 ? codes : (["INVALID"] as FieldCode[])).map((c) => keyOf(target, c, file)));
    for (const errorKey of keys)
      errors.push(file === undefined ? { target, key: errorKey } : { target, key: errorKey, file });
  }
  return errors.sort((a, b) => TARGET_ORDER.indexOf(a.target) - TARGET_ORDER.indexOf(b.target));
}

/** What `kyc.submit` receives, built from the form (files already read as base64). */
export function toSubmitInput(
  level: 1 | 2,
  values: KycFormValues,
  files: ReadonlyArray<{ fileName: string; contentBase64: string }>,
) {
  const line2 = values.line2.trim();
  return {
    level,
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    dateOfBirth: values.dateOfBirth.trim(),
    nationality: values.nationality,
    countryOfResidence: values.countryOfResidence,
    address: {
      line1: values.line1.trim(),
      ...(line2 ? { line2 } : {}),
      city: values.city.trim(),
      postalCode: values.postalCode.trim(),
      country: values.addressCountry,
    },
    document: {
      type: values.documentType as KycDocumentType,
      number: values.documentNumber.trim(),
      expiryDate: values.expiryDate.trim(),
    },
    files: files.map((f) => ({ fileName: f.fileName, contentBase64: f.contentBase64 })),
  };
}
