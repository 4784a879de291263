import type { CodePurpose, Prisma } from "@brokerage/db";
import { CODE_MAX_WRONG_TRIES } from "../auth/verification-codes";

type Db = Pick<Prisma.TransactionClient, "verificationCode">;

/**
 * The customer's live change of this kind (EMAIL_CHANGE or PHONE_CHANGE): the newest
 * unused code, not expired and with tries left, and where it goes. Bound to the customer:
 * nobody else's pending change is ever read or used.
 */
export async function pendingChange(db: Db, customerId: number, purpose: Extract<CodePurpose, "EMAIL_CHANGE" | "PHONE_CHANGE">, now: Date) {
  const row = await db.verificationCode.findFirst({
    where: { customerId, purpose, consumedAt: null, expiresAt: { gt: now }, attempts: { lt: CODE_MAX_WRONG_TRIES } },
    orderBy: { createdAt: "desc" },
    select: { target: true, expiresAt: true },
  });
  return row ? { target: row.target, expiresAt: row.expiresAt.toISOString() } : null;
}
