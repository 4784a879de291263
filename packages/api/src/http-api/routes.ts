// The endpoints of seeds 000 and 002 (and, from routes-client-accounts.ts and
// routes-user.ts, seeds 001 and 003), each a thin call of one tRPC procedure. `errors`
// lists the codes the procedure may answer, for the OpenAPI document only: the facade
// never checks them itself.
import type { z } from "zod";
import type { ErrorCode } from "../errors";
import { appRouter } from "../root";
import { createCallerFactory } from "../trpc";
import { CLIENT_ACCOUNT_ROUTES } from "./routes-client-accounts";
import { PORTFOLIO_ROUTES } from "./routes-portfolios";
import { USER_ROUTES } from "./routes-user";
import {
  groupsToHttp,
  linkedAccountToHttp,
  loginToHttp,
  openedAccountToHttp,
  otpEnableToHttp,
  otpSetupToHttp,
  refreshToHttp,
} from "./mapping";
import {
  accountGroupsResponseSchema,
  emptyBody,
  enableOtpBody,
  loginBody,
  loginResponseSchema,
  logoutResponseSchema,
  openAccountBody,
  openAccountResponseSchema,
  otpCheckResponseSchema,
  otpCodeBody,
  otpDisableResponseSchema,
  otpEnableResponseSchema,
  otpSetupResponseSchema,
  reauthenticateBody,
  reauthenticateResponseSchema,
  stepUpSendBody,
  stepUpSendResponseSchema,
  refreshBody,
  sessionAccountsResponseSchema,
  tokensResponseSchema,
  type SnakeBody,
} from "./schemas";

