// customers:manage (ADMIN): the client category (MiFID II). PROFESSIONAL lifts the retail
// leverage cap, so it needs the evidence it rests on; every change is kept
// (ClientCategoryChange) and audited. Existing accounts keep their leverage: the cap
// applies to openings.
import type { ClientCategory, Database } from "@brokerage/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { assertNotOwnCustomer, customerNotFound } from "./own-customer";

export async function setClientCategory(
  deps: { db: Database; clock: Clock },
  input: { staffId: number; customerId: number; category: ClientCategory; evidence: string },
  request: RequestMeta,
) {
  const { db } = deps;
  const customer = await db.customer.findUnique({ where: { id: input.customerId }, select: { id: true, email: true, clientCategory: true } });
  if (!customer) throw customerNotFound();
  await assertNotOwnCustomer(db, input.staffId, customer.email);
  const now = deps.clock.now();
  return db.$transaction(async (tx) => {
    await tx.customer.update({ where: { id: customer.id }, data: { clientCategory: input.category }, select: { id: true } });
    await tx.clientCategoryChange.create({
      data: { customerId: customer.id, category: input.category, evidence: input.evidence, staffId: input.staffId, createdAt: now },
    });
    await recordAuditEvent(tx, {
      kind: "customer.category_changed",
      customerId: customer.id,
      staffId: input.staffId,
      request,
      data: { from: customer.clientCategory, to: input.category, evidence: input.evidence },
      at: now,
    });
    return { customerId: customer.id, clientCategory: input.category };
  });
}
