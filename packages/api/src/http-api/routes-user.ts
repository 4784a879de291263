// Seed 003's user onboarding at the seed's own paths (`/v1/user/...`): sign-up, phone
// verification, refresh, forgotten password. Each endpoint is a thin call of the
// procedure the portal uses; successes wear seed 003's envelope (`success`, `data`,
// `errorCode`, `errorMessage`), refusals the API's one error body.
import { z } from "zod";
import type { ErrorCode } from "../errors";
import { resetPasswordInput } from "../auth/password-reset.schema";
import { refreshInput } from "../auth/refresh.schema";
import { signUpInput } from "../auth/sign-up.schema";
import { emailField } from "../auth/fields";
import { verifyPhoneInput } from "../customer/schemas";
import { enveloped } from "./mapping-mobile";
import {
  changePasswordResponseSchema,
  forgetPasswordResponseSchema,
  phoneVerifiedResponseSchema,
  signUpResponseSchema,
  userTokensResponseSchema,
} from "./schemas-mobile";
import { partialBody } from "./schemas";
import type { Route } from "./routes";

type In<P extends (input: never) => unknown> = Parameters<P>[0];

const PASSWORD_RULES = ["PASSWORD_TOO_SHORT", "PASSWORD_TOO_LONG", "PASSWORD_TOO_WEAK"] as const satisfies readonly ErrorCode[];

/** Seed 003 sends these with its own login challenge; here the token (or the code) says who and what. */
const IGNORED = "Seed 003's field; accepted and not used";
const sessionIdField = z.string().max(512).optional();
const usernameField = z.string().max(320).optional();

const signUpBody = partialBody(
  "SignUpRequest",
  signUpInput,
  {
    email: "email",
    password: "password",
    phone: "phoneNumber",
    firstName: "name",
    lastName: "surname",
    preferredLanguage: "preferredLanguage",
    brand: "brand",
    roles: "roles",
    deskId: "deskId",
    managerId: "managerId",
    status: "status",
    tanChannels: "tanChannels",
    conversionRateClass: "conversionRateClass",
    debitThreshold: "debitThreshold",
  },
  {
    email: "Required: the sign-in name.",
    password: "Required: 8 to 64 characters, not the e-mail, not a common password.",
    phoneNumber: "E.164 (`+35712345678`); a 4-digit code is sent by SMS to verify it (`POST /v1/user/otp`).",
    name: "Required (additive; seed 003 answers it): the first name.",
    surname: "Required (additive; seed 003 answers it): the last name.",
    preferredLanguage: "Additive: `en`, `de`, ... (default `en`).",
    brand: "Additive: the brand's code (default `default`).",
    roles: "Seed 003's field: only staff assign roles, so any value is 409 `NON_ADMIN_FIELD`.",
    deskId: "Staff only (seed 004): any value is 409 `NON_ADMIN_FIELD`.",
    managerId: "Staff only: any value is 409 `NON_ADMIN_FIELD`.",
    status: "Staff only: any value is 409 `NON_ADMIN_FIELD`.",
    tanChannels: "Staff only: any value is 409 `NON_ADMIN_FIELD`.",
    conversionRateClass: "Staff only: any value is 409 `NON_ADMIN_FIELD`.",
    debitThreshold: "Staff only: any value is 409 `NON_ADMIN_FIELD`.",
  },
);

const otpBody = partialBody(
  "VerifyPhoneRequest",
  verifyPhoneInput,
  { code: "code" },
  {
    code: "The 4-digit code sent by SMS to the customer's phone number (10 minutes, 5 tries).",
    challengeType: "Optional; only `PHONE_VERIFICATION` (the SMS sign-in challenge is part of `POST /customer/auth/login`).",
    sessionId: `${IGNORED}: the bearer token names the session.`,
    username: `${IGNORED}: the bearer token names the customer.`,
  },
  { challengeType: z.enum(["PHONE_VERIFICATION"]).optional(), sessionId: sessionIdField, username: usernameField },
);

const refreshBody = partialBody(
  "UserRefreshRequest",
  refreshInput,
  { refreshToken: "refreshToken" },
  {
    refreshToken: "The refresh token of the last login or refresh; each one is single-use, and a reused one ends the session.",
    username: `${IGNORED}: the refresh token names the session.`,
  },
  { username: usernameField },
);

const resetBody = partialBody(
  "ChangeForgottenPasswordRequest",
  resetPasswordInput,
  { email: "username", code: "code", password: "password", passwordConfirmation: "passwordConfirm", otpCode: "otpCode" },
  {
    username: "The e-mail address the code was sent to.",
    code: "Additive, required: the 6-digit code of `GET /v1/user/forget-password`.",
    password: "The new password: 8 to 64 characters, not the e-mail, not a common password.",
    passwordConfirm: "The same password again.",
    otpCode: "Additive: required when two-factor authentication is on (a current code or a recovery code).",
    sessionId: `${IGNORED}.`,
    challengeType: "Optional; only `FORGOT_PASSWORD`.",
  },
  { sessionId: sessionIdField, challengeType: z.enum(["FORGOT_PASSWORD"]).optional() },
);