export const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * A query parameter of an endpoint: which procedure input key it fills and how its text
 * is read (`integer`, `boolean`: converted when it looks like one, else handed on as text
 * for the procedure's schema to refuse; `list`: repeated and/or comma-separated values).
 */
export interface QueryParam {
  key: string;
  type: "string" | "integer" | "boolean" | "list";
  /** The procedure's own field schema (OpenAPI only). */
  schema: z.ZodType;
  /** Documented as required (the procedure's schema is what refuses its absence). */
  required?: boolean;
  description?: string;
}

export interface Route {
  method: HttpMethod;
  path: string;
  /** The tRPC procedure it calls, e.g. `auth.login`. */
  procedure: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: "Authentication" | "Two-factor authentication" | "Accounts" | "Client accounts" | "User";
  /**
   * Path parameters (`{accountId}` in `path`) by name -> the procedure input key they fill.
   * Each is a positive integer in the path (the procedure's schema says how large).
   */
  pathParams?: Readonly<Record<string, string>>;
  /**
   * Query parameters by their HTTP name (`limit`, `filter[platformId]`). When given, any
   * other query parameter is refused as an unknown field.
   */
  query?: Readonly<Record<string, QueryParam>>;
  /**
   * The names the endpoint's fields keep in field errors: `snake` (seeds 000/002) turns a
   * procedure key without an HTTP name into snake_case, `camel` (seeds 001/003) keeps it.
   */
  naming?: "snake" | "camel";
  /** The status of a success (default 200); 204 answers without a body. */
  successStatus?: 200 | 202 | 204;

  /** Needs `Authorization: Bearer <__token>`, checked before the body is read. */
  auth: boolean;
  /** The JSON body, when the endpoint takes one (GET endpoints never read a body). */
  body?: SnakeBody;
  /** Whether the body must be present; otherwise it may be absent or `{}`. */
  bodyRequired?: boolean;
  response: z.ZodType;
  responseDescription: string;
  /** The domain codes the procedure may answer (documentation). */
  errors: readonly ErrorCode[];
  run(caller: Caller, input: Record<string, unknown>): Promise<unknown>;
}

// The procedure inputs are validated again by the procedures themselves; the facade only
// renamed the keys of a body it already checked against the same field schemas.
type In<P extends (input: never) => unknown> = Parameters<P>[0];

const SESSION_ERRORS = ["INVALID_CUSTOMER_SESSION"] as const satisfies readonly ErrorCode[];
const OTP_CODE_ERRORS = ["INVALID_OTP_CODE", "OTP_NOT_CONFIGURED", "TOO_MANY_ATTEMPTS"] as const satisfies readonly ErrorCode[];

const BASE_ROUTES: readonly Route[] = [
  {
    method: "POST",
    path: "/customer/auth/login",
    procedure: "auth.login",
    operationId: "customerLogin",
    summary: "Log in with e-mail and password (+ OTP code)",
    description:
      "Seed 002. Returns the customer profile, the linked accounts and the SESSION_CUSTOMER token `__token`; `refresh_token` and `token_expires_at` are additive. A wrong e-mail and a wrong password give the same answer.\n\nTwo-factor (`otp_enabled = 1`: an authenticator app, text messages, or both): a first call without `otp_code` answers 403 `OTP_REQUIRED` with, additive at the top level of the error body, `otp_channels` and `otp_default_channel`; when text messages are the default factor that call also sends a 6-digit code by SMS (`sms_sent`, `sms_sent_to`, `sms_resend_after_seconds`). The second call repeats e-mail and password with `otp_code` (optionally `otp_channel`) and signs in. A new SMS code (the resend): repeat the first call with `otp_channel: \"sms\"` and no `otp_code`, at most once a minute (else 429 with `retry_after_seconds`). Each SMS code: 6 digits, 10 minutes, 5 tries, single use; a new one voids the previous.",
    tag: "Authentication",
    auth: false,
    body: loginBody,
    bodyRequired: true,
    response: loginResponseSchema,
    responseDescription: "Signed in.",
    errors: [
      "INVALID_DATA",
      "CUSTOMER_NOT_FOUND_OR_INCORRECT",
      "CUSTOMER_DISABLED",
      "OTP_REQUIRED",
      "INVALID_OTP_CODE",
      "OTP_NOT_CONFIGURED",
      "SMS_NOT_AVAILABLE",
      "TOO_MANY_ATTEMPTS",
    ],
    run: async (api, input) => loginToHttp(await api.auth.login(input as In<typeof api.auth.login>)),
  },
  {
    method: "POST",
    path: "/customer/auth/logout",
    procedure: "session.logout",
    operationId: "customerLogout",
    summary: "End the session",
    description: "Additive. Ends the caller's session and revokes its access and refresh tokens. The body may be absent or `{}`.",
    tag: "Authentication",
    auth: true,
    body: emptyBody,
    response: logoutResponseSchema,
    responseDescription: "The session ended; its tokens no longer work.",
    errors: ["INVALID_DATA", ...SESSION_ERRORS],
    run: async (api) => {
      const out = await api.session.logout();
      return { logged_out: out.loggedOut };
    },
  },
  {
    method: "POST",
    path: "/customer/auth/refresh",
    procedure: "auth.refresh",
    operationId: "customerRefresh",
    summary: "Swap a refresh token for new tokens",
    description:
      "Additive (seed 003's refresh). Each refresh token works once: the answer carries a new `__token` and a new `refresh_token`. Using a refresh token a second time ends the whole session (both tokens of every generation stop working).",
    tag: "Authentication",
    auth: false,
    body: refreshBody,
    bodyRequired: true,
    response: tokensResponseSchema,
    responseDescription: "New tokens; the previous access token no longer works.",
    errors: ["INVALID_DATA", "INVALID_CUSTOMER_SESSION"],
    run: async (api, input) => refreshToHttp(await api.auth.refresh(input as In<typeof api.auth.refresh>)),
  },
  {
    method: "POST",
    path: "/customer/auth/reauthenticate",
    procedure: "session.reauthenticate",
    operationId: "reauthenticateCustomer",
    summary: "Confirm the password or a second factor before a sensitive change",
    description:
      "Additive. Enabling OTP (`PUT /customer/auth/otp` without `current_code`), new recovery codes and ending other sessions need the password or a second factor entered within the last 5 minutes; a login counts for its first 5 minutes, and a request that carries a current code (`current_code`, the code of `DELETE /customer/auth/otp`) counts by itself. Otherwise they answer 401 `REAUTH_REQUIRED`: call this, then retry. Wrong passwords: 5 in 15 minutes, then 429; codes share the OTP throttle.",
    tag: "Authentication",
    auth: true,
    body: reauthenticateBody,
    bodyRequired: true,
    response: reauthenticateResponseSchema,
    responseDescription: "Re-authenticated for the next 5 minutes.",
    errors: ["INVALID_DATA", ...SESSION_ERRORS, ...OTP_CODE_ERRORS],
    run: async (api, input) => {
      const out = await api.session.reauthenticate(input as In<typeof api.session.reauthenticate>);
      return { reauthenticated_until: out.reauthenticatedUntil };
    },
  },
  {
    method: "POST",
    path: "/customer/auth/step-up/send",
    procedure: "stepUp.send",
    operationId: "sendStepUpCode",
    summary: "Send the code that confirms a sensitive operation",
    description:
      "Additive (issue 16). Withdrawals, adding a payout method, archiving a REAL account or wallet that holds money and turning two-factor off need a confirmation. Called without one, the operation answers 403 `STEP_UP_REQUIRED` with `channels` (`totp`, `sms`, `email`), `challenge_id` and `expires_at` (5 minutes). For `sms` or `email` call this to get a 6-digit code (30 s between codes, 3 per confirmation, 5 per 10 minutes per customer, SMS budgets); with `totp` the authenticator app shows it. Then send the same request again with `stepUp: {\"challengeId\": ..., \"code\": ...}`: it passes only for the same operation, the same parameters (account, amount, destination, fallback...) and the same session, once, with at most 5 tries. Re-authentication comes first (401 `REAUTH_REQUIRED`); a TOTP or SMS code given this way also counts as one. Refusals of the retry: `INVALID_OTP_CODE` (TOTP) or `CODE_INVALID`/`CODE_EXPIRED` (SMS, e-mail) with `tries_left`; `STEP_UP_EXPIRED`, `STEP_UP_USED`, `STEP_UP_MISMATCH` (ask again without `stepUp`).",
    tag: "Authentication",
    auth: true,
    body: stepUpSendBody,
    bodyRequired: true,
    response: stepUpSendResponseSchema,
    responseDescription: "The code was sent (or the authenticator app chosen).",
    errors: ["INVALID_DATA", ...SESSION_ERRORS, "NOT_FOUND", "STEP_UP_EXPIRED", "STEP_UP_USED", "STEP_UP_UNAVAILABLE", "TOO_MANY_ATTEMPTS"],
    run: async (api, input) => {
      const out = await api.stepUp.send(input as In<typeof api.stepUp.send>);
      return {
        channel: out.channel,
        sent: out.sent,
        destination: out.destination,
        expires_at: out.expiresAt,
        resend_after_seconds: out.resendAfterSeconds,
      };
    },
  },
  {
    method: "GET",
    path: "/customer/session/accounts",
    procedure: "session.accounts",
    operationId: "getSessionAccounts",
    summary: "The trading accounts linked to the customer",
    description: "Seed 002.",
    tag: "Authentication",
    auth: true,
    response: sessionAccountsResponseSchema,
    responseDescription: "The linked accounts.",
    errors: [...SESSION_ERRORS],
    run: async (api) => {
      const out = await api.session.accounts();
      return { accounts: out.accounts.map(linkedAccountToHttp) };
    },
  },
  {
    method: "GET",
    path: "/customer/auth/otp",
    procedure: "otp.setup",
    operationId: "setupCustomerOtp",
    summary: "Generate a TOTP setup secret",
    description:
      "Seed 002. A new secret and its provisioning URI (and, additive, a QR code of it). This does not enable OTP; the secret is valid for 10 minutes, for `PUT /customer/auth/otp`.",
    tag: "Two-factor authentication",
    auth: true,
    response: otpSetupResponseSchema,
    responseDescription: "A setup secret.",
    errors: [...SESSION_ERRORS],
    run: async (api) => otpSetupToHttp(await api.otp.setup()),
  },
  {
    method: "PUT",
    path: "/customer/auth/otp",
    procedure: "otp.enable",
    operationId: "enableCustomerOtp",
    summary: "Enable or replace OTP",
    description:
      "Seed 002. Enables OTP with the setup secret and a code of it; replacing it also needs `current_code`. Enabling in a session older than 5 minutes without a re-authentication (`POST /customer/auth/reauthenticate`) is 401 `REAUTH_REQUIRED`. Every session of the customer ends and the caller gets new tokens in the answer (additive), with one-time recovery codes.",
    tag: "Two-factor authentication",
    auth: true,
    body: enableOtpBody,
    bodyRequired: true,
    response: otpEnableResponseSchema,
    responseDescription: "OTP is enabled.",
    errors: ["INVALID_DATA", ...SESSION_ERRORS, "REAUTH_REQUIRED", "OTP_REQUIRED", ...OTP_CODE_ERRORS],
    run: async (api, input) => otpEnableToHttp(await api.otp.enable(input as In<typeof api.otp.enable>)),
  },
  {
    method: "POST",
    path: "/customer/auth/otp/check",
    procedure: "otp.check",
    operationId: "checkCustomerOtp",
    summary: "Check a current OTP code",
    description: "Seed 002. A code is accepted once.",
    tag: "Two-factor authentication",
    auth: true,
    body: otpCodeBody,
    bodyRequired: true,
    response: otpCheckResponseSchema,
    responseDescription: "The code is right.",
    errors: ["INVALID_DATA", ...SESSION_ERRORS, ...OTP_CODE_ERRORS],
    run: async (api, input) => {
      const out = await api.otp.check(input as In<typeof api.otp.check>);
      return { data: out.data };
    },
  },
  {
    method: "DELETE",
    path: "/customer/auth/otp",
    procedure: "otp.disable",
    operationId: "disableCustomerOtp",
    summary: "Disable OTP",
    description: "Seed 002. Needs a current code (or a recovery code), which is the re-authentication; removes the secret and the recovery codes and ends every other session of the customer.",
    tag: "Two-factor authentication",
    auth: true,
    body: otpCodeBody,
    bodyRequired: true,
    response: otpDisableResponseSchema,
    responseDescription: "OTP is disabled.",
    errors: ["INVALID_DATA", ...SESSION_ERRORS, ...OTP_CODE_ERRORS],
    run: async (api, input) => {
      const out = await api.otp.disable(input as In<typeof api.otp.disable>);
      return { otp_enabled: out.otpEnabled };
    },
  },
  {
    method: "GET",
    path: "/customer/account/groups",
    procedure: "accounts.groups",
    operationId: "getCustomerAccountGroups",
    summary: "GetCustomerAccountGroups: the groups the customer may open",
    description:
      "Seed 000 names this method but not its path; this API serves it here, next to `POST /customer/account/open`. Enabled, public groups of the customer's brand in a mode the brand allows, each saying what it still needs.",
    tag: "Accounts",
    auth: true,
    response: accountGroupsResponseSchema,
    responseDescription: "The groups.",
    errors: [...SESSION_ERRORS],
    run: async (api) => groupsToHttp(await api.accounts.groups()),
  },
  {
    method: "POST",
    path: "/customer/account/open",
    procedure: "accounts.open",
    operationId: "openCustomerAccount",
    summary: "OpenCustomerAccount: open a trading account from a group",
    description:
      "Seed 000, with its checks in its order. `leverage`, `start_amount`, `idempotency_key` and `account_id` are additive. On 500 ADD_BALANCE_ERROR the account exists and the error body carries its login and temporary password.",
    tag: "Accounts",
    auth: true,
    body: openAccountBody,
    bodyRequired: true,
    response: openAccountResponseSchema,
    responseDescription: "The account was opened.",
    errors: [
      "INVALID_DATA",
      "INVALID_GROUP",
      ...SESSION_ERRORS,
      "BRAND_NOT_AVAILABLE",
      "GROUP_DISABLED",
      "GROUP_NOT_PUBLIC",
      "GROUP_BRAND_MISMATCH",
      "DEMO_OPENING_DISABLED",
      "REAL_OPENING_DISABLED",
      "EMAIL_NOT_VERIFIED",
      "KYC_REQUIRED",
      "APPROPRIATENESS_REQUIRED",
      "TERMS_NOT_ACCEPTED",
      "CORE_NOT_AVAILABLE",
      "ADD_BALANCE_ERROR",
    ],
    run: async (api, input) => openedAccountToHttp(await api.accounts.open(input as In<typeof api.accounts.open>)),
  },
];

/** Seeds 000/002 (`/customer/...`), seed 001 (`/api/v2/...`) and seed 003 (`/v1/user/...`, `/v1/account...`). */
export const ROUTES: readonly Route[] = [...BASE_ROUTES, ...CLIENT_ACCOUNT_ROUTES, ...USER_ROUTES, ...PORTFOLIO_ROUTES];

export const OPENAPI_PATH = "/api/openapi.json";

/** The routes of one path, by method. */
export function routesFor(path: string): Map<string, Route> | undefined {
  const found = ROUTES.filter((r) => r.path === path);
  return found.length > 0 ? new Map(found.map((r) => [r.method, r])) : undefined;
}

interface PathTemplate {
  template: string;
  segments: readonly string[];
  statics: number;
}

const isParam = (segment: string) => /^\{[A-Za-z]+\}$/.test(segment);

const TEMPLATES: readonly PathTemplate[] = [...new Set(ROUTES.map((r) => r.path))]
  .map((template) => {
    const segments = template.split("/");
    return { template, segments, statics: segments.filter((s) => !isParam(s)).length };
  })
  // An exact path before a templated one (`/a/b` before `/a/{id}`).
  .sort((a, b) => b.statics - a.statics);

/**
 * The route template a request path belongs to (`/api/v2/my/accounts/{accountId}` for
 * `/api/v2/my/accounts/7`) and its path parameters, still percent-encoded; undefined for
 * a path no endpoint serves. Also the metrics' bounded label of a path.
 */
export function matchPath(path: string): { template: string; params: Record<string, string> } | undefined {
  const parts = path.split("/");
  for (const candidate of TEMPLATES) {
    if (candidate.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let matches = true;
    for (let i = 0; i < parts.length && matches; i++) {
      const segment = candidate.segments[i]!;
      const part = parts[i]!;
      if (isParam(segment)) {
        if (part === "") matches = false;
        else params[segment.slice(1, -1)] = part;
      } else if (segment !== part) {
        matches = false;
      }
    }
    if (matches) return { template: candidate.template, params };
  }
  return undefined;
}

/** Paths the customer HTTP API answers (its prefixes): the servers route these to it. */
export const CUSTOMER_API_PREFIXES = ["/customer/", "/api/v2/", "/v1/"] as const;

export function isCustomerApiPath(path: string): boolean {
  return path === "/customer" || CUSTOMER_API_PREFIXES.some((prefix) => path.startsWith(prefix)) || path === "/api/v2" || path === "/v1";
}
