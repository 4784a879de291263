import { CoreRejectedError, type TradingCore } from "@brokerage/core-adapter";
import { Prisma, type Database } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError } from "../errors";
import { isUniqueViolation } from "../errors/unique-violation";
import { isKycApproved, getKycState, kycRequiredPayload, setRequiredLevel } from "../kyc";
import { decryptSecret, encryptSecret } from "../otp/secret-box";
import { groupNeedsKyc, groupSelect } from "./account-groups";
import { coreUnavailable } from "./core-errors";
import { isPositive, moneyString } from "./money";
import { generateTemporaryPassword } from "./trading-password";

export interface OpeningDeps {
  db: Database;
  core: TradingCore;
  clock: Clock;
}

export interface OpenAccountInput {
  customerId: number;
  group: string;
  leverage?: number | undefined;
  startAmount?: string | undefined;
  idempotencyKey?: string | undefined;
}

/** The core's idempotency keys for an opening: replays never open or deposit twice. */
const createKey = (openingId: string) => `opening:${openingId}:create`;
const depositKey = (openingId: string) => `opening:${openingId}:deposit`;

/**
 * OpenCustomerAccount (seed 000; seed 001 adds leverage and a demo start amount). The
 * checks run in the seed's order and are re-validated on every call; then the attempt
 * is recorded BEFORE the core is called, so a lost reply can be completed later and
 * there is never a portal row without a core account, nor the reverse.
 */
export async function openAccount(deps: OpeningDeps, input: OpenAccountInput, request: RequestMeta) {
  const { db } = deps;
  if (input.idempotencyKey) {
    const earlier = await db.accountOpening.findUnique({
      where: { customerId_idempotencyKey: { customerId: input.customerId, idempotencyKey: input.idempotencyKey } },
      select: { id: true },
    });
    if (earlier) return completeOpening(deps, earlier.id, request);
  }

  const group = await db.accountGroup.findUnique({ where: { name: input.group }, select: groupSelect });
  if (!group) throw new DomainError("INVALID_GROUP");
  if (input.leverage !== undefined && !group.allowedLeverages.includes(input.leverage)) {
    throw new DomainError("INVALID_DATA", {
      fieldErrors: { leverage: [`Choose one of ${group.allowedLeverages.join(", ")}`] },
    });
  }
  if (input.startAmount !== undefined) {
    if (group.accountMode !== "DEMO") {
      throw new DomainError("INVALID_DATA", { fieldErrors: { startAmount: ["A start amount is for demo accounts only"] } });
    }
    if (group.maxStartAmount === null || new Prisma.Decimal(input.startAmount).greaterThan(group.maxStartAmount)) {
      throw new DomainError("INVALID_DATA", {
        fieldErrors: { startAmount: [`At most ${group.maxStartAmount === null ? "0.00" : moneyString(group.maxStartAmount)}`] },
      });
    }
  }

  const customer = await db.customer.findUniqueOrThrow({
    where: { id: input.customerId },
    select: {
      emailVerifiedAt: true,
      brandId: true,
      brand: { select: { enabled: true, allowDemoOpening: true, allowRealOpening: true, kycRequiredForReal: true } },
    },
  });
  const brand = customer.brand;
  if (!brand.enabled) throw new DomainError("BRAND_NOT_AVAILABLE");
  if (!group.enabled) throw new DomainError("GROUP_DISABLED");
  if (!group.public) throw new DomainError("GROUP_NOT_PUBLIC");
  if (group.brandId !== customer.brandId) throw new DomainError("GROUP_BRAND_MISMATCH");
  if (group.accountMode === "DEMO" && !brand.allowDemoOpening) throw new DomainError("DEMO_OPENING_DISABLED");
  if (group.accountMode === "REAL" && !brand.allowRealOpening) throw new DomainError("REAL_OPENING_DISABLED");
  if (group.accountMode === "REAL" && customer.emailVerifiedAt === null) throw new DomainError("EMAIL_NOT_VERIFIED");
  if (group.kind === "WALLET") {
    const held = await db.account.count({
      where: { customerId: input.customerId, kind: "WALLET", currency: group.currency, archivedAt: null },
    });
    if (held > 0) {
      throw new DomainError("INVALID_DATA", { fieldErrors: { group: [`You already hold a ${group.currency} wallet`] } });
    }
  }
  if (groupNeedsKyc(group, brand) && !isKycApproved(await getKycState(db, input.customerId))) {
    const wallet = group.kind === "WALLET";
    const state = await setRequiredLevel(db, {
      customerId: input.customerId,
      level: 1,
      reason: wallet ? "wallet_required" : "real_account_required",
      source: wallet ? "wallet_opening" : "account_opening",
      now: deps.clock.now(),
      request,
    });
    throw new DomainError("KYC_REQUIRED", { details: kycRequiredPayload(state) });
  }

  const depositAmount =
    input.startAmount !== undefined ? new Prisma.Decimal(input.startAmount) : new Prisma.Decimal(group.defaultDeposit);
  let openingId: string;
  try {
    const opening = await db.accountOpening.create({
      data: {
        customerId: input.customerId,
        groupId: group.id,
        idempotencyKey: input.idempotencyKey ?? null,
        leverage: input.leverage ?? group.leverage,
        depositAmount,
        temporaryPasswordEnc: encryptSecret(generateTemporaryPassword()),
        createdAt: deps.clock.now(),
      },
      select: { id: true },
    });
    openingId = opening.id;
  } catch (error) {
    // The same key raced in from another request: answer as its repeat.
    if (!isUniqueViolation(error) || !input.idempotencyKey) throw error;
    const earlier = await db.accountOpening.findUniqueOrThrow({
      where: { customerId_idempotencyKey: { customerId: input.customerId, idempotencyKey: input.idempotencyKey } },
      select: { id: true },
    });
    openingId = earlier.id;
  }
  return completeOpening(deps, openingId, request);
}

