// Seed 003's account and portfolios at the seed's own paths (`/v1/account...`). Seed 003's
// "account" is the customer (made at sign-up; `accountId` is the customer's id) and its
// portfolios are the customer's wallets (product.md: a wallet is seed 003's portfolio),
// opened only after KYC by OpenCustomerAccount from the brand's wallet group in the asked
// currency. Successes wear seed 003's envelope, refusals the API's one error body.
import { accountCaptionField } from "@brokerage/validators";
import type { inferRouterOutputs } from "@trpc/server";
import { z } from "zod";
import { DomainError, type ErrorCode } from "../errors";
import { isKycApproved } from "../kyc/status";
import type { AppRouter } from "../root";
import { enveloped } from "./mapping-mobile";
import { userAccountResponseSchema } from "./schemas-mobile";
import type { Caller, Route } from "./routes";
import type { SnakeBody } from "./schemas";

type Out = inferRouterOutputs<AppRouter>;

const idOrEmail = z.string().trim().min(1).max(320);

const accountBodySchema = z.strictObject({
  userId: idOrEmail.optional().describe("Optional: the customer's id; another customer's is 404 `NOT_FOUND`."),
  accountId: idOrEmail.optional().describe("Optional: the customer's id (seed 003's account is the customer); another is 404 `NOT_FOUND`."),
  email: idOrEmail.optional().describe("Optional: the customer's e-mail address (any letter case); another is 404 `NOT_FOUND`."),
});

const portfolioBodySchema = z.strictObject({
  accountId: idOrEmail.optional().describe("Optional: the customer's id; another customer's is 404 `NOT_FOUND`."),
  name: accountCaptionField.optional().describe("Optional: the portfolio's name (1 to 64 characters); the wallet group's name otherwise."),
  portfolioId: z
    .string()
    .trim()
    .min(8)
    .max(128)
    .optional()
    .describe(
      "Optional, the client's own id for this request (8 to 128 characters): a repeat with the same `portfolioId` answers the portfolio it made instead of opening another; the same `portfolioId` for another currency is 409 `IDEMPOTENCY_KEY_REUSED`.",
    ),
  portfolioAccountType: z.enum(["TRADING"]).optional().describe("Optional; only `TRADING` (the seed's one value)."),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, { message: "Three letters, e.g. USD" })
    .transform((v) => v.toUpperCase())
    .optional()
    .describe("Additive: the wallet's currency (ISO 4217); the customer's preferred currency (USD unless chosen) by default. One open portfolio per currency."),
});

const sameNames = <S extends z.ZodRawShape>(schema: z.ZodObject<S>) =>
  Object.fromEntries(Object.keys(schema.shape).map((key) => [key, key]));

const accountBody: SnakeBody = { id: "UserAccountRequest", schema: accountBodySchema, names: sameNames(accountBodySchema) };
const portfolioBody: SnakeBody = { id: "CreatePortfolioRequest", schema: portfolioBodySchema, names: sameNames(portfolioBodySchema) };

/** Seed 003 names the account by id or e-mail; anything but the caller's own is not found (product.md). */
function assertSelf(me: Out["customer"]["me"], named: { userId?: string; accountId?: string; email?: string }) {
  const id = String(me.customerId);
  const others =
    (named.userId !== undefined && named.userId !== id) ||
    (named.accountId !== undefined && named.accountId !== id) ||
    (named.email !== undefined && named.email.toLowerCase() !== me.email.toLowerCase());
  if (others) throw new DomainError("NOT_FOUND", { message: "No such account" });
}

const noWalletIn = (currency: string) =>
  new DomainError("INVALID_DATA", {
    fieldErrors: { currency: [`No portfolio is offered in ${currency}`] },
    fieldCodes: { currency: ["NOT_ALLOWED"] },
  });

