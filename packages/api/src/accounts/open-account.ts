import { CoreRejectedError, type TradingCore } from "@brokerage/core-adapter";
import { Prisma, type Database } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError } from "../errors";
import { recordMovement } from "../money/movements";
import { isUniqueViolation } from "../errors/unique-violation";
import { isKycApproved, getKycState, kycRequiredPayload, setRequiredLevel } from "../kyc";
import { decryptSecret, encryptSecret } from "../otp/secret-box";
import { assertComplianceForRealOpening, needsComplianceSteps } from "../compliance/gates";
import { groupNeedsKyc, groupSelect } from "./account-groups";
import { allowedLeverages, defaultLeverage, leverageCap } from "./leverage-caps";
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
  const fingerprint = requestFingerprint(input);
  if (input.idempotencyKey) {
    const earlier = await findByKey(db, input.customerId, input.idempotencyKey);
    if (earlier) return repeatOpening(deps, earlier, fingerprint, request);
  }

  const group = await db.accountGroup.findUnique({ where: { name: input.group }, select: groupSelect });
  if (!group) throw new DomainError("INVALID_GROUP");
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: input.customerId },
    select: {
      id: true,
      emailVerifiedAt: true,
      brandId: true,
      clientCategory: true,
      brand: {
        select: {
          enabled: true,
          allowDemoOpening: true,
          allowRealOpening: true,
          kycRequiredForReal: true,
          retailLeverageCap: true,
          professionalLeverageCap: true,
        },
      },
    },
  });
  // The client category's cap (retail 1:30 by default) narrows the group's list for REAL
  // trading accounts; DEMO is never capped.
  const cap = leverageCap(group, customer.brand, customer.clientCategory);
  const allowed = allowedLeverages(group, cap);
  if (input.leverage !== undefined && !allowed.includes(input.leverage)) {
    const aboveCap = cap !== null && input.leverage > cap && group.allowedLeverages.includes(input.leverage);
    throw new DomainError("INVALID_DATA", {
      fieldErrors: {
        leverage: [
          aboveCap
            ? `Leverage above 1:${cap} is not available to ${customer.clientCategory.toLowerCase()} clients; choose one of ${allowed.join(", ")}`
            : `Choose one of ${allowed.join(", ")}`,
        ],
      },
      fieldCodes: { leverage: [aboveCap ? "LEVERAGE_CAP" : "NOT_ALLOWED"] },
      details: { allowedLeverages: allowed, leverageCap: cap },
    });
  }
  if (input.startAmount !== undefined) {
    if (group.accountMode !== "DEMO") {
      throw new DomainError("INVALID_DATA", { fieldErrors: { startAmount: ["A start amount is for demo accounts only"] }, fieldCodes: { startAmount: ["DEMO_ONLY"] } });
    }
    if (group.maxStartAmount === null || new Prisma.Decimal(input.startAmount).greaterThan(group.maxStartAmount)) {
      throw new DomainError("INVALID_DATA", {
        fieldErrors: { startAmount: [`At most ${group.maxStartAmount === null ? "0.00" : moneyString(group.maxStartAmount)}`] }, fieldCodes: { startAmount: ["TOO_BIG"] },
      });
    }
  }

  const brand = customer.brand;
  if (!brand.enabled) throw new DomainError("BRAND_NOT_AVAILABLE");
  if (!group.enabled) throw new DomainError("GROUP_DISABLED");
  if (!group.public) throw new DomainError("GROUP_NOT_PUBLIC");
  if (group.brandId !== customer.brandId) throw new DomainError("GROUP_BRAND_MISMATCH");
  if (group.accountMode === "DEMO" && !brand.allowDemoOpening) throw new DomainError("DEMO_OPENING_DISABLED");
  if (group.accountMode === "REAL" && !brand.allowRealOpening) throw new DomainError("REAL_OPENING_DISABLED");
  if (group.accountMode === "REAL" && customer.emailVerifiedAt === null) throw new DomainError("EMAIL_NOT_VERIFIED");
  // A repeat of a recorded opening answers that opening (below), even once its wallet exists.
  const repeat = input.idempotencyKey ? await findByKey(db, input.customerId, input.idempotencyKey) : null;
  if (group.kind === "WALLET" && !repeat) await assertNoWallet(db, input.customerId, group.currency);
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
  if (needsComplianceSteps(group)) await assertComplianceForRealOpening(db, customer, deps.clock.now());

  const depositAmount =
    input.startAmount !== undefined ? new Prisma.Decimal(input.startAmount) : new Prisma.Decimal(group.defaultDeposit);
  // Recorded under the customer's row lock: two parallel wallet openings of one currency
  // cannot both get past the check (the unique openWalletCurrency column is the backstop).
  const recorded = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Customer" WHERE "id" = ${input.customerId} FOR UPDATE`;
    if (input.idempotencyKey) {
      const earlier = await findByKey(tx, input.customerId, input.idempotencyKey);
      if (earlier) return { earlier, openingId: null };
    }
    if (group.kind === "WALLET") await assertNoWallet(tx, input.customerId, group.currency);
    const opening = await tx.accountOpening.create({
      data: {
        customerId: input.customerId,
        groupId: group.id,
        idempotencyKey: input.idempotencyKey ?? null,
        requestFingerprint: fingerprint,
        leverage: input.leverage ?? defaultLeverage(group, allowed, cap),
        depositAmount,
        temporaryPasswordEnc: encryptSecret(generateTemporaryPassword()),
        createdAt: deps.clock.now(),
      },
      select: { id: true },
    });
    return { earlier: null, openingId: opening.id };
  });
  if (recorded.earlier) return repeatOpening(deps, recorded.earlier, fingerprint, request);
  return completeOpening(deps, recorded.openingId, request);
}

