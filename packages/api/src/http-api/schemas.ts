// The JSON bodies of the customer HTTP API (seeds 000 and 002), in the seeds' snake_case.
//
// Request bodies are NOT new schemas: each one is the procedure's own input schema with
// its keys renamed (`snakeBody`), field schema by field schema, so the facade validates
// exactly what the procedure validates, nothing more and nothing less. Response bodies
// are the seeds' shapes; the mappers in mapping.ts are typed against them, and
// openapi.ts turns both into the OpenAPI document with `z.toJSONSchema`.
import { FIELD_CODES, LOGIN_OTP_CHANNELS, stepUpSendInput } from "@brokerage/validators";
import { z } from "zod";
import { ERROR_CATALOG, type ErrorCode } from "../errors";
import { openAccountInput } from "../accounts/open.schema";
import { loginInput } from "../auth/login.schema";
import { reauthenticateInput } from "../session/schemas";
import { refreshInput } from "../auth/refresh.schema";
import { enableOtpInput, otpCodeInput } from "../otp/schemas";

// ---------------------------------------------------------------------------------------
// Requests

/** camelCase procedure key -> snake_case HTTP key, for every key of the procedure input. */
export type KeyNames<S extends z.ZodRawShape> = { readonly [K in keyof S]: string };

export interface SnakeBody {
  /** Its name among the OpenAPI document's component schemas. */
  readonly id: string;
  /** The procedure's field schemas under the HTTP names; unknown keys are refused. */
  readonly schema: z.ZodObject;
  /** camelCase -> snake_case, one entry per field. */
  readonly names: Readonly<Record<string, string>>;
}

/**
 * The HTTP body schema of a procedure: the same field schemas, renamed. `names` must name
 * every key of the procedure's input (the type says so), so no field can be dropped or
 * added by the facade. `descriptions` (by HTTP name) only annotate the OpenAPI document.
 */
export function snakeBody<S extends z.ZodRawShape>(
  id: string,
  source: z.ZodObject<S>,
  names: KeyNames<S>,
  descriptions: Readonly<Record<string, string>> = {},
): SnakeBody {
  const shape: Record<string, z.ZodType> = {};
  for (const [camel, field] of Object.entries(source.shape) as Array<[string, z.ZodType]>) {
    const snake = (names as Record<string, string>)[camel];
    if (!snake) throw new Error(`snakeBody: no HTTP name for "${camel}"`);
    const description = descriptions[snake];
    shape[snake] = description ? field.describe(description) : field;
  }
  return { id, schema: z.strictObject(shape), names: names as Record<string, string> };
}

/**
 * The HTTP body of an endpoint that fills only some of the procedure's input keys (the
 * others come from the path or the query): the named field schemas of the procedure,
 * renamed, and nothing else. `ignored` are fields a seed sends that the procedure does not
 * need (checked for their type, documented as ignored, never handed on).
 */
export function partialBody<S extends z.ZodRawShape>(
  id: string,
  source: z.ZodObject<S>,
  names: Partial<KeyNames<S>>,
  descriptions: Readonly<Record<string, string>> = {},
  ignored: Readonly<Record<string, z.ZodType>> = {},
): SnakeBody {
  const shape: Record<string, z.ZodType> = {};
  for (const [camel, http] of Object.entries(names as Record<string, string>)) {
    const field = (source.shape as unknown as Record<string, z.ZodType | undefined>)[camel];
    if (!field) throw new Error(`partialBody: the procedure input has no "${camel}"`);
    const description = descriptions[http];
    shape[http] = description ? field.describe(description) : field;
  }
  for (const [http, field] of Object.entries(ignored)) {
    const description = descriptions[http];
    shape[http] = description ? field.describe(description) : field;
  }
  return { id, schema: z.strictObject(shape), names: names as Record<string, string> };
}

