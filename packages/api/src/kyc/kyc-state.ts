import type { Prisma } from "@brokerage/db";
import { DomainError } from "../errors";
import { asKycStatusCode, NO_KYC_PROFILE, type KycState } from "./status";

/** A Prisma client or a transaction's client. */
export type KycDb = Prisma.TransactionClient;

export const kycStateSelect = {
  id: true,
  status: true,
  currentLevel: true,
  requiredLevel: true,
} satisfies Prisma.KycProfileSelect;

export function toKycState(row: Prisma.KycProfileGetPayload<{ select: typeof kycStateSelect }>): KycState {
  return {
    profileId: row.id,
    status: asKycStatusCode(row.status),
    currentLevel: row.currentLevel,
    requiredLevel: row.requiredLevel,
  };
}

/** The customer's KYC state; a customer without a profile has nothing asked of them. */
export async function getKycState(db: Pick<KycDb, "kycProfile">, customerId: number): Promise<KycState> {
  const row = await db.kycProfile.findUnique({ where: { customerId }, select: kycStateSelect });
  return row ? toKycState(row) : { ...NO_KYC_PROFILE };
}

/**
 * Creates the customer's profile if there is none and locks its row until the
 * transaction ends, in one statement: of two parallel callers, the second waits on the
 * unique index and then on the row, so there is never a second profile and every
 * read-modify-write of the aggregate runs one at a time.
 */
export async function lockProfile(
  tx: KycDb,
  customerId: number,
  now: Date,
): Promise<KycState & { profileId: number; created: boolean }> {
  const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { id: true } });
  if (!customer) throw new DomainError("NOT_FOUND", { message: "Customer not found" });
  const rows = await tx.$queryRaw<Array<{ id: number; status: number; currentLevel: number; requiredLevel: number; created: boolean }>>`
    INSERT INTO "KycProfile" ("customerId", "status", "currentLevel", "requiredLevel", "createdAt", "updatedAt")
    VALUES (${customerId}, 0, 0, 0, ${now}, ${now})
    ON CONFLICT ("customerId") DO UPDATE SET "customerId" = EXCLUDED."customerId"
    RETURNING "id", "status", "currentLevel", "requiredLevel", (xmax = 0) AS "created"`;
  const row = rows[0];
  if (!row) throw new Error("KycProfile upsert returned no row");
  return { ...toKycState(row), profileId: row.id, created: row.created };
}

/** Locks an existing profile's row until the transaction ends. */
export async function lockProfileById(tx: KycDb, profileId: number): Promise<KycState & { profileId: number }> {
  const rows = await tx.$queryRaw<Array<{ id: number; status: number; currentLevel: number; requiredLevel: number }>>`
    SELECT "id", "status", "currentLevel", "requiredLevel" FROM "KycProfile" WHERE "id" = ${profileId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new DomainError("NOT_FOUND");
  return { ...toKycState(row), profileId: row.id };
}
