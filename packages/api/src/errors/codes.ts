// The error contract of product.md ("Errors"): every refusal has a code string, an HTTP
// status and an English message. The UI maps the code to a sentence in the customer's
// language; the message here is for developers and API clients.
export const ERROR_CATALOG = {
  INVALID_DATA: { status: 400, message: "Invalid request body" },
  INVALID_CUSTOMER_SESSION: { status: 401, message: "Customer session is missing, expired or revoked" },
  FORBIDDEN: { status: 403, message: "This operation is not allowed for the caller" },
  NOT_FOUND: { status: 404, message: "Not found" },
  TOO_MANY_ATTEMPTS: { status: 429, message: "Too many attempts; try again later" },
  INTERNAL_ERROR: { status: 500, message: "An unexpected error occurred" },
  // seed 002
  CUSTOMER_NOT_FOUND_OR_INCORRECT: { status: 403, message: "Email or password is incorrect" },
  CUSTOMER_DISABLED: { status: 403, message: "Customer is disabled" },
  OTP_REQUIRED: { status: 403, message: "OTP is enabled and otp_code was not provided" },
  INVALID_OTP_CODE: { status: 403, message: "OTP code is invalid" },
  OTP_NOT_CONFIGURED: { status: 403, message: "OTP is enabled but secret is missing" },
  // seed 000
  INVALID_GROUP: { status: 400, message: "Group does not exist" },
  BRAND_NOT_AVAILABLE: { status: 403, message: "Customer brand is disabled or missing" },
  GROUP_DISABLED: { status: 403, message: "Group is disabled" },
  GROUP_NOT_PUBLIC: { status: 403, message: "Group is not available for self-service opening" },
  GROUP_BRAND_MISMATCH: { status: 403, message: "Group belongs to another brand" },
  DEMO_OPENING_DISABLED: { status: 403, message: "Brand does not allow demo opening" },
  REAL_OPENING_DISABLED: { status: 403, message: "Brand does not allow real opening" },
  KYC_REQUIRED: { status: 403, message: "Account opening is not allowed for this group" },
  CORE_NOT_AVAILABLE: { status: 500, message: "Trading core is not available" },
  ADD_BALANCE_ERROR: {
    status: 500,
    message: "Account was created but default balance operation failed",
  },
  // sign-up and identity (seeds 003, 004)
  EMAIL_ALREADY_REGISTERED: { status: 409, message: "This e-mail address is already registered" },
  PASSWORD_TOO_SHORT: { status: 409, message: "Password is shorter than 8 characters" },
  PASSWORD_TOO_LONG: { status: 409, message: "Password is longer than 64 characters" },
  PASSWORD_TOO_WEAK: { status: 409, message: "Password is too easy to guess" },
  NON_ADMIN_FIELD: { status: 409, message: "Only staff may set this field" },
  REGISTRATION_DISABLED: { status: 403, message: "Registration is closed for this brand" },
  EMAIL_NOT_VERIFIED: { status: 403, message: "Verify your e-mail address first" },
  CODE_INVALID: { status: 400, message: "The code is wrong or was already used" },
  CODE_EXPIRED: { status: 400, message: "The code has expired" },
  // KYC and accounts
  KYC_SUBMISSION_PENDING: { status: 409, message: "A KYC submission is already under review" },
  ACCOUNT_ARCHIVED: { status: 409, message: "The account is archived" },
  FALLBACK_INVALID: {
    status: 409,
    message: "The fallback must be your open wallet in the same currency",
  },
  PASSWORD_POLICY: { status: 409, message: "The password does not meet the trading password policy" },
  LINK_USED: { status: 410, message: "This link was already used or has expired" },
  // transport (never 500)
  METHOD_NOT_ALLOWED: { status: 405, message: "This HTTP method is not allowed here" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "The request body must be JSON (Content-Type: application/json)" },
  // re-authentication and confirmation of sensitive operations
  REAUTH_REQUIRED: {
    status: 401,
    message: "Enter your password or a second-factor code again: it was entered more than 5 minutes ago",
  },
  STEP_UP_REQUIRED: { status: 403, message: "This operation needs a confirmation code" },
  PHONE_NOT_VERIFIED: { status: 409, message: "Verify your phone number first" },
  SMS_NOT_AVAILABLE: { status: 409, message: "Text messages cannot be sent to this phone number's country" },
  STEP_UP_EXPIRED: { status: 403, message: "The confirmation has expired; ask for a new one" },
  STEP_UP_USED: { status: 403, message: "The confirmation was already used or has no tries left; ask for a new one" },
  STEP_UP_MISMATCH: {
    status: 403,
    message: "The confirmation was made for another operation, other details or another session",
  },
  STEP_UP_UNAVAILABLE: { status: 403, message: "No confirmation channel is set up for this customer" },
  // money
  IDEMPOTENCY_KEY_REUSED: { status: 409, message: "This idempotency key was already used with a different request" },
  WALLET_EXISTS: { status: 409, message: "A wallet in this currency already exists" },
  INSUFFICIENT_FUNDS: { status: 409, message: "The available balance does not cover the amount" },
  LIMIT_EXCEEDED: { status: 409, message: "The amount is over a limit" },
  QUOTE_EXPIRED: { status: 409, message: "The conversion quote has expired" },
  PAYMENT_DECLINED: { status: 402, message: "The payment was declined; nothing was credited" },
  // conversion
  RATES_NOT_AVAILABLE: { status: 503, message: "Exchange rates are not available; try again later" },
  PAYMENT_PROVIDER_NOT_AVAILABLE: { status: 503, message: "The payment provider is not available; nothing was charged or paid out" },
  INVALID_SIGNATURE: { status: 400, message: "The webhook signature is missing, wrong or too old" },
  // history and balances
  // staff
  SELF_APPROVAL: {
    status: 403,
    message: "Staff may not approve their own request or act on their own customer account",
  },
  RESERVED_NAME: { status: 409, message: "This name is reserved" },
  REQUEST_ALREADY_DECIDED: { status: 409, message: "This request has already been approved or rejected" },
  // retail-client compliance
  APPROPRIATENESS_REQUIRED: { status: 403, message: "An appropriateness assessment is required first" },
  TERMS_NOT_ACCEPTED: { status: 403, message: "The current terms must be accepted first" },
  CLOSURE_FUNDS_REMAINING: {
    status: 409,
    message: "Withdraw or move the money on your real accounts before closing the relationship",
  },
  CLOSURE_OPERATIONS_PENDING: {
    status: 409,
    message: "A money operation is still pending; close the relationship once it is finished",
  },
  APPROPRIATENESS_COOLING_OFF: {
    status: 409,
    message: "The appropriateness questionnaire can be taken again after the cooling-off period",
  },
  // monthly statements
  STATEMENT_NOT_READY: {
    status: 409,
    message: "A money operation of this month is still pending; the statement can be made once it is settled",
  },
  // profile (issue 15)
  NAME_LOCKED: { status: 409, message: "The name was verified with identity documents (KYC); staff change it on request" },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export const ERROR_CODES = Object.keys(ERROR_CATALOG) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_CATALOG, value);
}
