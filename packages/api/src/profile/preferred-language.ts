import type { Database } from "@brokerage/db";
import type { PreferredLanguage } from "@brokerage/validators";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";

/** profile.setPreferredLanguage: one of the sign-up languages (the schema refuses others). */
export async function setPreferredLanguage(
  deps: { db: Database; clock: Clock },
  customerId: number,
  language: PreferredLanguage,
  request: RequestMeta,
) {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const before = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: { preferredLanguage: true } });
    if (before.preferredLanguage !== language) {
      await tx.customer.update({ where: { id: customerId }, data: { preferredLanguage: language } });
      await recordAuditEvent(tx, { kind: "customer.language_changed", customerId, request, data: { from: before.preferredLanguage, to: language }, at: now });
    }
    return { preferredLanguage: language };
  });
}
