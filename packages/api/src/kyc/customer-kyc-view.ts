import type { Prisma } from "@brokerage/db";
import { kycStateSelect, toKycState, type KycDb } from "./kyc-state";
import { KYC_STATUS, kycStatusName, NO_KYC_PROFILE, type KycState } from "./status";

/**
 * What the customer must do next, as a code the UI turns into a sentence:
 * NONE (nothing asked, or verified), SUBMIT (send data for `nextStepLevel`),
 * RESUBMIT (the last submission was rejected; send it again, corrected),
 * WAIT_FOR_REVIEW (staff are looking at a submission).
 */
export type KycNextStep = "NONE" | "SUBMIT" | "RESUBMIT" | "WAIT_FOR_REVIEW";

const viewSelect = {
  ...kycStateSelect,
  requirements: { select: { level: true, reason: true, source: true, createdAt: true }, orderBy: { id: "asc" } },
  submissions: {
    select: {
      id: true,
      level: true,
      status: true,
      submittedAt: true,
      decidedAt: true,
      reviews: { select: { decision: true, reason: true }, orderBy: { id: "desc" }, take: 1 },
    },
    orderBy: { id: "desc" },
    take: 1,
  },
} satisfies Prisma.KycProfileSelect;

function nextStep(state: KycState, latestRejected: boolean): { nextStep: KycNextStep; nextStepLevel: number | null } {
  switch (state.status) {
    case KYC_STATUS.PENDING_REVIEW:
      return { nextStep: "WAIT_FOR_REVIEW", nextStepLevel: null };
    case KYC_STATUS.REQUIRED:
    case KYC_STATUS.REJECTED:
      return { nextStep: latestRejected ? "RESUBMIT" : "SUBMIT", nextStepLevel: state.requiredLevel };
    default:
      return { nextStep: "NONE", nextStepLevel: null };
  }
}

/**
 * The customer's own view of their KYC: the status and its name, the levels, why they
 * were asked, the latest submission with its rejection reason, and the way forward.
 * Staff names and document details are not part of it.
 */
export async function getCustomerKycView(db: Pick<KycDb, "kycProfile">, customerId: number) {
  const row = await db.kycProfile.findUnique({ where: { customerId }, select: viewSelect });
  const state = row ? toKycState(row) : { ...NO_KYC_PROFILE };
  const latest = row?.submissions[0];
  const latestSubmission = latest
    ? {
        submissionId: latest.id,
        level: latest.level,
        status: latest.status,
        submittedAt: latest.submittedAt.toISOString(),
        decidedAt: latest.decidedAt?.toISOString() ?? null,
        rejectionReason: latest.status === "REJECTED" ? (latest.reviews[0]?.reason ?? null) : null,
      }
    : null;
  return {
    ...state,
    statusName: kycStatusName(state.status),
    requirements: (row?.requirements ?? []).map((r) => ({
      level: r.level,
      reason: r.reason,
      source: r.source,
      createdAt: r.createdAt.toISOString(),
    })),
    latestSubmission,
    ...nextStep(state, latest?.status === "REJECTED"),
  };
}