export const loginBody = snakeBody(
  "LoginRequest",
  loginInput,
  { email: "email", password: "password", otpCode: "otp_code", deviceToken: "device_token", otpChannel: "otp_channel" },
  {
    otp_code:
      "Required only when the customer has a second factor on (`otp_enabled = 1`): a code of the authenticator app, the 6-digit code sent by SMS, or a recovery code (accepted once).",
    otp_channel:
      "Additive, optional: `totp`, `sms` or `recovery`, one of the `otp_channels` of the OTP_REQUIRED answer. With `otp_code`, the code is checked against that factor only. Without `otp_code`, `sms` asks for a new SMS code (the resend): at most one a minute (else 429 `TOO_MANY_ATTEMPTS` with `retry_after_seconds`), 10 a day per customer, within the SMS budgets per number and address.",
    device_token:
      "Additive, optional: the `device_token` an earlier successful login returned. Failed logins from other clients do not hold a known device back (it has a throttle of its own: 5 failures in 15 minutes); without it, failures are counted per account and address (5 in 15 minutes) and per account (10 in 15 minutes, 20 an hour, 50 a day).",
  },
);

export const refreshBody = snakeBody(
  "RefreshRequest",
  refreshInput,
  { refreshToken: "refresh_token" },
  { refresh_token: "The refresh token of the last login or refresh; each one is single-use." },
);

export const enableOtpBody = snakeBody(
  "EnableOtpRequest",
  enableOtpInput,
  { secret: "secret", code: "code", currentCode: "current_code" },
  {
    secret: "The secret of the last `GET /customer/auth/otp` (valid 10 minutes).",
    code: "A current code of that secret.",
    current_code: "Required only when OTP is already enabled: a code of the old secret, or a recovery code.",
  },
);

export const otpCodeBody = snakeBody("OtpCodeRequest", otpCodeInput, { code: "code" });

export const reauthenticateBody = snakeBody(
  "ReauthenticateRequest",
  reauthenticateInput,
  { password: "password", code: "code" },
  {
    password: "The customer's password. Send either `password` or `code`, not both.",
    code: "A current TOTP code or an unused recovery code (only when OTP is enabled).",
  },
);

export const openAccountBody = snakeBody(
  "OpenAccountRequest",
  openAccountInput,
  { group: "group", leverage: "leverage", startAmount: "start_amount", idempotencyKey: "idempotency_key" },
  {
    group: "A group name from `GET /customer/account/groups`.",
    leverage: "Additive: one of the group's `allowed_leverages` (for REAL trading groups, up to the client category's cap: 400 INVALID_DATA on `leverage`, code LEVERAGE_CAP, above it); the group's leverage (lowered to the cap) when omitted.",
    start_amount: "Additive, DEMO groups only: up to the group's `max_start_amount`; replaces the default deposit.",
    idempotency_key:
      "Additive: a repeat with the same key returns the same account (without the temporary password) instead of opening another.",
  },
);

/** Endpoints without a body accept none, or an empty JSON object. */
export const emptyBody: SnakeBody = { id: "EmptyRequest", schema: z.strictObject({}), names: {} };

// ---------------------------------------------------------------------------------------
// Responses

const int = () => z.number().int();

export const linkedAccountSchema = z.object({
  login: int().describe("The trading core's account number."),
  customer_id: int(),
  enable: int().min(0).max(1).describe("1, or 0 when the account is archived."),
  leverage: int(),
  group: z.string(),
  name: z.string(),
  email: z.string(),
});

const tokenFields = {
  __token: z.string().describe("The SESSION_CUSTOMER bearer token (15 minutes): `Authorization: Bearer <__token>`."),
  refresh_token: z.string().describe("Additive: a single-use token for `POST /customer/auth/refresh`."),
  token_expires_at: z.string().describe("Additive: when `__token` expires (ISO 8601)."),
};

export const loginResponseSchema = z.object({
  customer_id: int(),
  email: z.string(),
  full_name: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  status: int().describe("0 active, 1 disabled."),
  phone: z.string().nullable(),
  preferred_language: z.string(),
  brand: z.string(),
  desk_id: int().nullable(),
  manager_id: int().nullable(),
  last_login_time: int().nullable().describe("Unix seconds."),
  otp_enabled: int().min(0).max(1).describe("1 when OTP is enabled (then login needs `otp_code`)."),
  accounts: z.array(linkedAccountSchema),
  ...tokenFields,
  device_token: z
    .string()
    .describe("Additive: keep it and send it as `device_token` with later logins from this client (a known device). It is a secret."),
});

export const tokensResponseSchema = z.object(tokenFields);

export const logoutResponseSchema = z.object({ logged_out: z.literal(true) });

