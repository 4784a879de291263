import { createHash, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import type { PasswordType, TradingCore } from "@brokerage/core-adapter";
import type { Database } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError } from "../errors";
import { enqueueMessage, maskEmail, securityNoticeEmail, verificationCodeEmail } from "../messaging";
import type { RateLimits } from "../rate-limit/rate-limits";
import { assertNotArchived, findOwnAccount } from "./own-account";
import {
  assertHasTradingPassword,
  fromDbPasswordType,
  otherPasswordType,
  passwordCallError,
  toDbPasswordType,
} from "./password-types";
import { assertTradingPasswordPolicy } from "./trading-password";

export interface WizardDeps {
  db: Database;
  core: TradingCore;
  clock: Clock;
  rateLimits: RateLimits;
}

export const WIZARD_CODE_TTL_MS = 10 * 60 * 1000;
/** Once the code is confirmed, the time left to choose the new password. */
export const WIZARD_CHANGE_TTL_MS = 10 * 60 * 1000;
export const WIZARD_MAX_WRONG_CODES = 5;

/** Seed 001's wizard answer: 200 while a step remains, 202 when the password was changed. */
export interface WizardStep<D> {
  code: 200 | 202;
  done: boolean;
  /** The flow's id: `flowId` of the next steps. */
  uuid: string;
  /** The next step: `confirm` (send the code), `change` (send the password), `terminated`. */
  workflow: "confirm" | "change" | "terminated";
  data: D;
}

export interface WizardStartData {
  sentAt: string;
  expiredAt: string;
  recipient: { template: string; email: string; name: string; method: "email" };
}

/** Bound to its flow, so equal codes of two flows hash differently. */
const hashFlowCode = (flowId: string, code: string) => createHash("sha256").update(`${flowId}:${code}`).digest();


/**
 * Step 1 (seed 001 `GET .../password/wizard`): a 6-digit code is e-mailed (the outbox,
 * in the transaction that records the flow); any earlier open flow of the same account
 * and password type dies.
 */
export async function startPasswordWizard(
  deps: WizardDeps,
  input: { customerId: number; accountId: number; passwordType: PasswordType },
  request: RequestMeta,
): Promise<WizardStep<WizardStartData>> {
  const { db } = deps;
  const account = await findOwnAccount(db, input.customerId, input.accountId);
  assertNotArchived(account);
  assertHasTradingPassword(account);
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: input.customerId },
    select: { email: true, firstName: true, lastName: true, emailVerifiedAt: true, preferredLanguage: true, brand: { select: { displayName: true } } },
  });
  if (customer.emailVerifiedAt === null) throw new DomainError("EMAIL_NOT_VERIFIED");
  await deps.rateLimits.consume("tradingPasswordCode", String(input.customerId));

  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + WIZARD_CODE_TTL_MS);
  const flowId = randomUUID();
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const email = verificationCodeEmail({
    purpose: "trading-password-change",
    code,
    expiresInMinutes: WIZARD_CODE_TTL_MS / 60_000,
    brandName: customer.brand.displayName,
    language: customer.preferredLanguage,
  });
  const passwordType = toDbPasswordType(input.passwordType);
  await db.$transaction(async (tx) => {
    await tx.tradingPasswordFlow.updateMany({
      where: { accountId: account.id, passwordType, completedAt: null, closedAt: null },
      data: { closedAt: now },
    });
    await tx.tradingPasswordFlow.create({
      data: {
        id: flowId,
        customerId: input.customerId,
        accountId: account.id,
        passwordType,
        recipient: customer.email,
        codeHash: hashFlowCode(flowId, code).toString("hex"),
        sentAt: now,
        expiresAt,
        createdAt: now,
      },
    });
    await enqueueMessage(tx, { channel: "EMAIL", recipient: customer.email, customerId: input.customerId, ...email });
    await recordAuditEvent(tx, {
      kind: "account.password_change_started",
      customerId: input.customerId,
      request,
      data: { accountId: account.id, login: account.login, passwordType: input.passwordType },
      at: now,
    });
  });
  return {
    code: 200,
    done: false,
    uuid: flowId,
    workflow: "confirm",
    data: {
      sentAt: now.toISOString(),
      expiredAt: expiresAt.toISOString(),
      recipient: {
        template: email.template,
        email: maskEmail(customer.email),
        name: `${customer.firstName} ${customer.lastName}`,
        method: "email",
      },
    },
  };
}

/** The customer's flow for this account, or CODE_INVALID: a flow of another account or customer is as good as none. */
async function findFlow(db: Database, input: { customerId: number; accountId: number; flowId: string }) {
  const flow = await db.tradingPasswordFlow.findFirst({
    where: { id: input.flowId, customerId: input.customerId, accountId: input.accountId },
  });
  if (!flow || flow.completedAt !== null || flow.closedAt !== null) throw new DomainError("CODE_INVALID");
  return flow;
}

/**
 * Step 2 (seed 001 `POST .../password/confirm`): the code, at most 5 wrong tries. Wrong,
 * used or dead: CODE_INVALID; past its 10 minutes: CODE_EXPIRED.
 */
