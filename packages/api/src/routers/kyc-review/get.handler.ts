import type { Database } from "@brokerage/db";
import { getSubmissionForReview } from "../../kyc/review-queue";
import type { GetInput } from "./get.schema";

export function getSubmission({ ctx, input }: { ctx: { db: Database }; input: GetInput }) {
  return getSubmissionForReview(ctx.db, input.submissionId);
}
