import { randomBytes } from "node:crypto";
import type { PasswordType, TradingCore } from "@brokerage/core-adapter";
import type { Database } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { env } from "../env";
import { DomainError } from "../errors";
import { enqueueMessage, singleUseLinkEmail } from "../messaging";
import type { RateLimits } from "../rate-limit/rate-limits";
import { hashToken } from "../session/token-hash";
import { decryptSecret, encryptSecret } from "../otp/secret-box";
import { assertNotArchived, findOwnAccount } from "./own-account";
import { assertHasTradingPassword, fromDbPasswordType, passwordCallError, toDbPasswordType } from "./password-types";
import { generateTemporaryPassword } from "./trading-password";

export const RESTORE_LINK_TTL_MS = 30 * 60 * 1000;

/** Where the e-mailed link leads: the portal page that calls `revealRestoredPassword`. */
export const restoreLinkUrl = (token: string, baseUrl: string = env.PORTAL_BASE_URL) =>
  `${baseUrl}/accounts/password-link/${token}`;

/**
 * Restore (seed 001 `POST .../password/restore`): a generated password is set in the
 * core. Seed 001 e-mails it in clear text; here the e-mail carries a single-use link
 * (30 minutes, 256-bit token stored as a SHA-256 hash) that shows it once to the
 * signed-in owner, and until then the password is kept AES-256-GCM encrypted. A newer
 * restore kills older links of the account and password type. A generated main
 * password must be changed again (`mustChangePassword`).
 */
export async function restoreTradingPassword(
  deps: { db: Database; core: TradingCore; clock: Clock; rateLimits: RateLimits },
  input: { customerId: number; accountId: number; passwordType: PasswordType },
  request: RequestMeta,
): Promise<{ sent: true; expiresAt: string }> {
  const { db } = deps;
  const account = await findOwnAccount(db, input.customerId, input.accountId);
  assertNotArchived(account);
  assertHasTradingPassword(account);
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: input.customerId },
    select: { email: true, emailVerifiedAt: true, preferredLanguage: true, brand: { select: { displayName: true } } },
  });
  if (customer.emailVerifiedAt === null) throw new DomainError("EMAIL_NOT_VERIFIED");
  await deps.rateLimits.consume("tradingPasswordRestore", String(account.id));

  const password = generateTemporaryPassword();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + RESTORE_LINK_TTL_MS);
  const token = randomBytes(32).toString("base64url");
  const passwordType = toDbPasswordType(input.passwordType);
  // Recorded before the core is told: a password set in the core is never one that only
  // the core knows. The link is useless until its token is e-mailed below.
  const link = await db.passwordRestoreLink.create({
    data: {
      customerId: input.customerId,
      accountId: account.id,
      passwordType,
      tokenHash: hashToken(token),
      passwordEnc: encryptSecret(password),
      expiresAt,
      createdAt: now,
    },
    select: { id: true },
  });
  try {
    await deps.core.setPassword({ login: account.login, type: input.passwordType, password });
  } catch (error) {
    await db.passwordRestoreLink.delete({ where: { id: link.id } });
    throw passwordCallError(error);
  }

  await db.$transaction(async (tx) => {
    await tx.passwordRestoreLink.updateMany({
      where: { accountId: account.id, passwordType, usedAt: null, id: { not: link.id } },
      data: { usedAt: now, passwordEnc: null },
    });
    if (input.passwordType === "main") {
      await tx.account.update({ where: { id: account.id }, data: { mustChangePassword: true } });
    }
    await enqueueMessage(tx, {
      channel: "EMAIL",
      recipient: customer.email,
      customerId: input.customerId,
      ...singleUseLinkEmail({
        url: restoreLinkUrl(token),
        purpose: { kind: "trading-password-restore", passwordType: input.passwordType, login: account.login },
        language: customer.preferredLanguage,
        expiresInMinutes: RESTORE_LINK_TTL_MS / 60_000,
        brandName: customer.brand.displayName,
      }),
    });
    await recordAuditEvent(tx, {
      kind: "account.password_restored",
      customerId: input.customerId,
      request,
      data: { accountId: account.id, login: account.login, passwordType: input.passwordType },
      at: now,
    });
  });
  return { sent: true, expiresAt: expiresAt.toISOString() };
}

const linkNotFound = () => new DomainError("NOT_FOUND", { message: "Link not found" });

/**
 * The restore link's page: the new password, once, to the signed-in owner. Unknown or
 * another customer's token: 404 NOT_FOUND (the two look the same); used, superseded or
 * expired: 410 LINK_USED. The stored password is wiped as it is shown.
 */
export async function revealRestoredPassword(
  deps: { db: Database; clock: Clock },
  input: { customerId: number; token: string },
  request: RequestMeta,
): Promise<{ accountId: number; login: number; passwordType: PasswordType; password: string }> {
  const { db } = deps;
  const link = await db.passwordRestoreLink.findUnique({
    where: { tokenHash: hashToken(input.token) },
    select: {
      id: true,
      customerId: true,
      passwordType: true,
      passwordEnc: true,
      usedAt: true,
      expiresAt: true,
      account: { select: { id: true, login: true } },
    },
  });
  if (!link || link.customerId !== input.customerId) throw linkNotFound();
  const now = deps.clock.now();
  if (link.usedAt !== null || link.passwordEnc === null) throw new DomainError("LINK_USED");
  if (link.expiresAt.getTime() <= now.getTime()) {
    // Not kept past its use: an expired link's password is wiped when it is found.
    await db.passwordRestoreLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now, passwordEnc: null } });
    throw new DomainError("LINK_USED");
  }
  // Conditional wipe: of two concurrent opens, exactly one shows the password.
  const claimed = await db.passwordRestoreLink.updateMany({
    where: { id: link.id, usedAt: null, passwordEnc: { not: null }, expiresAt: { gt: now } },
    data: { usedAt: now, passwordEnc: null },
  });
  if (claimed.count !== 1) throw new DomainError("LINK_USED");
  const passwordType = fromDbPasswordType(link.passwordType);
  await recordAuditEvent(db, {
    kind: "account.password_link_revealed",
    customerId: input.customerId,
    request,
    data: { accountId: link.account.id, login: link.account.login, passwordType },
    at: now,
  });
  return { accountId: link.account.id, login: link.account.login, passwordType, password: decryptSecret(link.passwordEnc) };
}
