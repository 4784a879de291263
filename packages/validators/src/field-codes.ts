// The machine codes of field errors (`fieldCodes: { field: [CODE] }` beside `fieldErrors`).
// Clients map them to sentences of their own catalogs; nobody parses English messages.

export const FIELD_CODES = [
  "REQUIRED",
  "TOO_SHORT",
  "TOO_LONG",
  "TOO_SMALL",
  "TOO_BIG",
  "INVALID_FORMAT",
  "INVALID_TYPE",
  "INVALID_CHARACTERS",
  "INVALID_COUNTRY",
  "INVALID_DATE",
  "NOT_ALLOWED",
  "UNKNOWN_FIELD",
  "TOO_MANY_DECIMALS",
  "NOT_POSITIVE",
  "MISMATCH",
  "PASSWORD_POLICY",
  "MUST_DIFFER",
  "DATE_IN_FUTURE",
  "TOO_YOUNG",
  "DATE_UNLIKELY",
  "DOCUMENT_EXPIRED",
  "FILE_TOO_LARGE",
  "FILE_TYPE",
  "FILE_EMPTY",
  "LEVEL_VERIFIED",
  // Set by the server's own checks (DomainErrors with field errors).
  "INCORRECT",
  "MISSING",
  "COUNTRY_NOT_SUPPORTED",
  "UNKNOWN_REFERENCE",
  "EXPIRED",
  "ALREADY_DECIDED",
  "INSUFFICIENT_FUNDS",
  "KEY_REUSED",
  "SAME_ACCOUNT",
  "DEMO_ACCOUNT",
  "DEMO_ONLY",
  "CURRENCY_MISMATCH",
  "RESERVED",
  "STAFF_ONLY",
  "REFUSED",
  /** A leverage above the client category's cap (retail: 1:30). */
  "LEVERAGE_CAP",
  /** A terms or questionnaire version that is not the current one. */
  "NOT_CURRENT",
  // Money limits and payout methods.
  "BELOW_MINIMUM",
  "ABOVE_MAXIMUM",
  "DAILY_LIMIT",
  "CARD_REFUND_FIRST",
  "INVALID_IBAN",
  "INVALID_BIC",
  "NAME_MISMATCH",
  // Statements: the month asked for.
  /** The month has not ended yet (the current month, or a future one). */
  "MONTH_NOT_ENDED",
  /** The month ended before the account was opened. */
  "BEFORE_ACCOUNT_OPENED",
  /** The month began after the account was archived. */
  "AFTER_ACCOUNT_ARCHIVED",
  /** A field error that names no more precise code. */
  "INVALID",
] as const;

export type FieldCode = (typeof FIELD_CODES)[number];
export type FieldCodes = Record<string, FieldCode[]>;

export function isFieldCode(value: unknown): value is FieldCode {
  return typeof value === "string" && (FIELD_CODES as readonly string[]).includes(value);
}

/** The `params` a shared schema sets on a refinement so its issue carries a code. */
export const withCode = (code: FieldCode, message: string) => ({ message, params: { code } });