export async function confirmPasswordWizard(
  deps: Pick<WizardDeps, "db" | "clock">,
  input: { customerId: number; accountId: number; flowId: string; code: string },
): Promise<WizardStep<{ expiredAt: string }>> {
  const { db } = deps;
  const account = await findOwnAccount(db, input.customerId, input.accountId);
  assertNotArchived(account);
  const flow = await findFlow(db, input);
  if (flow.confirmedAt !== null || flow.attempts >= WIZARD_MAX_WRONG_CODES) throw new DomainError("CODE_INVALID");
  const now = deps.clock.now();
  if (flow.expiresAt.getTime() <= now.getTime()) throw new DomainError("CODE_EXPIRED");
  if (!timingSafeEqual(hashFlowCode(flow.id, input.code), Buffer.from(flow.codeHash, "hex"))) {
    await db.tradingPasswordFlow.updateMany({
      where: { id: flow.id, attempts: { lt: WIZARD_MAX_WRONG_CODES } },
      data: { attempts: { increment: 1 } },
    });
    throw new DomainError("CODE_INVALID");
  }
  const expiresAt = new Date(now.getTime() + WIZARD_CHANGE_TTL_MS);
  // Conditional: of two concurrent confirmations, one wins.
  const confirmed = await db.tradingPasswordFlow.updateMany({
    where: { id: flow.id, confirmedAt: null, completedAt: null, closedAt: null, attempts: { lt: WIZARD_MAX_WRONG_CODES } },
    data: { confirmedAt: now, expiresAt },
  });
  if (confirmed.count !== 1) throw new DomainError("CODE_INVALID");
  return { code: 200, done: false, uuid: flow.id, workflow: "change", data: { expiredAt: expiresAt.toISOString() } };
}

/**
 * Step 3 (seed 001 `PUT .../password`): the new password twice, under the trading
 * password policy, different from the account's other password type; set in the core.
 * A finished flow cannot be used again.
 */
export async function changeTradingPassword(
  deps: Pick<WizardDeps, "db" | "core" | "clock">,
  input: { customerId: number; accountId: number; flowId: string; password: string; passwordConfirmation: string },
  request: RequestMeta,
): Promise<WizardStep<null>> {
  const { db, core } = deps;
  const account = await findOwnAccount(db, input.customerId, input.accountId);
  assertNotArchived(account);
  if (input.password !== input.passwordConfirmation) {
    throw new DomainError("INVALID_DATA", { fieldErrors: { passwordConfirmation: ["The passwords do not match"] }, fieldCodes: { passwordConfirmation: ["MISMATCH"] } });
  }
  assertTradingPasswordPolicy(input.password);
  const flow = await findFlow(db, input);
  if (flow.confirmedAt === null) throw new DomainError("CODE_INVALID", { message: "Confirm the e-mailed code first" });
  const now = deps.clock.now();
  if (flow.expiresAt.getTime() <= now.getTime()) throw new DomainError("CODE_EXPIRED");

  const type = fromDbPasswordType(flow.passwordType);
  let sameAsOther: boolean;
  try {
    sameAsOther = await core.checkPassword({ login: account.login, type: otherPasswordType(type), password: input.password });
  } catch (error) {
    throw passwordCallError(error);
  }
  if (sameAsOther) {
    throw new DomainError("PASSWORD_POLICY", {
      message: "The main and investor passwords must differ",
      fieldErrors: { password: ["The main and investor passwords must differ"] },
      fieldCodes: { password: ["MUST_DIFFER"] },
    });
  }

  // Claimed before the core call, so two concurrent submissions set one password.
  const claimed = await db.tradingPasswordFlow.updateMany({
    where: { id: flow.id, confirmedAt: { not: null }, completedAt: null, closedAt: null, expiresAt: { gt: now } },
    data: { completedAt: now },
  });
  if (claimed.count !== 1) throw new DomainError("CODE_INVALID");
  try {
    await core.setPassword({ login: account.login, type, password: input.password });
  } catch (error) {
    // Given back: the customer may submit again (setting a password twice is harmless).
    await db.tradingPasswordFlow.updateMany({ where: { id: flow.id, completedAt: now }, data: { completedAt: null } });
    throw passwordCallError(error);
  }

  const customer = await db.customer.findUniqueOrThrow({
    where: { id: input.customerId },
    select: { email: true, preferredLanguage: true, brand: { select: { displayName: true } } },
  });
  await db.$transaction(async (tx) => {
    if (type === "main") await tx.account.update({ where: { id: account.id }, data: { mustChangePassword: false } });
    // A restored password waiting behind a link is no longer the password.
    await tx.passwordRestoreLink.updateMany({
      where: { accountId: account.id, passwordType: flow.passwordType, usedAt: null },
      data: { usedAt: now, passwordEnc: null },
    });
    await enqueueMessage(tx, {
      channel: "EMAIL",
      recipient: customer.email,
      customerId: input.customerId,
      ...securityNoticeEmail({
        event: { kind: "trading-password-changed", passwordType: type, login: account.login },
        at: now,
        brandName: customer.brand.displayName,
        language: customer.preferredLanguage,
      }),
    });
    await recordAuditEvent(tx, {
      kind: "account.password_changed",
      customerId: input.customerId,
      request,
      data: { accountId: account.id, login: account.login, passwordType: type, flowId: flow.id },
      at: now,
    });
  });
  return { code: 202, done: true, uuid: flow.id, workflow: "terminated", data: null };
}
