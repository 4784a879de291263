// A submission's `data` as the API stores it (JSON written by kyc.submit). Read
// defensively: a field that is missing or of another shape shows as "not given".

export interface SubmittedData {
  firstName: string | null;
  lastName: string | null;
  dateOfBirth: string | null;
  nationality: string | null;
  countryOfResidence: string | null;
  address: {
    line1: string | null;
    line2: string | null;
    city: string | null;
    postalCode: string | null;
    country: string | null;
  };
  document: { type: string | null; number: string | null; expiryDate: string | null };
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value : null;

export function readSubmittedData(data: unknown): SubmittedData {
  const root = record(data);
  const address = record(root.address);
  const document = record(root.document);
  return {
    firstName: text(root.firstName),
    lastName: text(root.lastName),
    dateOfBirth: text(root.dateOfBirth),
    nationality: text(root.nationality),
    countryOfResidence: text(root.countryOfResidence),
    address: {
      line1: text(address.line1),
      line2: text(address.line2),
      city: text(address.city),
      postalCode: text(address.postalCode),
      country: text(address.country),
    },
    document: {
      type: text(document.type),
      number: text(document.number),
      expiryDate: text(document.expiryDate),
    },
  };
}