type Tx = Pick<Database, "account" | "accountOpening">;

/** What makes two opening requests "the same" for an idempotency key. */
function requestFingerprint(input: OpenAccountInput): string {
  return JSON.stringify([input.group, input.leverage ?? null, input.startAmount === undefined ? null : moneyString(input.startAmount)]);
}

function findByKey(db: Pick<Database, "accountOpening">, customerId: number, idempotencyKey: string) {
  return db.accountOpening.findUnique({
    where: { customerId_idempotencyKey: { customerId, idempotencyKey } },
    select: { id: true, requestFingerprint: true },
  });
}

/** A repeat of a recorded request; the same key with another request is refused. */
function repeatOpening(
  deps: OpeningDeps,
  earlier: { id: string; requestFingerprint: string | null },
  fingerprint: string,
  request: RequestMeta,
) {
  if (earlier.requestFingerprint !== null && earlier.requestFingerprint !== fingerprint) {
    throw new DomainError("IDEMPOTENCY_KEY_REUSED", {
      message: "This idempotency key was already used to open an account with a different request",
      fieldErrors: { idempotencyKey: ["Already used for a different request"] }, fieldCodes: { idempotencyKey: ["KEY_REUSED"] },
    });
  }
  return completeOpening(deps, earlier.id, request);
}

/** One open wallet per currency: held, or being opened right now. */
async function assertNoWallet(db: Tx, customerId: number, currency: string) {
  const [held, inFlight] = await Promise.all([
    db.account.count({ where: { customerId, openWalletCurrency: currency } }),
    db.accountOpening.count({ where: { customerId, status: "PENDING", group: { kind: "WALLET", currency } } }),
  ]);
  if (held + inFlight > 0) throw walletExists(currency);
}

const walletExists = (currency: string) =>
  new DomainError("WALLET_EXISTS", { message: `You already hold a ${currency} wallet`, details: { currency } });

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
  if (opening.status === "PENDING") {
    await createInCore(deps, opening, request);
    opening = await db.accountOpening.findUniqueOrThrow({ where: { id: openingId }, select: openingSelect });
  }
  // FAILED, ABANDONED, DISCARDED: a final failure that shows nothing (product.md).
  if (opening.status !== "COMPLETED" || opening.accountId === null) throw new DomainError("CORE_NOT_AVAILABLE");
  const account = await db.account.findUniqueOrThrow({ where: { id: opening.accountId } });

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

/** The core request of an opening; the recovery pass replays exactly this one. */
function coreCreateInput(opening: Pick<OpeningRow, "id" | "group" | "leverage" | "customer">, temporaryPasswordEnc: string) {
  return {
    idempotencyKey: createKey(opening.id),
    group: opening.group.name,
    currency: opening.group.currency,
    leverage: opening.leverage,
    name: `${opening.customer.firstName} ${opening.customer.lastName}`,
    email: opening.customer.email,
    passwords: { main: decryptSecret(temporaryPasswordEnc) },
  };
}

