// Seed 001's client accounts API at the seed's own paths (`/api/v2/my/accounts...`), each
// endpoint a thin call of the `accounts.*` procedure the portal's screens use. Field names
// are the seed's camelCase; the account id comes from the path, filters from the query.
import { z } from "zod";
import type { ErrorCode } from "../errors";
import { getDomainError } from "../errors";
import { archiveAccountInput } from "../accounts/archive.schema";
import { listAccountsInput } from "../accounts/list.schema";
import { openAccountByGroupIdInput } from "../accounts/open.schema";
import { changePasswordInput, confirmWizardInput } from "../accounts/password-wizard.schema";
import { restorePasswordInput } from "../accounts/restore-password.schema";
import { updateAccountInput } from "../accounts/update.schema";
import { passwordTypeField } from "../accounts/fields";
import { PERMISSIONS } from "../accounts/permissions";
import { accountToHttp, accountDetailsToHttp, wizardStepToHttp } from "./mapping-mobile";
import {
  accountDetailsResponseSchema,
  accountListResponseSchema,
  accountResponseSchema,
  createdAccountResponseSchema,
  noContentSchema,
  wizardChangeResponseSchema,
  wizardConfirmResponseSchema,
  wizardStartResponseSchema,
} from "./schemas-mobile";
import { partialBody } from "./schemas";
import type { Caller, QueryParam, Route } from "./routes";

type In<P extends (input: never) => unknown> = Parameters<P>[0];

const SESSION = ["INVALID_CUSTOMER_SESSION"] as const satisfies readonly ErrorCode[];
/** Every endpoint with `{accountId}`: a malformed id is INVALID_DATA, another customer's (or no) account NOT_FOUND. */
const OWN_ACCOUNT = ["INVALID_DATA", ...SESSION, "NOT_FOUND"] as const satisfies readonly ErrorCode[];

const ACCOUNT_PATH = "/api/v2/my/accounts/{accountId}";
const ACCOUNT_ID = { accountId: "accountId" } as const;

const listShape = listAccountsInput.unwrap().shape;
const listQuery: Record<string, QueryParam> = {
  limit: { key: "limit", type: "integer", schema: listShape.limit, description: "1 to 100 (default 20)." },
  offset: { key: "offset", type: "integer", schema: listShape.offset, description: "Accounts to skip (default 0)." },
  sort_by: { key: "sortBy", type: "string", schema: listShape.sortBy, description: "Only `createTime` (the default)." },
  sort_order: { key: "sortOrder", type: "string", schema: listShape.sortOrder, description: "`asc` or `desc` (the default). Favorites always come first." },
  "filter[alphabeticCurrencyCode]": {
    key: "alphabeticCurrencyCode",
    type: "string",
    schema: z.string().regex(/^[A-Za-z]{3}$/),
    description: "ISO 4217 letters, e.g. `USD` (any letter case).",
  },
  "filter[permissions]": {
    key: "permissions",
    type: "list",
    schema: z.array(z.enum(PERMISSIONS)),
    description: "Accounts holding every one of these: repeat the parameter or separate by commas (README, Account permissions).",
  },
  "filter[platformId]": {
    key: "platform",
    type: "string",
    schema: z.string().min(1).max(32),
    description: "The trading platform; platforms are identified by their name here (`MT5`), not by a number.",
  },
  "filter[accountMode]": { key: "accountMode", type: "string", schema: listShape.accountMode, description: "Additive: `DEMO` or `REAL`." },
  "filter[kind]": { key: "kind", type: "string", schema: listShape.kind, description: "Additive: `TRADING` accounts or `WALLET`s." },
  "filter[includeArchived]": {
    key: "includeArchived",
    type: "boolean",
    schema: z.boolean(),
    description: "Additive: `true` lists archived accounts too (default `false`).",
  },
};

const createBody = partialBody(
  "CreateClientAccountRequest",
  openAccountByGroupIdInput,
  { groupId: "productCurrencyId", leverage: "leverage", startAmount: "startAmount", idempotencyKey: "idempotencyKey" },
  {
    productCurrencyId: "The group's `id` (seed 001's product currency), from `GET /customer/account/groups`.",
    leverage: "One of the group's `allowed_leverages`; the group's leverage when omitted.",
    startAmount: "DEMO groups only, up to the group's `max_start_amount`: replaces the default deposit (optional here).",
    idempotencyKey: "Additive: a repeat with the same key answers the same account (without the temporary password) instead of opening another.",
    options: "Seed 001's field: only `{}` is accepted.",
  },
  { options: z.strictObject({}).optional() },
);