/** Seed 003's account: the customer, their open wallets as portfolios, and whether KYC lets them open more. */
async function userAccount(api: Caller, me: Out["customer"]["me"], createdId: number | null) {
  const [kyc, wallets] = await Promise.all([
    api.kyc.state(),
    api.accounts.list({ kind: "WALLET", sortOrder: "asc", limit: 100 }),
  ]);
  const accountId = String(me.customerId);
  const portfolios = wallets.items.map((wallet) => ({
    portfolioId: String(wallet.id),
    name: wallet.caption,
    accountId,
    creationTs: wallet.createdAt,
    publicStrategy: false as const,
    portfolioAccountType: "TRADING" as const,
    currency: wallet.currency,
    login: wallet.login,
  }));
  return enveloped({
    accountId,
    email: me.email,
    subAccountId: null,
    subAccountEmail: null,
    encryptionKey: null,
    creationTs: me.createdAt,
    portfolios,
    additionalInfo: { kycStatus: kyc.statusName, preferredCurrency: me.preferredCurrency },
    active: isKycApproved(kyc),
    tradingPortfolioId: createdId !== null ? String(createdId) : (portfolios[0]?.portfolioId ?? null),
  });
}

const OPENING_ERRORS = [
  "BRAND_NOT_AVAILABLE",
  "KYC_REQUIRED",
  "WALLET_EXISTS",
  "IDEMPOTENCY_KEY_REUSED",
  "CORE_NOT_AVAILABLE",
] as const satisfies readonly ErrorCode[];

export const PORTFOLIO_ROUTES: readonly Route[] = [
  {
    method: "POST",
    path: "/v1/account",
    procedure: "customer.me",
    operationId: "getUserAccount",
    summary: "The customer's account and its portfolios",
    description:
      "Seed 003's account is the customer: it is made at sign-up, so this call creates nothing and answers it, with the customer's open wallets as `portfolios` and `active` once KYC is approved. `userId`, `accountId` and `email` are optional; naming anyone but the caller is 404 `NOT_FOUND`. `subAccountId`, `subAccountEmail` and `encryptionKey` are always null (not offered).",
    tag: "User",
    auth: true,
    naming: "camel",
    body: accountBody,
    response: userAccountResponseSchema,
    responseDescription: "The customer's account.",
    errors: ["INVALID_DATA", "INVALID_CUSTOMER_SESSION", "NOT_FOUND"],
    run: async (api, input) => {
      const me = await api.customer.me();
      // The facade checked the body; parsed again here for the schema's trimming.
      assertSelf(me, accountBodySchema.parse(input));
      return userAccount(api, me, null);
    },
  },
  {
    method: "POST",
    path: "/v1/account/portfolio",
    procedure: "accounts.open",
    operationId: "createPortfolio",
    summary: "Open a portfolio (a wallet) once KYC is approved",
    description:
      "Seed 003. Opens a wallet in `currency` (default: the preferred currency) from the brand's wallet group with every check of `POST /customer/account/open`: before KYC is approved 403 `KYC_REQUIRED` (with seed 000's payload); one open portfolio per currency (409 `WALLET_EXISTS`); a currency without a wallet group is 400 `INVALID_DATA` on `currency`. Answers the account with every portfolio; `tradingPortfolioId` is the one just opened. A wallet holds no money at opening (deposit through the portal).",
    tag: "User",
    auth: true,
    naming: "camel",
    body: portfolioBody,
    response: userAccountResponseSchema,
    responseDescription: "The portfolio was opened (or, for a repeated `portfolioId`, had been).",
    errors: ["INVALID_DATA", "INVALID_CUSTOMER_SESSION", "NOT_FOUND", ...OPENING_ERRORS],
    run: async (api, input) => {
      // The facade checked the body; parsed again here for the schema's trimming and letter case.
      const body = portfolioBodySchema.parse(input);
      const me = await api.customer.me();
      assertSelf(me, body);
      const currency = body.currency ?? me.preferredCurrency;
      const group = (await api.accounts.groups()).find((g) => g.kind === "WALLET" && g.currency === currency);
      if (!group) throw noWalletIn(currency);
      const opened = await api.accounts.open({ group: group.name, ...(body.portfolioId ? { idempotencyKey: body.portfolioId } : {}) });
      if (body.name !== undefined) await api.accounts.update({ accountId: opened.accountId, caption: body.name });
      return userAccount(api, me, opened.accountId);
    },
  },
];
