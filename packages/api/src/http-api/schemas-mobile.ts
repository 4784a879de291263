// The response bodies of seeds 001 and 003 at their own paths, in the seeds' camelCase
// and envelopes. The mappers in mapping-mobile.ts are typed against them, and openapi.ts
// documents them with `z.toJSONSchema`. Errors keep the API's one error body (schemas.ts).
import { z } from "zod";
import { PERMISSIONS } from "../accounts/permissions";

const int = () => z.number().int();

// ---------------------------------------------------------------------------------------
// Seed 001: client accounts

export const clientAccountSchema = z.object({
  id: int().describe("The account's id (seed 001 `accountId`), used by every other call."),
  login: int().describe("The trading core's account number."),
  caption: z.string().describe("The account's name: the customer's, or the group's until they choose one."),
  customCaption: z.boolean().describe("Whether `caption` was chosen by the customer."),
  favorite: z.boolean(),
  kind: z.enum(["TRADING", "WALLET"]).describe("A trading account or a wallet (seed 001's personal account)."),
  accountMode: z.enum(["DEMO", "REAL"]),
  alphabeticCurrencyCode: z.string().describe("ISO 4217 letters, e.g. `USD`."),
  platform: z.string().describe("The trading platform's name (`filter[platformId]`)."),
  leverage: int(),
  group: z.string().describe("The group (seed 000) it was opened from."),
  createTime: z.string().describe("When it was opened (ISO 8601); the list's sort key."),
  archivedAt: z.string().nullable().describe("When it was archived; null while open."),
  mustChangePassword: z.boolean().describe("The main trading password is a temporary one: change it with the wizard."),
  permissions: z.array(z.enum(PERMISSIONS)).describe("What the account allows now (README, Account permissions); none once archived."),
});

export const accountResponseSchema = clientAccountSchema;

export const createdAccountResponseSchema = clientAccountSchema.extend({
  temporaryPassword: z
    .string()
    .nullable()
    .describe("Additive: the main trading password, returned only here (null on a repeat with the same `idempotencyKey`); change it with the wizard."),
});

export const accountListResponseSchema = z.object({
  data: z.array(clientAccountSchema).describe("The matching accounts of this page."),
  total: int().describe("All matching accounts, for paging."),
  limit: int(),
  offset: int(),
});

export const liveAccountSchema = z
  .object({
    balance: z.string().describe("Decimal string with two decimals, in the account's currency."),
    equity: z.string(),
    leverage: int(),
    enabled: z.boolean(),
    archived: z.boolean(),
  })
  .nullable()
  .describe("Additive: the trading core's view; null when the core does not answer.");

export const accountDetailsResponseSchema = clientAccountSchema.extend({ live: liveAccountSchema });

const wizardFields = {
  done: z.boolean().describe("True once the password was changed."),
  uuid: z.string().describe("The flow's id: send it as `uuid` to the next steps."),
  workflow: z.enum(["confirm", "change", "terminated"]).describe("The next step: `confirm` the code, `change` the password, or `terminated`."),
};

export const wizardStartResponseSchema = z.object({
  code: z.literal(200).describe("The wizard's step: 200 while a step remains."),
  data: z.object({
    sentAt: z.string(),
    expiredAt: z.string().describe("When the code expires (10 minutes)."),
    recipient: z.object({
      template: z.string(),
      email: z.string().describe("The address the code went to, masked (`j***@example.com`)."),
      name: z.string(),
      method: z.literal("email"),
    }),
  }),
  ...wizardFields,
});

export const wizardConfirmResponseSchema = z.object({
  code: z.literal(200),
  data: z.object({ expiredAt: z.string().describe("Additive: the new password must be set before this.") }),
  ...wizardFields,
});

export const wizardChangeResponseSchema = z.object({
  code: z.literal(202).describe("202: the password was changed (also the HTTP status)."),
  data: z.object({}),
  ...wizardFields,
});

/** 204 answers have no body. */
export const noContentSchema = z.null();

// ---------------------------------------------------------------------------------------
// Seed 003: the user

/** Seed 003's envelope of every success: `success`, `data`, `errorCode` 0 and an empty `errorMessage`. */
export function envelope<T extends z.ZodType>(data: T) {
  return z.object({
    success: z.literal(true),
    data,
    errorCode: z.literal(0).describe("Always 0 on success: refusals answer the API's error body instead."),
    errorMessage: z.literal(""),
  });
}

export const signUpResponseSchema = envelope(
  z.object({
    userId: z.string().describe("The customer's id."),
    email: z.string(),
    phoneNumber: z.string().nullable(),
    name: z.string(),
    surname: z.string(),
    accounts: z.array(z.never()).describe("Empty: accounts are opened after sign-up (seed 000)."),
    kycIds: z.array(z.never()).describe("Empty until KYC data is submitted."),
    documentIds: z.array(z.never()),
    emailVerificationSent: z.boolean().describe("Additive: a 6-digit code was e-mailed."),
    phoneVerificationSent: z
      .boolean()
      .describe("Additive: a 4-digit code was sent by SMS (`POST /v1/user/otp`); false when there is no phone or its SMS budget is spent."),
  }),
);

export const phoneVerifiedResponseSchema = envelope(z.object({}).describe("The phone number is verified."));

export const userTokensResponseSchema = envelope(
  z.object({
    accessToken: z.string().describe("The new bearer token (15 minutes), seed 002's `__token`."),
    refreshToken: z.string().describe("The new single-use refresh token."),
    tokenExpiresAt: z.string().describe("When `accessToken` expires (ISO 8601)."),
  }),
);

export const forgetPasswordResponseSchema = envelope(
  z.object({
    codeDeliveryDetails: z.object({
      deliveryMedium: z.literal("EMAIL"),
      attributeName: z.literal("email"),
    }),
  }).describe("The same answer whether or not the address is registered (no `destination`)."),
);

export const changePasswordResponseSchema = envelope(z.object({ data: z.object({}) }));

const portfolioSchema = z.object({
  portfolioId: z.string().describe("The wallet's id (seed 001 `accountId`), as a string."),
  name: z.string().describe("The wallet's caption."),
  accountId: z.string().describe("The customer's id."),
  creationTs: z.string().describe("When it was opened (ISO 8601)."),
  publicStrategy: z.literal(false).describe("Always false: portfolios are not shared."),
  portfolioAccountType: z.literal("TRADING"),
  currency: z.string().describe("Additive: ISO 4217 letters."),
  login: int().describe("Additive: the trading core's account number."),
});

export const userAccountResponseSchema = envelope(
  z.object({
    accountId: z.string().describe("The customer's id: seed 003's account is the customer, made at sign-up."),
    email: z.string(),
    subAccountId: z.null().describe("Not offered: always null."),
    subAccountEmail: z.null().describe("Not offered: always null."),
    encryptionKey: z.null().describe("Not offered: no key is shared with clients."),
    creationTs: z.string().describe("When the customer signed up (ISO 8601)."),
    portfolios: z.array(portfolioSchema).describe("The customer's open wallets, oldest first."),
    additionalInfo: z
      .object({
        kycStatus: z.string().describe("The KYC status's name, e.g. `APPROVED`."),
        preferredCurrency: z.string().describe("The default `currency` of a new portfolio."),
      })
      .describe("Seed 003's free-form strings: here the KYC status and the preferred currency."),
    active: z.boolean().describe("True once KYC is approved: portfolios can be opened then."),
    tradingPortfolioId: z.string().nullable().describe("The portfolio just opened; otherwise the oldest; null without any."),
  }),
);
