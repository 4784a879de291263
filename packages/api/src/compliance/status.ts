import type { Database } from "@brokerage/db";
import type { Clock } from "../clock";
import { complianceSteps } from "./gates";
import { currentTerms } from "./terms";

/**
 * `compliance.status`: the customer's category and leverage cap, where they stand with the
 * questionnaire and the terms, and the risk warning to show beside REAL accounts.
 */
export async function getComplianceStatus(deps: { db: Database; clock: Clock }, customerId: number) {
  const { db } = deps;
  const now = deps.clock.now();
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: {
      id: true,
      brandId: true,
      preferredLanguage: true,
      clientCategory: true,
      brand: { select: { retailLeverageCap: true, professionalLeverageCap: true } },
    },
  });
  const [steps, terms] = await Promise.all([
    complianceSteps(db, customer, now),
    currentTerms(db, customer.brandId, customer.preferredLanguage, now),
  ]);
  return {
    clientCategory: customer.clientCategory,
    leverageCap:
      customer.clientCategory === "PROFESSIONAL" ? customer.brand.professionalLeverageCap : customer.brand.retailLeverageCap,
    appropriateness: {
      status: steps.appropriateness.status,
      version: steps.appropriateness.version,
      retryAfter: steps.appropriateness.retryAfter?.toISOString() ?? null,
    },
    terms: { currentVersion: terms?.version ?? null, accepted: steps.termsAccepted },
    riskWarning: terms?.riskWarning ?? null,
  };
}