export const sessionAccountsResponseSchema = z.object({ accounts: z.array(linkedAccountSchema) });

export const otpSetupResponseSchema = z.object({
  otp_url: z.string().describe("The `otpauth://totp/...` provisioning URI (issuer = the brand's display name)."),
  secret: z.string().describe("Base32; type it into an authenticator app, or scan `qr_code`."),
  algorithm: z.literal("SHA1"),
  digits: z.literal(6),
  period: z.literal(30),
  qr_code: z.string().describe("Additive: a PNG data URL of `otp_url`."),
});

export const otpEnableResponseSchema = z.object({
  otp_enabled: z.literal(1),
  recovery_codes: z.array(z.string()).describe("Additive: one-time recovery codes, shown only here."),
  ...tokenFields,
}).describe(
  "Every session of the customer ended, the caller's included: use the new `__token` and `refresh_token` from here on.",
);

export const otpCheckResponseSchema = z.object({ data: z.literal("OK") });

export const reauthenticateResponseSchema = z.object({
  reauthenticated_until: z.string().describe("Until when (ISO 8601) sensitive changes are allowed without asking again."),
});

export const otpDisableResponseSchema = z.object({ otp_enabled: z.literal(0) });

export const stepUpSendBody = snakeBody(
  "StepUpSendRequest",
  stepUpSendInput,
  { challengeId: "challenge_id", channel: "channel" },
  {
    challenge_id: "The `challenge_id` of the 403 `STEP_UP_REQUIRED` answer.",
    channel: "One of the answer's `channels`: `sms` or `email` send a 6-digit code; `totp` sends nothing (the authenticator app shows the code).",
  },
);

export const stepUpSendResponseSchema = z.object({
  channel: z.enum(["totp", "sms", "email"]),
  sent: z.boolean().describe("Whether a code was sent (false for `totp`)."),
  destination: z.string().nullable().describe("Where the code went, masked (`t•••@example.com`, `+35•••••4321`)."),
  expires_at: z.string().describe("When the confirmation expires (ISO 8601): 5 minutes after it was asked for."),
  resend_after_seconds: z.number().int().describe("Seconds before another code may be asked for this confirmation."),
});

export const accountGroupSchema = z.object({
  id: int().describe("Additive: the group's id, seed 001's `productCurrencyId` for `POST /api/v2/my/accounts`."),
  name: z.string(),
  kind: z.enum(["TRADING", "WALLET"]),
  account_mode: z.enum(["DEMO", "REAL"]),
  currency: z.string(),
  platform: z.string(),
  leverage: int(),
  allowed_leverages: z.array(int()),
  default_deposit: z.string().describe("Decimal string with two decimals."),
  max_start_amount: z.string().nullable().describe("DEMO groups: the largest `start_amount`; null otherwise."),
  kyc_required: z.boolean().describe("Opening needs approved KYC the customer does not have yet."),
  email_verification_required: z.boolean(),
  already_held: z.boolean().describe("A wallet in this currency is already held (one per currency)."),
  leverage_cap: int()
    .nullable()
    .describe("Additive: the highest leverage the customer's client category allows for this group (REAL trading groups; retail 30 by default); null = uncapped. `allowed_leverages` lists only leverages up to it."),
  appropriateness_required: z.boolean().describe("Additive: opening needs a current pass of the appropriateness questionnaire."),
  terms_acceptance_required: z.boolean().describe("Additive: opening needs the current terms accepted."),
});

export const accountGroupsResponseSchema = z.object({ groups: z.array(accountGroupSchema) });

export const openAccountResponseSchema = z.object({
  login: int(),
  group: z.string(),
  brand: z.string(),
  account_mode: z.enum(["DEMO", "REAL"]),
  currency: z.string(),
  leverage: int(),
  temporary_password: z
    .string()
    .nullable()
    .describe("Returned only at account creation; null when a repeat with the same `idempotency_key` answers."),
  must_change_password: z.boolean(),
  account_id: int().describe("Additive: the portal's id of the account."),
});

// ---------------------------------------------------------------------------------------
// Errors

/** Codes only the HTTP layer answers (no procedure knows them). */
export const HTTP_ONLY_ERRORS = {
  METHOD_NOT_ALLOWED: { status: 405, message: "Method not allowed" },
} as const;

