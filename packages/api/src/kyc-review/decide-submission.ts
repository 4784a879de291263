import type { Database } from "@brokerage/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { RequestMeta } from "../context";
import { DomainError } from "../errors";
import { enqueueMessage } from "../messaging/enqueue";
import { kycApprovedEmail, kycRejectedEmail } from "./kyc-emails";
import { lockProfileById } from "../kyc/kyc-state";
import { KYC_STATUS, kycStatusName, settledStatus, type KycStatusCode } from "../kyc/status";

export type KycDecisionInput =
  | { submissionId: number; staffId: number; decision: "APPROVED" }
  | { submissionId: number; staffId: number; decision: "REJECTED"; reason: string };

/**
 * A reviewer's decision on a pending submission. Order: the submission exists (404),
 * the reviewer is not the customer (403 FORBIDDEN: nobody verifies themselves), the
 * submission is still pending (INVALID_DATA otherwise: no 409 code of the catalogue
 * means "already decided", and KYC_SUBMISSION_PENDING would say the opposite).
 * Approval raises the verified level to the submitted one (never lowers it) and reads
 * APPROVED once it covers the required level, REQUIRED otherwise; rejection reads
 * REJECTED. The review row, the profile, the audit event and the customer's e-mail are
 * written in one transaction.
 */
export async function decideSubmission(deps: { db: Database; now: Date }, input: KycDecisionInput, request: RequestMeta) {
  const { now } = deps;
  return deps.db.$transaction(async (tx) => {
    const submission = await tx.kycSubmission.findUnique({
      where: { id: input.submissionId },
      select: {
        id: true,
        level: true,
        profileId: true,
        profile: {
          select: {
            customer: { select: { id: true, email: true, preferredLanguage: true, brand: { select: { displayName: true } } } },
          },
        },
      },
    });
    if (!submission) throw new DomainError("NOT_FOUND", { message: "KYC submission not found" });
    const customer = submission.profile.customer;
    const staff = await tx.staff.findUniqueOrThrow({ where: { id: input.staffId }, select: { email: true } });
    if (staff.email.trim().toLowerCase() === customer.email.toLowerCase()) {
      throw new DomainError("FORBIDDEN", { message: "Staff cannot decide their own KYC" });
    }

    // The profile first, then the submission: the same order as every other KYC change,
    // so two of them never wait on each other.
    const profile = await lockProfileById(tx, submission.profileId);
    const claimed = await tx.kycSubmission.updateMany({
      where: { id: submission.id, status: "PENDING" },
      data: { status: input.decision, decidedAt: now },
    });
    if (claimed.count !== 1) {
      throw new DomainError("INVALID_DATA", {
        message: "This submission has already been decided",
        fieldErrors: { submissionId: ["This submission has already been decided"] }, fieldCodes: { submissionId: ["ALREADY_DECIDED"] },
      });
    }

    const reason = input.decision === "REJECTED" ? input.reason : null;
    const review = await tx.kycReview.create({
      data: { submissionId: submission.id, staffId: input.staffId, decision: input.decision, reason, createdAt: now },
      select: { id: true },
    });

    const currentLevel = input.decision === "APPROVED" ? Math.max(profile.currentLevel, submission.level) : profile.currentLevel;
    const status: KycStatusCode =
      input.decision === "APPROVED" ? settledStatus(currentLevel, profile.requiredLevel) : KYC_STATUS.REJECTED;
    await tx.kycProfile.update({
      where: { id: profile.profileId },
      data: { currentLevel, status, updatedAt: now },
      select: { id: true },
    });

    await recordAuditEvent(tx, {
      kind: input.decision === "APPROVED" ? "kyc.submission_approved" : "kyc.submission_rejected",
      customerId: customer.id,
      staffId: input.staffId,
      request,
      data: {
        profileId: profile.profileId,
        submissionId: submission.id,
        reviewId: review.id,
        level: submission.level,
        currentLevel,
        requiredLevel: profile.requiredLevel,
        status,
        ...(reason !== null ? { reason } : {}),
      },
      at: now,
    });

    const brandName = customer.brand.displayName;
    const language = customer.preferredLanguage;
    await enqueueMessage(tx, {
      channel: "EMAIL",
      recipient: customer.email,
      customerId: customer.id,
      ...(input.decision === "APPROVED"
        ? kycApprovedEmail({ level: submission.level, fullyVerified: status === KYC_STATUS.APPROVED, brandName, language })
        : kycRejectedEmail({ reason: input.reason, brandName, language })),
    });

    return {
      submissionId: submission.id,
      reviewId: review.id,
      decision: input.decision,
      profile: {
        profileId: profile.profileId,
        status,
        statusName: kycStatusName(status),
        currentLevel,
        requiredLevel: profile.requiredLevel,
      },
    };
  });
}
