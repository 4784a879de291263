// Closing the relationship (issue 17). The customer asks; refused while money is in play.
// On closure: every account is archived (in the core too), every session ends, and the
// personal data is pseudonymised except what KYC/AML and MiFID record keeping require us to
// keep (the README's "Compliance" lists what is kept and for how long).
import { randomBytes } from "node:crypto";
import type { TradingCore } from "@brokerage/core-adapter";
import type { Database, Prisma } from "@brokerage/db";
import { archiveAccount } from "../accounts/archive-account";
import { coreUnavailable } from "../accounts/core-errors";
import { moneyString } from "../accounts/money";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { DomainError } from "../errors";
import { enqueueMessage } from "../messaging/enqueue";
import { lockCustomerMoney, relationshipClosed } from "../money/customer-lock";
import { relationshipClosedEmail } from "../messaging/templates";
import { requireRecentAuthentication } from "../session/reauthentication";
import type { CustomerSession } from "../session/resolve-session";
import { revokeSessions } from "../session/sessions";

interface Deps {
  db: Database;
  core: TradingCore;
  clock: Clock;
}

/** The e-mail address a closed customer's row gets: unique, and no one's. */
export const pseudonymousEmail = (customerId: number) => `closed-${customerId}@closed.invalid`;

/** Money operations that are not finished: they may still move money into or out of an account. */
async function pendingOperations(db: Database, customerId: number) {
  const [adjustments, archivals, openings, deposits, withdrawals, transfers, conversions] = await Promise.all([
    db.balanceAdjustment.count({ where: { account: { customerId }, status: { in: ["PENDING", "APPLYING"] } } }),
    db.accountArchival.count({ where: { account: { customerId }, status: { in: ["STARTED", "FUNDS_MOVED"] } } }),
    db.accountOpening.count({ where: { customerId, OR: [{ status: "PENDING" }, { depositStatus: "PENDING" }] } }),
    // A payment under way may still credit an account.
    db.deposit.count({ where: { customerId, status: { in: ["CREATING", "AWAITING_PAYMENT", "PAID"] } } }),
    // Held, waiting for staff, being paid out or released.
    db.withdrawal.count({ where: { customerId, status: { in: ["HOLDING", "PENDING", "APPROVED", "PAYING", "RELEASING"] } } }),
    // A transfer recorded but not confirmed by the core (counted per leg pair).
    db.moneyMovement.count({ where: { customerId, kind: "TRANSFER", status: "PENDING", amount: { lt: 0 } } }),
    // A conversion accepted whose legs are not both done.
    db.conversionQuote.count({ where: { customerId, status: { in: ["ACCEPTED", "SOLD"] } } }),
  ]);
  return { adjustments, archivals, openings, deposits, withdrawals, transfers, conversions };
}

/**
 * `customerData.close({ confirm: true })`. Order: 401 REAUTH_REQUIRED (the password or a
 * second factor in the last 5 minutes), 409 CLOSURE_OPERATIONS_PENDING (a balance
 * adjustment, archival, opening deposit, payment deposit or withdrawal not finished), 409 CLOSURE_FUNDS_REMAINING (a
 * REAL account or wallet whose balance in the core is not zero; `details.accounts`),
 * 500 CORE_NOT_AVAILABLE when balances cannot be read. A refusal changes nothing.
 *
 * Serialised per customer: the whole closure holds the customer's money/closure lock
 * (money/customer-lock.ts), which a withdrawal, deposit, transfer or conversion takes when
 * it records itself. So a money operation either is recorded before the checks (and they
 * see it pending) or starts after the closure (and is refused); of two closures at once,
 * the second waits and then answers 401 INVALID_CUSTOMER_SESSION (the relationship, and
 * with it that session, has ended).
 */
export async function closeRelationship(deps: Deps, session: CustomerSession, request: RequestMeta) {
  const { db } = deps;
  const customerId = session.customerId;
  await requireRecentAuthentication(deps, session);
  return db.$transaction((lockTx) => closeUnderLock(deps, customerId, request, lockTx), {
    maxWait: 10_000,
    // Archiving calls the core for each account: minutes at worst, never unbounded.
    timeout: 5 * 60_000,
  });
}

