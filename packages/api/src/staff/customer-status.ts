import type { Database } from "@brokerage/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { RequestMeta } from "../context";
import { DomainError } from "../errors";
import { revokeSessions } from "../session/sessions";

/** Disable (1) or re-enable (0) a customer; disabling ends every session at once. */
export async function setCustomerStatus(
  deps: { db: Database; clock: { now(): Date } },
  input: { staffId: number; customerId: number; status: 0 | 1 },
  request: RequestMeta,
) {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const updated = await tx.customer.updateMany({ where: { id: input.customerId }, data: { status: input.status } });
    if (updated.count === 0) throw new DomainError("NOT_FOUND", { message: "Customer not found" });
    const endedSessions = input.status === 1 ? await revokeSessions(tx, { customerId: input.customerId }, now) : 0;
    await recordAuditEvent(tx, {
      kind: input.status === 1 ? "customer.disabled" : "customer.enabled",
      customerId: input.customerId,
      staffId: input.staffId,
      request,
      at: now,
    });
    return { customerId: input.customerId, status: input.status, endedSessions };
  });
}
