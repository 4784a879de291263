import type { Database } from "@brokerage/db";
import { DomainError } from "../errors";
import { APPROPRIATENESS_PATH, appropriatenessState } from "./appropriateness";
import { hasAcceptedCurrentTerms, TERMS_PATH } from "./terms";

/**
 * Which opening needs the compliance steps: a REAL trading account (margin trading with
 * real money). DEMO accounts need neither; wallets hold money but are not leveraged.
 */
export const needsComplianceSteps = (group: { accountMode: string; kind: string }) =>
  group.accountMode === "REAL" && group.kind === "TRADING";

/**
 * The compliance gates of a REAL opening, after KYC_REQUIRED (seed 000's payload stays
 * first): 403 APPROPRIATENESS_REQUIRED (with where to take it), then 403
 * TERMS_NOT_ACCEPTED (with the version to accept). The questionnaire comes first because
 * the terms' risk warning is best read knowing the outcome; both refusals change nothing.
 */
export async function assertComplianceForRealOpening(
  db: Database,
  customer: { id: number; brandId: number },
  now: Date,
): Promise<void> {
  const appropriateness = await appropriatenessState(db, customer.id, customer.brandId, now);
  if (appropriateness.status !== "PASSED") {
    throw new DomainError("APPROPRIATENESS_REQUIRED", {
      details: {
        appropriatenessStatus: appropriateness.status,
        retryAfter: appropriateness.retryAfter?.toISOString() ?? null,
        path: APPROPRIATENESS_PATH,
        procedure: "compliance.submitAppropriateness",
      },
    });
  }
  if (!(await hasAcceptedCurrentTerms(db, customer.id, customer.brandId, now))) {
    throw new DomainError("TERMS_NOT_ACCEPTED", {
      details: { path: TERMS_PATH, procedure: "compliance.acceptTerms" },
    });
  }
}

/** What still stands before a REAL trading opening, for the groups list and the screens. */
export async function complianceSteps(db: Database, customer: { id: number; brandId: number }, now: Date) {
  const [appropriateness, termsAccepted] = await Promise.all([
    appropriatenessState(db, customer.id, customer.brandId, now),
    hasAcceptedCurrentTerms(db, customer.id, customer.brandId, now),
  ]);
  return { appropriateness, termsAccepted };
}
