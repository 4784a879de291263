import { createHash, randomInt } from "node:crypto";
import type { CodePurpose, Prisma } from "@brokerage/db";
import { DomainError } from "../errors";

export const CODE_TTL_MS = 10 * 60 * 1000;
/** Tries per code (the right one included): the fifth wrong one kills it. */
export const CODE_MAX_WRONG_TRIES = 5;
export const CODE_DIGITS: Record<CodePurpose, number> = {
  EMAIL_VERIFICATION: 6,
  PASSWORD_RESET: 6,
  PHONE_VERIFICATION: 4,
  EMAIL_CHANGE: 6,
  PHONE_CHANGE: 4,
  SMS_SIGN_IN: 6,
  SMS_FACTOR_SETUP: 6,
  STEP_UP: 6,
};

type Tx = Pick<Prisma.TransactionClient, "verificationCode">;

/** Bound to its row, so equal codes of two customers hash differently. */
const hashCode = (rowId: string, code: string) => createHash("sha256").update(`${rowId}:${code}`).digest("hex");

/**
 * A new code from the CSPRNG, stored hashed; any older live code of the same purpose
 * dies, so only the newest one works. Returns the plain code for the message.
 */
export async function issueCode(
  tx: Tx,
  input: { customerId: number; purpose: CodePurpose; target: string; now: Date; ttlMs?: number; id?: string; keepOthers?: boolean },
): Promise<string> {
  const digits = CODE_DIGITS[input.purpose];
  const code = String(randomInt(0, 10 ** digits)).padStart(digits, "0");
  // `keepOthers`: codes checked by their id (step-up) only die with what they belong to.
  if (!input.keepOthers) {
    await tx.verificationCode.updateMany({
      where: { customerId: input.customerId, purpose: input.purpose, consumedAt: null },
      data: { consumedAt: input.now },
    });
  }
  const id = input.id ?? crypto.randomUUID();
  await tx.verificationCode.create({
    data: {
      id,
      customerId: input.customerId,
      purpose: input.purpose,
      target: input.target,
      codeHash: hashCode(id, code),
      expiresAt: new Date(input.now.getTime() + (input.ttlMs ?? CODE_TTL_MS)),
      createdAt: input.now,
    },
  });
  return code;
}

/**
 * Uses up the customer's live code of this purpose if `code` matches it. Every try is
 * taken first, by one conditional UPDATE (`attempts < 5`): however many guesses run in
 * parallel, at most 5 are ever compared, and the code dies with the fifth. A wrong, dead
 * or used code is CODE_INVALID, a live one past its time CODE_EXPIRED. Returns the
 * code's target (e-mail or phone).
 */
export async function consumeCode(
  db: Tx,
  input: { customerId: number; purpose: CodePurpose; code: string; now: Date; keepAlive?: boolean; id?: string },
): Promise<string> {
  const row = await db.verificationCode.findFirst({
    // `id`: only that code counts (a step-up code confirms only its own challenge).
    where: { customerId: input.customerId, purpose: input.purpose, consumedAt: null, ...(input.id ? { id: input.id } : {}) },
    orderBy: { createdAt: "desc" },
  });
  if (!row || row.attempts >= CODE_MAX_WRONG_TRIES) throw new DomainError("CODE_INVALID");
  if (row.expiresAt.getTime() <= input.now.getTime()) throw new DomainError("CODE_EXPIRED");
  const tried = await db.verificationCode.updateMany({
    where: { id: row.id, consumedAt: null, attempts: { lt: CODE_MAX_WRONG_TRIES } },
    data: { attempts: { increment: 1 } },
  });
  if (tried.count !== 1 || hashCode(row.id, input.code) !== row.codeHash) throw new DomainError("CODE_INVALID");
  if (input.keepAlive) {
    // Checked, not used: a later step (the second factor of a reset) must pass first. A
    // right code gives its try back, so the owner's retry with that step costs nothing.
    await db.verificationCode.updateMany({ where: { id: row.id, attempts: { gt: 0 } }, data: { attempts: { decrement: 1 } } });
    return row.target;
  }
  // Conditional update: of two concurrent uses of one code, exactly one wins.
  const used = await db.verificationCode.updateMany({
    where: { id: row.id, consumedAt: null },
    data: { consumedAt: input.now },
  });
  if (used.count !== 1) throw new DomainError("CODE_INVALID");
  return row.target;
}