const updateBody = partialBody(
  "UpdateClientAccountRequest",
  updateAccountInput,
  { caption: "caption", favorite: "favorite" },
  {
    caption: "The account's name, 1 to 64 characters; `null` goes back to the group's name.",
    favorite: "Marks (`true`) or unmarks the account as a favorite; favorites are listed first.",
  },
);

const archiveBody = partialBody(
  "ArchiveClientAccountRequest",
  archiveAccountInput,
  { fallbackId: "fallbackId", stepUp: "stepUp" },
  {
    fallbackId:
      "The caller's open wallet in the account's currency, which receives the funds of a REAL account with a balance. A DEMO account, or a REAL one without funds, needs none.",
    stepUp:
      "Additive (issue 16): the confirmation, needed when a REAL account or wallet holds money. Without it the answer is 403 `STEP_UP_REQUIRED` with `channels` and `challenge_id`; get the code (`POST /customer/auth/step-up/send`, or the authenticator app) and send the same body again with `stepUp: {challengeId, code}`.",
  },
);

const confirmBody = partialBody(
  "ConfirmTradingPasswordRequest",
  confirmWizardInput,
  { code: "code", flowId: "uuid" },
  {
    code: "The 6-digit code e-mailed by the wizard's start (a number or a string of digits).",
    uuid: "Additive, required: the `uuid` the wizard's start answered.",
  },
);

const changeBody = partialBody(
  "ChangeTradingPasswordRequest",
  changePasswordInput,
  { password: "password", passwordConfirmation: "passwordConfirmation", flowId: "uuid" },
  {
    password: "The new trading password (README, trading password policy).",
    passwordConfirmation: "The same password again.",
    uuid: "Additive, required: the `uuid` of the confirmed wizard.",
  },
);

const restoreBody = partialBody("RestoreTradingPasswordRequest", restorePasswordInput, { passwordType: "passwordType" }, {
  passwordType: "`main` or `investor`.",
});

async function details(api: Caller, accountId: number) {
  const account = await api.accounts.get({ accountId });
  // The balance is the core's: the details still answer when the core does not.
  const live = await api.accounts.live({ accountId }).catch((error: unknown) => {
    if (getDomainError(error)?.code === "CORE_NOT_AVAILABLE") return null;
    throw error;
  });
  return accountDetailsToHttp(account, live);
}

const updateRoute = (method: "PUT" | "PATCH"): Route => ({
  method,
  path: ACCOUNT_PATH,
  procedure: "accounts.update",
  operationId: method === "PUT" ? "updateClientAccount" : "patchClientAccount",
  summary: method === "PUT" ? "Rename an account or mark it as favorite" : "Rename an account or mark it as favorite (PATCH)",
  description:
    "Seed 001. Send `caption`, `favorite` or both (at least one). An archived account cannot be changed (409 `ACCOUNT_ARCHIVED`). PUT and PATCH are the same operation.",
  tag: "Client accounts",
  auth: true,
  naming: "camel",
  pathParams: ACCOUNT_ID,
  body: updateBody,
  bodyRequired: true,
  response: accountResponseSchema,
  responseDescription: "The updated account.",
  errors: [...OWN_ACCOUNT, "ACCOUNT_ARCHIVED"],
  run: async (api, input) => accountToHttp(await api.accounts.update(input as In<typeof api.accounts.update>)),
});

