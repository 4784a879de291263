"use server";

import { getDomainError } from "@brokerage/api";
import { getServerCaller } from "~/trpc/server";

export type DecisionResult =
  | { ok: true; decision: "APPROVED" | "REJECTED" }
  | { ok: false; code: string; fieldErrors: Record<string, string[]>; reference: string | null };

async function decide(
  run: () => Promise<{ decision: "APPROVED" | "REJECTED" }>,
): Promise<DecisionResult> {
  try {
    const result = await run();
    return { ok: true, decision: result.decision };
  } catch (error) {
    const domain = getDomainError(error);
    if (!domain) throw error;
    const reference = domain.details?.correlationId;
    return {
      ok: false,
      code: domain.code,
      fieldErrors: domain.fieldErrors ?? {},
      reference: typeof reference === "string" ? reference : null,
    };
  }
}

/** kycReview.approve for the signed-in staff member (the procedure checks who calls). */
export async function approveSubmissionAction(submissionId: number): Promise<DecisionResult> {
  return decide(async () => (await getServerCaller()).kycReview.approve({ submissionId }));
}

/** kycReview.reject with the reason the customer will read. */
export async function rejectSubmissionAction(
  submissionId: number,
  reason: string,
): Promise<DecisionResult> {
  return decide(async () => (await getServerCaller()).kycReview.reject({ submissionId, reason }));
}