export const USER_ROUTES: readonly Route[] = [
  {
    method: "POST",
    path: "/v1/user/sign-up",
    procedure: "auth.signUp",
    operationId: "signUpUser",
    summary: "Sign up with e-mail, password and (optionally) a phone number",
    description:
      "Seed 003. Creates the customer on a brand that allows self-service registration and sends a 6-digit e-mail code and, with a phone number, a 4-digit SMS code. Sign in next with `POST /customer/auth/login`; then verify the phone with `POST /v1/user/otp`. Seed 003 sends an OAuth client token here; this API needs none. Throttled per client address and phone number.",
    tag: "User",
    auth: false,
    naming: "camel",
    body: signUpBody,
    bodyRequired: true,
    response: signUpResponseSchema,
    responseDescription: "Signed up.",
    errors: ["INVALID_DATA", "REGISTRATION_DISABLED", "NON_ADMIN_FIELD", "RESERVED_NAME", ...PASSWORD_RULES, "EMAIL_ALREADY_REGISTERED", "TOO_MANY_ATTEMPTS"],
    run: async (api, input) => {
      const signUp = input as In<typeof api.auth.signUp>;
      const out = await api.auth.signUp(signUp);
      return enveloped({
        userId: String(out.customerId),
        email: out.email,
        phoneNumber: signUp.phone ?? null,
        name: signUp.firstName.trim(),
        surname: signUp.lastName.trim(),
        accounts: [],
        kycIds: [],
        documentIds: [],
        emailVerificationSent: out.emailVerificationSent,
        phoneVerificationSent: out.phoneVerificationSent,
      });
    },
  },
  {
    method: "POST",
    path: "/v1/user/otp",
    procedure: "customer.verifyPhone",
    operationId: "verifyUserPhone",
    summary: "Verify the phone number with the SMS code",
    description:
      "Seed 003's OTP challenge, for the phone number: the 4-digit code sent at sign-up (or by a resend). Wrong, used or superseded: 400 `CODE_INVALID` (5 wrong tries use the code up); older than 10 minutes: 400 `CODE_EXPIRED`.",
    tag: "User",
    auth: true,
    naming: "camel",
    body: otpBody,
    bodyRequired: true,
    response: phoneVerifiedResponseSchema,
    responseDescription: "The phone number is verified.",
    errors: ["INVALID_DATA", "INVALID_CUSTOMER_SESSION", "CODE_INVALID", "CODE_EXPIRED"],
    run: async (api, input) => {
      await api.customer.verifyPhone(input as In<typeof api.customer.verifyPhone>);
      return enveloped({});
    },
  },
  {
    method: "POST",
    path: "/v1/user/refresh",
    procedure: "auth.refresh",
    operationId: "refreshUserTokens",
    summary: "Swap a refresh token for new tokens",
    description:
      "Seed 003 (the same as `POST /customer/auth/refresh`). Each refresh token works once; using one a second time ends the whole session.",
    tag: "User",
    auth: false,
    naming: "camel",
    body: refreshBody,
    bodyRequired: true,
    response: userTokensResponseSchema,
    responseDescription: "New tokens; the previous access token no longer works.",
    errors: ["INVALID_DATA", "INVALID_CUSTOMER_SESSION"],
    run: async (api, input) => {
      const out = await api.auth.refresh(input as In<typeof api.auth.refresh>);
      return enveloped({ accessToken: out.token, refreshToken: out.refreshToken, tokenExpiresAt: out.tokenExpiresAt });
    },
  },
  {
    method: "GET",
    path: "/v1/user/forget-password",
    procedure: "auth.requestPasswordReset",
    operationId: "forgetUserPassword",
    summary: "Forgotten password: e-mail a code",
    description:
      "Seed 003. E-mails a 6-digit code (10 minutes, 5 tries) when the address belongs to an active customer; the answer is the same either way. Throttled per client address and per address asked for.",
    tag: "User",
    auth: false,
    naming: "camel",
    query: { email: { key: "email", type: "string", required: true, schema: emailField, description: "Required: the customer's e-mail address." } },
    response: forgetPasswordResponseSchema,
    responseDescription: "The code was sent, if the address is registered.",
    errors: ["INVALID_DATA", "TOO_MANY_ATTEMPTS"],
    run: async (api, input) => {
      await api.auth.requestPasswordReset(input as In<typeof api.auth.requestPasswordReset>);
      return enveloped({ codeDeliveryDetails: { deliveryMedium: "EMAIL" as const, attributeName: "email" as const } });
    },
  },
  {
    method: "PUT",
    path: "/v1/user/change-password",
    procedure: "auth.resetPassword",
    operationId: "changeForgottenUserPassword",
    summary: "Forgotten password: set a new one with the e-mailed code",
    description:
      "Seed 003. The e-mailed code, the new password twice and, when two-factor authentication is on, `otpCode`. Every session of the customer ends; sign in again. Wrong, used or unknown: 400 `CODE_INVALID`; too many wrong codes for the address: 429.",
    tag: "User",
    auth: false,
    naming: "camel",
    body: resetBody,
    bodyRequired: true,
    response: changePasswordResponseSchema,
    responseDescription: "The password was changed.",
    errors: ["INVALID_DATA", ...PASSWORD_RULES, "CODE_INVALID", "CODE_EXPIRED", "OTP_REQUIRED", "INVALID_OTP_CODE", "TOO_MANY_ATTEMPTS"],
    run: async (api, input) => {
      await api.auth.resetPassword(input as In<typeof api.auth.resetPassword>);
      return enveloped({ data: {} });
    },
  },
];
