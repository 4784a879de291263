import type { TRPCRouterRecord } from "@trpc/server";
import { staffProcedure } from "../trpc";
import { decideSubmission } from "./decide-submission";
import { getDocumentForReview } from "./review-document";
import { getSubmissionForReview, listReviewQueue } from "./review-queue";
import { documentInput, queueInput, rejectInput, submissionIdInput } from "./schemas";

/** Staff review of KYC submissions; customers get 403 FORBIDDEN on every procedure. */
export const kycReviewRouter = {
  queue: staffProcedure.requires("kyc:review").input(queueInput).query(({ ctx, input }) => listReviewQueue(ctx.db, input)),

  get: staffProcedure.requires("kyc:review").input(submissionIdInput).query(({ ctx, input }) => getSubmissionForReview(ctx.db, input.submissionId)),

  /** A document's bytes (base64) and content type: the only way a file leaves storage. */
  document: staffProcedure
    .requires("kyc:documents")
    .input(documentInput)
    .query(({ ctx, input }) =>
      getDocumentForReview(
        { db: ctx.db, documents: ctx.documents, now: ctx.clock.now() },
        { documentId: input.documentId, staffId: ctx.staff.staffId },
        ctx.request,
      ),
    ),

  approve: staffProcedure
    .requires("kyc:review")
    .input(submissionIdInput)
    .mutation(({ ctx, input }) =>
      decideSubmission(
        { db: ctx.db, now: ctx.clock.now() },
        { submissionId: input.submissionId, staffId: ctx.staff.staffId, decision: "APPROVED" },
        ctx.request,
      ),
    ),

  reject: staffProcedure
    .requires("kyc:review")
    .input(rejectInput)
    .mutation(({ ctx, input }) =>
      decideSubmission(
        { db: ctx.db, now: ctx.clock.now() },
        { submissionId: input.submissionId, staffId: ctx.staff.staffId, decision: "REJECTED", reason: input.reason },
        ctx.request,
      ),
    ),
} satisfies TRPCRouterRecord;