const openingSelect = {
  id: true,
  customerId: true,
  status: true,
  leverage: true,
  depositAmount: true,
  depositStatus: true,
  temporaryPasswordEnc: true,
  accountId: true,
  group: { select: { id: true, name: true, kind: true, accountMode: true, currency: true, platform: true, brandId: true, brand: { select: { code: true } } } },
  customer: { select: { firstName: true, lastName: true, email: true } },
} satisfies Prisma.AccountOpeningSelect;

type OpeningRow = Prisma.AccountOpeningGetPayload<{ select: typeof openingSelect }>;

/**
 * Drives a recorded opening to its end: creates the core account (a replay with the
 * same key returns the account a lost reply created), stores the portal row once, and
 * applies the deposit. Used by the request itself, its repeats, and the recovery job.
 * The temporary password is handed out by the first call that may show it, never again.
 */
export async function completeOpening(
  deps: OpeningDeps,
  openingId: string,
  request: RequestMeta,
  options: { deliverPassword: boolean } = { deliverPassword: true },
) {
  const { db } = deps;
  let opening = await db.accountOpening.findUniqueOrThrow({ where: { id: openingId }, select: openingSelect });
  if (opening.status === "FAILED") throw new DomainError("CORE_NOT_AVAILABLE");
  if (opening.status === "PENDING") {
    await createInCore(deps, opening, request);
    opening = await db.accountOpening.findUniqueOrThrow({ where: { id: openingId }, select: openingSelect });
  }
  const account = await db.account.findUniqueOrThrow({ where: { id: opening.accountId! } });

  let temporaryPassword: string | null = null;
  if (options.deliverPassword && opening.temporaryPasswordEnc) {
    // Conditional wipe: of two concurrent repeats, exactly one shows the password.
    const wiped = await db.accountOpening.updateMany({
      where: { id: opening.id, temporaryPasswordEnc: { not: null } },
      data: { temporaryPasswordEnc: null },
    });
    if (wiped.count === 1) temporaryPassword = decryptSecret(opening.temporaryPasswordEnc);
  }

  const result = {
    accountId: account.id,
    login: account.login,
    group: opening.group.name,
    brand: opening.group.brand.code,
    accountMode: account.accountMode,
    kind: account.kind,
    currency: account.currency,
    leverage: account.leverage,
    temporaryPassword,
    mustChangePassword: account.mustChangePassword,
  };
  if (opening.depositStatus === "PENDING") {
    try {
      await applyOpeningDeposit(deps, opening.id);
    } catch {
      // The account exists: its login and password must still reach the customer.
      throw new DomainError("ADD_BALANCE_ERROR", {
        details: { account_id: account.id, login: account.login, temporary_password: temporaryPassword, must_change_password: true },
      });
    }
  }
  return result;
}

