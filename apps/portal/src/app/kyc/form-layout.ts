// Where the KYC form's fields are: their ids (a summary link points at one) and their order
// on the page (the summary lists problems in it). Groups (`address`, `document`) are the
// fieldsets a refusal may name as a whole; `form` is the whole form.
export const KYC_FIELD_ORDER = [
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
] as const;

export type KycFieldName = (typeof KYC_FIELD_ORDER)[number];

export const kycFieldId = (name: KycFieldName) => `kyc-${name}`;

/** The control a summary link moves to: the field itself, or a group's first field. */
export function kycFocusId(name: Exclude<KycFieldName, "form">): string {
  if (name === "address") return kycFieldId("line1");
  if (name === "document") return kycFieldId("documentType");
  return kycFieldId(name);
}

/** The catalog section of the form's sentences for each field and code (the kit reads it). */
export const KYC_SENTENCES = "kyc.form.fieldErrors";
