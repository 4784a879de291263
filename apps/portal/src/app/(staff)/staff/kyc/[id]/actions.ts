"use server";

import { getServerCaller } from "~/trpc/server";
import { refusedOrThrow, type ActionResult } from "~/server/action-result";

export type Decision = "APPROVED" | "REJECTED";

async function decide(run: () => Promise<{ decision: Decision }>): Promise<ActionResult<Decision>> {
  try {
    return { ok: true, value: (await run()).decision };
  } catch (error) {
    return refusedOrThrow(error);
  }
}

/** kycReview.approve for the signed-in staff member (the procedure checks who calls). */
export async function approveSubmissionAction(submissionId: number): Promise<ActionResult<Decision>> {
  return decide(async () => (await getServerCaller()).kycReview.approve({ submissionId }));
}

/** kycReview.reject with the reason the customer will read. */
export async function rejectSubmissionAction(submissionId: number, reason: string): Promise<ActionResult<Decision>> {
  return decide(async () => (await getServerCaller()).kycReview.reject({ submissionId, reason }));
}
