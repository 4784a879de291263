import type { Database, Prisma } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { assertNoReservedNames } from "../customer/reserved-names";
import { DomainError } from "../errors";

type Tx = Pick<Prisma.TransactionClient, "kycSubmission">;

/**
 * The name is the legal name once KYC has it: from the moment a submission is under review,
 * and for good once one was approved (payouts must be in the verified name, and the name a
 * reviewer checks must not move under them). Then only staff change it, on request.
 */
export async function isNameLocked(db: Tx, customerId: number): Promise<boolean> {
  const submissions = await db.kycSubmission.count({
    where: { profile: { customerId }, status: { in: ["PENDING", "APPROVED"] } },
  });
  return submissions > 0;
}

/**
 * profile.updateName. Checks in order: NAME_LOCKED (409) once KYC holds the name, then the
 * reserved names of seed 004 (409 RESERVED_NAME). The KYC profile row (when there is one) is
 * locked for the check and the change, so a KYC submission racing the change waits for it.
 */
export async function updateName(
  deps: { db: Database; clock: Clock },
  customerId: number,
  input: { firstName: string; lastName: string },
  request: RequestMeta,
) {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "KycProfile" WHERE "customerId" = ${customerId} FOR UPDATE`;
    if (await isNameLocked(tx, customerId)) throw new DomainError("NAME_LOCKED");
    assertNoReservedNames({ firstName: input.firstName, lastName: input.lastName });
    const before = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: { firstName: true, lastName: true } });
    if (before.firstName === input.firstName && before.lastName === input.lastName) {
      return { firstName: before.firstName, lastName: before.lastName };
    }
    const after = await tx.customer.update({
      where: { id: customerId },
      data: { firstName: input.firstName, lastName: input.lastName },
      select: { firstName: true, lastName: true },
    });
    // Personal data stays out of the trail: which parts changed, not the names.
    await recordAuditEvent(tx, {
      kind: "customer.name_changed",
      customerId,
      request,
      data: { firstName: before.firstName !== after.firstName, lastName: before.lastName !== after.lastName },
      at: now,
    });
    return after;
  });
}
