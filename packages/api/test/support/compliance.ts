// The compliance steps of issue 17 done directly in the database, for tests whose subject
// is something after them (opening REAL accounts to archive, transfer, ...).
import type { Database } from "@brokerage/db";
import { PASSING_ANSWERS } from "@brokerage/db/compliance-data";

/** Accepts every terms version of the customer's brand and records a passing assessment of its questionnaires. */
export async function completeCompliance(db: Database, customerId: number, at = new Date("2026-06-01T00:00:00Z")) {
  const { brandId } = await db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { brandId: true } });
  const terms = await db.termsDocument.findMany({ where: { brandId }, select: { id: true } });
  await db.termsAcceptance.createMany({
    data: terms.map((t) => ({ customerId, termsId: t.id, acceptedAt: at })),
    skipDuplicates: true,
  });
  const questionnaires = await db.appropriatenessQuestionnaire.findMany({ where: { brandId }, select: { id: true, passScore: true } });
  for (const q of questionnaires) {
    await db.appropriatenessAssessment.create({
      data: { customerId, questionnaireId: q.id, answers: PASSING_ANSWERS, score: q.passScore, passed: true, createdAt: at },
    });
  }
}