export type HttpErrorCode = ErrorCode | keyof typeof HTTP_ONLY_ERRORS;

export const fieldErrorsSchema = z
  .record(z.string(), z.array(z.string()))
  .describe("Additive: the offending fields (snake_case) and what is wrong with each; `_form` for the body as a whole.");

export const fieldCodesSchema = z
  .record(z.string(), z.array(z.enum(FIELD_CODES)))
  .describe(
    "Additive: beside `field_errors`, the same fields with machine codes (e.g. `REQUIRED`, `TOO_LONG`, `INVALID_FORMAT`, `NOT_ALLOWED`) that clients map to their own sentences.",
  );

/**
 * The seeds' error body for the given codes: `error` and `message`, and the additive
 * fields those codes can carry (field errors, retry time, correlation id, core fault).
 */
export function errorBodySchema(codes: readonly [HttpErrorCode, ...HttpErrorCode[]]) {
  const has = (code: HttpErrorCode) => codes.includes(code);
  return z.object({
    error: z.enum(codes),
    message: z.string(),
    ...(has("INVALID_DATA") ? { field_errors: fieldErrorsSchema.optional(), field_codes: fieldCodesSchema.optional() } : {}),
    ...(has("TOO_MANY_ATTEMPTS")
      ? { retry_after_seconds: int().optional().describe("TOO_MANY_ATTEMPTS: seconds until the next try (also `Retry-After`).") }
      : {}),
    ...(has("OTP_REQUIRED")
      ? {
          otp_channels: z
            .array(z.enum(LOGIN_OTP_CHANNELS))
            .optional()
            .describe("Login's OTP_REQUIRED (additive): the second factors the customer may use, `totp`, `sms` and `recovery`; send one as `otp_channel` with the code."),
          otp_default_channel: z.enum(LOGIN_OTP_CHANNELS).optional().describe("Login's OTP_REQUIRED: the factor asked for first."),
          sms_sent: z.boolean().optional().describe("Login's OTP_REQUIRED: true when this call sent a 6-digit code by SMS (valid 10 minutes, 5 tries); false when it sent none (the cool-down or a budget: an earlier code still works)."),
          sms_sent_to: z.string().optional().describe("The last digits of the number the code went to."),
          sms_resend_after_seconds: int().optional().describe("Seconds before a new SMS code can be asked for (`otp_channel: \"sms\"` without `otp_code`)."),
        }
      : {}),
    ...(has("INTERNAL_ERROR")
      ? { correlation_id: z.string().optional().describe("INTERNAL_ERROR: quote it to support (also `x-request-id`).") }
      : {}),
    ...(has("CORE_NOT_AVAILABLE")
      ? { core_error: z.string().optional().describe("CORE_NOT_AVAILABLE: the kind of the trading core's fault (e.g. `unavailable`).") }
      : {}),
  });
}

/** Seed 000's 403 KYC_REQUIRED payload. */
export const kycRequiredErrorSchema = z.object({
  error: z.literal("KYC_REQUIRED"),
  message: z.string(),
  kyc_required: z.literal(true),
  kyc_required_level: int(),
  kyc_status: int().describe("0 NOT_REQUIRED, 1 PENDING_REVIEW, 2 REQUIRED, 3 APPROVED, 4 REJECTED."),
  kyc_current_level: int(),
  kyc_profile_id: int(),
});

/** 500 ADD_BALANCE_ERROR: the account exists; its login and temporary password are here. */
export const addBalanceErrorSchema = z.object({
  error: z.literal("ADD_BALANCE_ERROR"),
  message: z.string(),
  account_id: int(),
  login: int(),
  temporary_password: z.string().nullable(),
  must_change_password: z.literal(true),
});

export function statusOf(code: HttpErrorCode): number {
  return code in HTTP_ONLY_ERRORS
    ? HTTP_ONLY_ERRORS[code as keyof typeof HTTP_ONLY_ERRORS].status
    : ERROR_CATALOG[code as ErrorCode].status;
}

export function messageOf(code: HttpErrorCode): string {
  return code in HTTP_ONLY_ERRORS
    ? HTTP_ONLY_ERRORS[code as keyof typeof HTTP_ONLY_ERRORS].message
    : ERROR_CATALOG[code as ErrorCode].message;
}