async function createInCore(deps: OpeningDeps, opening: OpeningRow, request: RequestMeta) {
  const { db, core } = deps;
  if (!opening.temporaryPasswordEnc) throw new Error(`opening ${opening.id} has no password to replay`);
  let login: number;
  try {
    ({ login } = await core.createAccount(coreCreateInput(opening, opening.temporaryPasswordEnc)));
  } catch (error) {
    // Final either way, and the key is freed so that a retry is a new attempt. A refusal
    // made nothing; a core that did not answer may have made an account, which the
    // recovery pass archives (ABANDONED -> DISCARDED).
    const refused = error instanceof CoreRejectedError;
    await db.accountOpening.updateMany({
      where: { id: opening.id, status: "PENDING" },
      data: {
        status: refused ? "FAILED" : "ABANDONED",
        idempotencyKey: null,
        lastError: refused ? `rejected:${error.reason}` : "core_unavailable",
        ...(refused ? { temporaryPasswordEnc: null } : {}),
      },
    });
    throw coreUnavailable(error);
  }
  const now = deps.clock.now();
  try {
    await db.$transaction(async (tx) => {
      // Claim first: of two completions racing (a repeat and the recovery job), one wins.
      const claimed = await tx.accountOpening.updateMany({
        where: { id: opening.id, status: "PENDING" },
        data: { status: "COMPLETED", depositStatus: isPositive(opening.depositAmount) ? "PENDING" : "NONE", lastError: null },
      });
      if (claimed.count === 0) return;
      const wallet = opening.group.kind === "WALLET";
      const account = await tx.account.create({
        data: {
          customerId: opening.customerId,
          groupId: opening.group.id,
          brandId: opening.group.brandId,
          login,
          kind: opening.group.kind,
          accountMode: opening.group.accountMode,
          currency: opening.group.currency,
          openWalletCurrency: wallet ? opening.group.currency : null,
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
  } catch (error) {
    if (!isUniqueViolation(error) || opening.group.kind !== "WALLET") throw error;
    // The database's one-wallet-per-currency rule caught a race the lock did not: the core
    // account just made is archived at once (or by the recovery pass), and never shown.
    await db.accountOpening.updateMany({
      where: { id: opening.id, status: "PENDING" },
      data: { status: "ABANDONED", idempotencyKey: null, lastError: "wallet_exists" },
    });
    await discardAbandonedOpening(deps, opening.id).catch(() => undefined);
    throw walletExists(opening.group.currency);
  }
}

/**
 * The cleanup of an ABANDONED opening: the core request is replayed with its key (giving
 * the account the lost attempt made, or making it now) and that account is archived, so
 * no live core account exists without a portal row. Answers whether it is done.
 */
export async function discardAbandonedOpening(deps: OpeningDeps, openingId: string): Promise<boolean> {
  const { db, core } = deps;
  const opening = await db.accountOpening.findUniqueOrThrow({ where: { id: openingId }, select: openingSelect });
  if (opening.status !== "ABANDONED") return opening.status === "DISCARDED";
  let lastError: string;
  if (!opening.temporaryPasswordEnc) {
    lastError = "discarded:no_request";
  } else {
    try {
      const { login } = await core.createAccount(coreCreateInput(opening, opening.temporaryPasswordEnc));
      await core.archiveAccount({ login });
      lastError = `discarded:${login}`;
    } catch (error) {
      // A refusal means the core made nothing for this key (an idempotency conflict does
      // not: then the account exists under a different request, and stays for a person).
      if (!(error instanceof CoreRejectedError) || error.reason === "idempotency_conflict") throw error;
      lastError = `discarded:rejected:${error.reason}`;
    }
  }
  const done = await db.accountOpening.updateMany({
    where: { id: openingId, status: "ABANDONED" },
    data: { status: "DISCARDED", temporaryPasswordEnc: null, lastError },
  });
  return done.count === 1;
}

/** Applies an opening's deposit once: the core key makes a retry after a lost reply safe. */
export async function applyOpeningDeposit(deps: OpeningDeps, openingId: string): Promise<void> {
  const { db, core } = deps;
  const opening = await db.accountOpening.findUniqueOrThrow({
    where: { id: openingId },
    select: { depositAmount: true, depositStatus: true, customerId: true, account: { select: { id: true, login: true, currency: true } } },
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
  const account = opening.account;
  await db.$transaction(async (tx) => {
    const applied = await tx.accountOpening.updateMany({ where: { id: openingId, depositStatus: "PENDING" }, data: { depositStatus: "APPLIED" } });
    if (applied.count !== 1) return;
    await recordMovement(tx, {
      customerId: opening.customerId,
      accountId: account.id,
      kind: "OPENING_DEPOSIT",
      status: "COMPLETED",
      amount: moneyString(opening.depositAmount),
      currency: account.currency,
      reference: `opening:${openingId}`,
      description: "Opening deposit",
      at: deps.clock.now(),
    });
  });
}