async function createInCore(deps: OpeningDeps, opening: OpeningRow, request: RequestMeta) {
  const { db, core } = deps;
  if (!opening.temporaryPasswordEnc) throw new Error(`opening ${opening.id} has no password to replay`);
  let login: number;
  try {
    ({ login } = await core.createAccount({
      idempotencyKey: createKey(opening.id),
      group: opening.group.name,
      currency: opening.group.currency,
      leverage: opening.leverage,
      name: `${opening.customer.firstName} ${opening.customer.lastName}`,
      email: opening.customer.email,
      passwords: { main: decryptSecret(opening.temporaryPasswordEnc) },
    }));
  } catch (error) {
    const refused = error instanceof CoreRejectedError;
    await db.accountOpening.update({
      where: { id: opening.id },
      data: { lastError: refused ? `rejected:${error.reason}` : "core_unavailable", ...(refused ? { status: "FAILED" } : {}) },
    });
    throw coreUnavailable(error);
  }
  const now = deps.clock.now();
  await db.$transaction(async (tx) => {
    // Claim first: of two completions racing (a repeat and the recovery job), one wins.
    const claimed = await tx.accountOpening.updateMany({
      where: { id: opening.id, status: "PENDING" },
      data: { status: "COMPLETED", depositStatus: isPositive(opening.depositAmount) ? "PENDING" : "NONE", lastError: null },
    });
    if (claimed.count === 0) return;
    const account = await tx.account.create({
      data: {
        customerId: opening.customerId,
        groupId: opening.group.id,
        brandId: opening.group.brandId,
        login,
        kind: opening.group.kind,
        accountMode: opening.group.accountMode,
        currency: opening.group.currency,
        platform: opening.group.platform,
        leverage: opening.leverage,
        mustChangePassword: true,
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.accountOpening.update({ where: { id: opening.id }, data: { accountId: account.id } });
    await recordAuditEvent(tx, {
      kind: "account.opened",
      customerId: opening.customerId,
      request,
      data: { accountId: account.id, login, group: opening.group.name },
      at: now,
    });
  });
}

/** Applies an opening's deposit once: the core key makes a retry after a lost reply safe. */
export async function applyOpeningDeposit(deps: OpeningDeps, openingId: string): Promise<void> {
  const { db, core } = deps;
  const opening = await db.accountOpening.findUniqueOrThrow({
    where: { id: openingId },
    select: { depositAmount: true, depositStatus: true, account: { select: { login: true } } },
  });
  if (opening.depositStatus !== "PENDING" || !opening.account) return;
  try {
    await core.balanceOperation({
      idempotencyKey: depositKey(openingId),
      login: opening.account.login,
      type: "deposit",
      amount: moneyString(opening.depositAmount),
      comment: "Default deposit",
    });
  } catch (error) {
    await db.accountOpening.update({
      where: { id: openingId },
      data: { depositTries: { increment: 1 }, lastError: error instanceof Error ? `deposit:${error.name}` : "deposit" },
    });
    throw error;
  }
  await db.accountOpening.updateMany({ where: { id: openingId, depositStatus: "PENDING" }, data: { depositStatus: "APPLIED" } });
}