async function closeUnderLock(deps: Deps, customerId: number, request: RequestMeta, tx: Prisma.TransactionClient) {
  const { db, core } = deps;
  await lockCustomerMoney(tx, customerId);
  const current = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: { closedAt: true } });
  if (current.closedAt !== null) throw relationshipClosed();

  const pending = await pendingOperations(db, customerId);
  if (Object.values(pending).some((n) => n > 0)) {
    throw new DomainError("CLOSURE_OPERATIONS_PENDING", { details: pending });
  }
  const open = await db.account.findMany({
    where: { customerId, archivedAt: null },
    select: { id: true, login: true, kind: true, accountMode: true, currency: true },
    orderBy: { id: "asc" },
  });
  const funded: Array<{ accountId: number; login: number; currency: string; balance: string }> = [];
  for (const a of open.filter((x) => x.accountMode === "REAL")) {
    let balance: string;
    try {
      balance = moneyString((await core.getAccount(a.login)).balance);
    } catch (error) {
      throw coreUnavailable(error);
    }
    if (balance !== "0.00") funded.push({ accountId: a.id, login: a.login, currency: a.currency, balance });
  }
  if (funded.length > 0) {
    throw new DomainError("CLOSURE_FUNDS_REMAINING", { details: { accounts: funded } });
  }

  // Trading accounts first, wallets last (a wallet is where funds would go). Each archival
  // is itself resumable; a failure here leaves the relationship open and the call can be repeated.
  const ordered = [...open.filter((a) => a.kind !== "WALLET"), ...open.filter((a) => a.kind === "WALLET")];
  for (const a of ordered) {
    await archiveAccount(deps, { customerId, accountId: a.id }, request);
  }

  const now = deps.clock.now();
  {
    const customer = await tx.customer.findUniqueOrThrow({
      where: { id: customerId },
      select: { email: true, firstName: true, preferredLanguage: true, brand: { select: { displayName: true } } },
    });
    // Told at the real address, before it is gone: the only message that keeps it (until sent).
    await tx.message.deleteMany({ where: { customerId } });
    await enqueueMessage(tx, {
      channel: "EMAIL",
      recipient: customer.email,
      customerId,
      ...relationshipClosedEmail({
        firstName: customer.firstName,
        at: now,
        brandName: customer.brand.displayName,
        language: customer.preferredLanguage,
      }),
    });
    const endedSessions = await revokeSessions(tx, { customerId }, now);
    await tx.session.updateMany({ where: { customerId }, data: { ip: null, userAgent: null } });
    await tx.knownDevice.deleteMany({ where: { customerId } });
    await tx.otpSetup.deleteMany({ where: { customerId } });
    await tx.recoveryCode.deleteMany({ where: { customerId } });
    await tx.verificationCode.deleteMany({ where: { customerId } });
    await tx.tradingPasswordFlow.deleteMany({ where: { customerId } });
    await tx.passwordRestoreLink.deleteMany({ where: { customerId } });
    await tx.customer.update({
      where: { id: customerId },
      data: {
        email: pseudonymousEmail(customerId),
        firstName: "Closed",
        lastName: `Customer ${customerId}`,
        phone: null,
        // Not a hash of anything: no password can ever match it.
        passwordHash: `!closed:${randomBytes(16).toString("hex")}`,
        status: 1,
        otpEnabled: false,
        smsOtpEnabled: false,
        defaultSecondFactor: null,
        otpSecretEnc: null,
        otpLastStep: null,
        tanChannels: [],
        emailVerifiedAt: null,
        phoneVerifiedAt: null,
        closedAt: now,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      kind: "customer.closed",
      customerId,
      request,
      data: { archivedAccounts: ordered.length, endedSessions },
      at: now,
    });
    return { closedAt: now.toISOString(), archivedAccounts: ordered.length, endedSessions };
  }
}
