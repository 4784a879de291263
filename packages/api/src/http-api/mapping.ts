// Names only: snake_case HTTP bodies <-> camelCase procedure inputs and outputs. Every
// value passes through unchanged; nothing here decides anything.
import type { inferRouterOutputs } from "@trpc/server";
import type { z } from "zod";
import type { FieldErrors } from "../errors";
import type { AppRouter } from "../root";
import type {
  accountGroupsResponseSchema,
  linkedAccountSchema,
  loginResponseSchema,
  openAccountResponseSchema,
  otpEnableResponseSchema,
  otpSetupResponseSchema,
  SnakeBody,
  tokensResponseSchema,
} from "./schemas";

type Out = inferRouterOutputs<AppRouter>;

/** `retryAfterSeconds` -> `retry_after_seconds`; snake_case keys stay as they are. */
export function toSnakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * The procedure input for a validated HTTP body: the same values, camelCase keys. Only
 * keys of the body's name table are carried (the body was already checked to hold no
 * others), and an absent key stays absent.
 */
export function toProcedureInput(body: SnakeBody, json: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [camel, snake] of Object.entries(body.names)) {
    if (Object.hasOwn(json, snake)) input[camel] = json[snake];
  }
  return input;
}

/** The HTTP names of an endpoint's fields by procedure key, and how the others are named. */
export interface FieldNames {
  readonly names: Readonly<Record<string, string>>;
  /** Default `snake` (seeds 000/002); `camel` endpoints keep a procedure key as it is. */
  readonly naming?: "snake" | "camel";
}

/** Field errors of a procedure (camelCase) under the HTTP names the client sent. */
export function fieldErrorsToSnake(fieldErrors: FieldErrors, body: FieldNames | undefined): FieldErrors {
  const out = new Map<string, string[]>();
  const rename = body?.naming === "camel" ? (key: string) => key : toSnakeCase;
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const name = (body && Object.hasOwn(body.names, key) ? body.names[key] : undefined) ?? (key === "_form" ? key : rename(key));
    out.set(name, [...(out.get(name) ?? []), ...messages]);
  }
  return Object.fromEntries(out);
}

/** A domain error's details as top-level snake_case fields (KYC_REQUIRED's are already). */
export function detailsToSnake(details: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details ?? {}).map(([key, value]) => [toSnakeCase(key), value]));
}

type LinkedAccountOut = Out["session"]["accounts"]["accounts"][number];

export function linkedAccountToHttp(a: LinkedAccountOut): z.infer<typeof linkedAccountSchema> {
  return {
    login: a.login,
    customer_id: a.customerId,
    enable: a.enable,
    leverage: a.leverage,
    group: a.group,
    name: a.name,
    email: a.email,
  };
}

function tokensToHttp(t: { token: string; refreshToken: string; tokenExpiresAt: string }): z.infer<typeof tokensResponseSchema> {
  return { __token: t.token, refresh_token: t.refreshToken, token_expires_at: t.tokenExpiresAt };
}

export function loginToHttp(out: Out["auth"]["login"]): z.infer<typeof loginResponseSchema> {
  return {
    customer_id: out.customerId,
    email: out.email,
    full_name: out.fullName,
    first_name: out.firstName,
    last_name: out.lastName,
    status: out.status,
    phone: out.phone,
    preferred_language: out.preferredLanguage,
    brand: out.brand,
    desk_id: out.deskId,
    manager_id: out.managerId,
    last_login_time: out.lastLoginTime,
    otp_enabled: out.otpEnabled,
    accounts: out.accounts.map(linkedAccountToHttp),
    ...tokensToHttp(out),
    device_token: out.deviceToken,
  };
}

export const refreshToHttp = (out: Out["auth"]["refresh"]) => tokensToHttp(out);

export function otpSetupToHttp(out: Out["otp"]["setup"]): z.infer<typeof otpSetupResponseSchema> {
  return {
    otp_url: out.otpUrl,
    secret: out.secret,
    algorithm: out.algorithm,
    digits: out.digits,
    period: out.period,
    qr_code: out.qrCode,
  };
}

export function otpEnableToHttp(out: Out["otp"]["enable"]): z.infer<typeof otpEnableResponseSchema> {
  // A bearer credential always belongs to an API session, whose replacement comes with
  // tokens; without them the caller would be locked out, so that is a fault, not a body.
  if (out.token === undefined || out.refreshToken === undefined || out.tokenExpiresAt === undefined) {
    throw new Error("otp.enable returned no tokens for a bearer session");
  }
  return {
    otp_enabled: out.otpEnabled,
    recovery_codes: out.recoveryCodes,
    ...tokensToHttp({ token: out.token, refreshToken: out.refreshToken, tokenExpiresAt: out.tokenExpiresAt }),
  };
}

export function groupsToHttp(out: Out["accounts"]["groups"]): z.infer<typeof accountGroupsResponseSchema> {
  return {
    groups: out.map((g) => ({
      id: g.id,
      name: g.name,
      kind: g.kind,
      account_mode: g.accountMode,
      currency: g.currency,
      platform: g.platform,
      leverage: g.leverage,
      allowed_leverages: g.allowedLeverages,
      default_deposit: g.defaultDeposit,
      max_start_amount: g.maxStartAmount,
      kyc_required: g.kycRequired,
      email_verification_required: g.emailVerificationRequired,
      already_held: g.alreadyHeld,
      leverage_cap: g.leverageCap,
      appropriateness_required: g.appropriatenessRequired,
      terms_acceptance_required: g.termsAcceptanceRequired,
    })),
  };
}

export function openedAccountToHttp(out: Out["accounts"]["open"]): z.infer<typeof openAccountResponseSchema> {
  return {
    login: out.login,
    group: out.group,
    brand: out.brand,
    account_mode: out.accountMode,
    currency: out.currency,
    leverage: out.leverage,
    temporary_password: out.temporaryPassword,
    must_change_password: out.mustChangePassword,
    account_id: out.accountId,
  };
}