export const CLIENT_ACCOUNT_ROUTES: readonly Route[] = [
  {
    method: "POST",
    path: "/api/v2/my/accounts",
    procedure: "accounts.openByGroupId",
    operationId: "createClientAccount",
    summary: "Open a trading account or a wallet from a group (product currency)",
    description:
      "Seed 001's create, served by OpenCustomerAccount (seed 000) with every check in its order; the group is named by its id. Answers the new account and, once, its temporary password (additive). On 500 ADD_BALANCE_ERROR the account exists and the error body carries its login and temporary password; KYC_REQUIRED carries seed 000's payload.",
    tag: "Client accounts",
    auth: true,
    naming: "camel",
    body: createBody,
    bodyRequired: true,
    response: createdAccountResponseSchema,
    responseDescription: "The account was opened.",
    errors: [
      "INVALID_DATA",
      "INVALID_GROUP",
      ...SESSION,
      "BRAND_NOT_AVAILABLE",
      "GROUP_DISABLED",
      "GROUP_NOT_PUBLIC",
      "GROUP_BRAND_MISMATCH",
      "DEMO_OPENING_DISABLED",
      "REAL_OPENING_DISABLED",
      "EMAIL_NOT_VERIFIED",
      "KYC_REQUIRED",
      "WALLET_EXISTS",
      "IDEMPOTENCY_KEY_REUSED",
      "CORE_NOT_AVAILABLE",
      "ADD_BALANCE_ERROR",
    ],
    run: async (api, input) => {
      const opened = await api.accounts.openByGroupId(input as In<typeof api.accounts.openByGroupId>);
      const account = await api.accounts.get({ accountId: opened.accountId });
      return { ...accountToHttp(account), temporaryPassword: opened.temporaryPassword };
    },
  },
  {
    method: "GET",
    path: "/api/v2/my/accounts",
    procedure: "accounts.list",
    operationId: "listClientAccounts",
    summary: "List the client's accounts, filtered, sorted and paged",
    description:
      "Seed 001. The caller's trading accounts and wallets; favorites first, then by creation time. `total` is the number of matching accounts, for paging. Unknown query parameters are 400 `INVALID_DATA`.",
    tag: "Client accounts",
    auth: true,
    naming: "camel",
    query: listQuery,
    response: accountListResponseSchema,
    responseDescription: "One page of the matching accounts.",
    errors: ["INVALID_DATA", ...SESSION],
    run: async (api, input) => {
      const out = await api.accounts.list(input as In<typeof api.accounts.list>);
      return { data: out.items.map(accountToHttp), total: out.total, limit: out.limit, offset: out.offset };
    },
  },
  {
    method: "GET",
    path: "/api/v2/accounts/{accountId}",
    procedure: "accounts.get",
    operationId: "getClientAccount",
    summary: "An account's details",
    description:
      "Seed 001's documented path. With the balance from the trading core in `live` (additive), which is null when the core does not answer. The seed's example calls `GET /api/v2/my/accounts/{accountId}`, which answers the same.",
    tag: "Client accounts",
    auth: true,
    naming: "camel",
    pathParams: ACCOUNT_ID,
    response: accountDetailsResponseSchema,
    responseDescription: "The account.",
    errors: [...OWN_ACCOUNT],
    run: async (api, input) => details(api, (input as In<typeof api.accounts.get>).accountId),
  },
  {
    method: "GET",
    path: ACCOUNT_PATH,
    procedure: "accounts.get",
    operationId: "getMyClientAccount",
    summary: "An account's details (the path of the seed's example)",
    description: "The same as `GET /api/v2/accounts/{accountId}`.",
    tag: "Client accounts",
    auth: true,
    naming: "camel",
    pathParams: ACCOUNT_ID,
    response: accountDetailsResponseSchema,
    responseDescription: "The account.",
    errors: [...OWN_ACCOUNT],
    run: async (api, input) => details(api, (input as In<typeof api.accounts.get>).accountId),
  },
  updateRoute("PUT"),
  updateRoute("PATCH"),
  {
    method: "POST",
    path: `${ACCOUNT_PATH}/archive`,
    procedure: "accounts.archive",
    operationId: "archiveClientAccount",
    summary: "Archive an account, moving its funds to a fallback wallet",
    description:
      "Seed 001. A REAL account with funds needs `fallbackId`: the funds move there first, then the account is archived (exactly once, also when retried). Demo money never moves. Success has no body (204). Additive (issue 16): a REAL account or wallet with funds also needs a confirmation, bound to the account and `fallbackId`: the first call answers 403 `STEP_UP_REQUIRED` (`channels`, `challenge_id`); see `POST /customer/auth/step-up/send`, then repeat the body with `stepUp: {challengeId, code}`.",
    tag: "Client accounts",
    auth: true,
    naming: "camel",
    pathParams: ACCOUNT_ID,
    body: archiveBody,
    successStatus: 204,
    response: noContentSchema,
    responseDescription: "Archived.",
    errors: [
      ...OWN_ACCOUNT,
      "ACCOUNT_ARCHIVED",
      "FALLBACK_INVALID",
      "REAUTH_REQUIRED",
      "STEP_UP_REQUIRED",
      "STEP_UP_EXPIRED",
      "STEP_UP_USED",
      "STEP_UP_MISMATCH",
      "STEP_UP_UNAVAILABLE",
      "EMAIL_NOT_VERIFIED",
      "INVALID_OTP_CODE",
      "CODE_INVALID",
      "CODE_EXPIRED",
      "TOO_MANY_ATTEMPTS",
      "CORE_NOT_AVAILABLE",
    ],
    run: async (api, input) => api.accounts.archive(input as In<typeof api.accounts.archive>),
  },
  {
    method: "GET",
    path: `${ACCOUNT_PATH}/password/wizard`,
    procedure: "accounts.passwordWizard.start",
    operationId: "startTradingPasswordWizard",
    summary: "Start changing a trading password: a code is e-mailed",
    description:
      "Seed 001. E-mails a 6-digit code (10 minutes, 5 tries) to the verified address and answers the flow's `uuid`, needed by the next steps. Starting again ends the earlier flow of the same account and password type. Throttled per customer. Wallets have no trading password (400 `INVALID_DATA`).",
    tag: "Client accounts",
    auth: true,
    naming: "camel",
    pathParams: ACCOUNT_ID,
    query: {
      passwordType: { key: "passwordType", type: "string", required: true, schema: passwordTypeField, description: "`main` or `investor` (required)." },
    },
    response: wizardStartResponseSchema,
    responseDescription: "The code was sent; confirm it next.",
    errors: [...OWN_ACCOUNT, "ACCOUNT_ARCHIVED", "EMAIL_NOT_VERIFIED", "TOO_MANY_ATTEMPTS"],
    run: async (api, input) => wizardStepToHttp(await api.accounts.passwordWizard.start(input as In<typeof api.accounts.passwordWizard.start>)),
  },
  {
    method: "POST",
    path: `${ACCOUNT_PATH}/password/confirm`,
    procedure: "accounts.passwordWizard.confirm",
    operationId: "confirmTradingPasswordWizard",
    summary: "Confirm the e-mailed code",
    description:
      "Seed 001. A wrong, used or superseded code is 400 `CODE_INVALID` (5 wrong tries end the flow), an old one 400 `CODE_EXPIRED`. Then 10 minutes remain to set the password.",
    tag: "Client accounts",
    auth: true,
    naming: "camel",
    pathParams: ACCOUNT_ID,
    body: confirmBody,
    bodyRequired: true,
    response: wizardConfirmResponseSchema,
    responseDescription: "Confirmed; set the new password next.",
    errors: [...OWN_ACCOUNT, "ACCOUNT_ARCHIVED", "CODE_INVALID", "CODE_EXPIRED"],
    run: async (api, input) =>
      wizardStepToHttp(await api.accounts.passwordWizard.confirm(input as In<typeof api.accounts.passwordWizard.confirm>)),
  },
  {
    method: "PUT",
    path: `${ACCOUNT_PATH}/password`,
    procedure: "accounts.passwordWizard.change",
    operationId: "changeTradingPassword",
    summary: "Set the new trading password",
    description:
      "Seed 001's last wizard step: answers 202 with `code: 202`, `done: true`. The password follows the trading password policy (409 `PASSWORD_POLICY`) and differs from the account's other password type; the two entries must match (400 `INVALID_DATA`). A flow sets one password once.",
    tag: "Client accounts",
    auth: true,
    naming: "camel",
    pathParams: ACCOUNT_ID,
    body: changeBody,
    bodyRequired: true,
    successStatus: 202,
    response: wizardChangeResponseSchema,
    responseDescription: "The password was changed.",
    errors: [...OWN_ACCOUNT, "ACCOUNT_ARCHIVED", "PASSWORD_POLICY", "CODE_INVALID", "CODE_EXPIRED", "CORE_NOT_AVAILABLE"],
    run: async (api, input) =>
      wizardStepToHttp(await api.accounts.passwordWizard.change(input as In<typeof api.accounts.passwordWizard.change>)),
  },
  {
    method: "POST",
    path: `${ACCOUNT_PATH}/password/restore`,
    procedure: "accounts.restorePassword",
    operationId: "restoreTradingPassword",
    summary: "Restore a forgotten trading password",
    description:
      "Seed 001. A new password is generated and set; unlike the seed, the e-mail carries a single-use link (30 minutes) that shows it once to the signed-in owner, never the password itself. A restored main password must be changed again. Throttled per account. Success has no body (204).",
    tag: "Client accounts",
    auth: true,
    naming: "camel",
    pathParams: ACCOUNT_ID,
    body: restoreBody,
    bodyRequired: true,
    successStatus: 204,
    response: noContentSchema,
    responseDescription: "The link was e-mailed.",
    errors: [...OWN_ACCOUNT, "ACCOUNT_ARCHIVED", "EMAIL_NOT_VERIFIED", "TOO_MANY_ATTEMPTS", "CORE_NOT_AVAILABLE"],
    run: async (api, input) => api.accounts.restorePassword(input as In<typeof api.accounts.restorePassword>),
  },
];
