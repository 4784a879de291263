// The KYC form without React: its values, the checks the browser makes before sending
// (the server is the authority and checks everything again), and the translation of the
// server's field errors (`fieldErrors` keys such as `dateOfBirth`, `address`,
// `document.expiryDate` or `files.1`) into a field of the form and a message key.

export const MAX_FILES = 5;
/** Each file, as the server counts it: 5 MB of decoded bytes. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const ACCEPTED_FILE_TYPES = ["image/jpeg", "image/png", "application/pdf"] as const;
export const MIN_AGE_YEARS = 18;

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

const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u;
const CODE_LIKE = /^[A-Za-z0-9][A-Za-z0-9 -]*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Whole years between two YYYY-MM-DD dates, as the server counts them. */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  const birthdayPassed = tm > bm || (tm === bm && td >= bd);
  return ty - by - (birthdayPassed ? 0 : 1);
}

/** Today as the server sees it: a calendar date in UTC. */
export const utcToday = (now: Date = new Date()) => now.toISOString().slice(0, 10);

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
  const add = (target: ErrorTarget, key: ErrorKey, file?: number) =>
    errors.push(file === undefined ? { target, key } : { target, key, file });

  const name = (target: "firstName" | "lastName", required: ErrorKey) => {
    const value = values[target].trim();
    if (!value) add(target, required);
    else if (value.length > 100) add(target, "tooLong");
    else if (!NAME.test(value)) add(target, "nameCharacters");
  };
  name("firstName", "firstNameRequired");
  name("lastName", "lastNameRequired");

  const dob = values.dateOfBirth.trim();
  if (!dob) add("dateOfBirth", "dateOfBirthRequired");
  else if (!isCalendarDate(dob)) add("dateOfBirth", "dateFormat");
  else if (dob > today) add("dateOfBirth", "dateOfBirthFuture");
  else if (ageOn(dob, today) < MIN_AGE_YEARS) add("dateOfBirth", "tooYoung");
  else if (ageOn(dob, today) > 130) add("dateOfBirth", "dateOfBirthUnlikely");

  if (!values.nationality) add("nationality", "countryRequired");
  if (!values.countryOfResidence) add("countryOfResidence", "countryRequired");

  if (!values.line1.trim()) add("line1", "line1Required");
  else if (values.line1.trim().length > 200) add("line1", "tooLong");
  if (values.line2.trim().length > 200) add("line2", "tooLong");
  if (!values.city.trim()) add("city", "cityRequired");
  else if (values.city.trim().length > 100) add("city", "tooLong");
  const postalCode = values.postalCode.trim();
  if (!postalCode) add("postalCode", "postalCodeRequired");
  else if (postalCode.length > 20) add("postalCode", "tooLong");
  else if (!CODE_LIKE.test(postalCode)) add("postalCode", "codeCharacters");
  if (!values.addressCountry) add("addressCountry", "countryRequired");

  if (!values.documentType) add("documentType", "documentTypeRequired");
  const number = values.documentNumber.trim();
  if (!number) add("documentNumber", "documentNumberRequired");
  else if (number.length > 40) add("documentNumber", "tooLong");
  else if (!CODE_LIKE.test(number)) add("documentNumber", "codeCharacters");
  const expiry = values.expiryDate.trim();
  if (!expiry) add("expiryDate", "expiryDateRequired");
  else if (!isCalendarDate(expiry)) add("expiryDate", "dateFormat");
  else if (expiry < today) add("expiryDate", "documentExpired");

  if (files.length === 0) add("files", "filesRequired");
  else if (files.length > MAX_FILES) add("files", "filesTooMany");
  files.forEach((file, index) => {
    if (!(ACCEPTED_FILE_TYPES as readonly string[]).includes(file.type))
      add("files", "fileType", index);
    else if (file.size > MAX_FILE_BYTES) add("files", "fileTooLarge", index);
    else if (file.size === 0) add("files", "fileEmpty", index);
  });
  return errors;
}

// The server's English messages (packages/api: kyc/submit-kyc.ts and the kyc.submit
// schema) that have a sentence of their own; any other message gets the field's
// general sentence. The server's words are never shown as they are: they are English.
const KNOWN_MESSAGES: ReadonlyArray<[RegExp, ErrorKey]> = [
  [/^Use letters, spaces, hyphens and apostrophes/, "nameCharacters"],
  [/^Enter a date as YYYY-MM-DD/, "dateFormat"],
  [/country code/, "countryRequired"],
  [/^Use letters, digits, spaces and hyphens/, "codeCharacters"],
  [/larger than 5 MB/, "fileTooLarge"],
  [/^Attach at least one file/, "filesRequired"],
  [/^Attach at most 5 files/, "filesTooMany"],
  [/date of birth is in the future/, "dateOfBirthFuture"],
  [/at least \d+ years old/, "tooYoung"],
  [/real date of birth/, "dateOfBirthUnlikely"],
  [/has expired/, "documentExpired"],
  [/Only JPEG, PNG and PDF/, "fileType"],
  [/already verified/, "levelVerified"],
  [/^Too big/, "tooLong"],
];

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

function messageKey(target: ErrorTarget, message: string): ErrorKey {
  if (/^Required$/i.test(message.trim()))
    return REQUIRED_KEYS[target] ?? GENERAL_KEYS[target] ?? "invalid";
  const known = KNOWN_MESSAGES.find(([pattern]) => pattern.test(message));
  return known?.[1] ?? GENERAL_KEYS[target] ?? "invalid";
}

/**
 * The server's `fieldErrors` as errors of the form. Keys name a field (`dateOfBirth`,
 * `document.expiryDate`), a group the schema reported as a whole (`address`), or one
 * file (`files.1`, possibly deeper, like `files.1.contentBase64`); anything else
 * (`level`, `_form`, unknown keys) belongs to the whole form.
 */
export function fromServerFieldErrors(
  fieldErrors: Record<string, readonly string[]> | null | undefined,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    const fileMatch = /^files\.(\d+)(\.|$)/.exec(key);
    const file = fileMatch ? Number(fileMatch[1]) : undefined;
    const target: ErrorTarget = fileMatch ? "files" : (API_FIELDS[key] ?? "form");
    const keys = new Set((messages.length > 0 ? messages : [""]).map((m) => messageKey(target, m)));
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
      type: values.documentType as "passport" | "id_card" | "driving_licence",
      number: values.documentNumber.trim(),
      expiryDate: values.expiryDate.trim(),
    },
    files: files.map((f) => ({ fileName: f.fileName, contentBase64: f.contentBase64 })),
  };
}
