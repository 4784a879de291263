import type { Database, Prisma } from "@brokerage/db";
import { DomainError } from "../errors";
import { kycStatusName } from "../kyc/status";

const customerSelect = { id: true, firstName: true, lastName: true, email: true } satisfies Prisma.CustomerSelect;

const fullName = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`;

/** Submissions waiting for a decision, oldest first (first come, first served). */
export async function listReviewQueue(db: Database, input: { limit: number; offset: number }) {
  const where = { status: "PENDING" } satisfies Prisma.KycSubmissionWhereInput;
  const [rows, total] = await Promise.all([
    db.kycSubmission.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      skip: input.offset,
      take: input.limit,
      select: {
        id: true,
        level: true,
        submittedAt: true,
        _count: { select: { documents: true } },
        profile: { select: { customer: { select: customerSelect } } },
      },
    }),
    db.kycSubmission.count({ where }),
  ]);
  return {
    total,
    items: rows.map((r) => ({
      submissionId: r.id,
      level: r.level,
      submittedAt: r.submittedAt.toISOString(),
      documentCount: r._count.documents,
      customer: {
        customerId: r.profile.customer.id,
        name: fullName(r.profile.customer),
        email: r.profile.customer.email,
      },
    })),
  };
}

const reviewSelect = {
  id: true,
  decision: true,
  reason: true,
  createdAt: true,
  staff: { select: { id: true, name: true } },
} satisfies Prisma.KycReviewSelect;

type ReviewRow = Prisma.KycReviewGetPayload<{ select: typeof reviewSelect }>;

const toReview = (r: ReviewRow) => ({
  reviewId: r.id,
  decision: r.decision,
  reason: r.reason,
  decidedAt: r.createdAt.toISOString(),
  staff: { staffId: r.staff.id, name: r.staff.name },
});

/**
 * One submission for a reviewer: the data as submitted, its documents' metadata (the
 * bytes come one at a time from getDocumentForReview), the profile, and the history of
 * every submission of the customer with who decided what, when and why.
 */
export async function getSubmissionForReview(db: Database, submissionId: number) {
  const row = await db.kycSubmission.findUnique({
    where: { id: submissionId },
    select: {
      id: true,
      level: true,
      status: true,
      data: true,
      submittedAt: true,
      decidedAt: true,
      documents: {
        select: { id: true, fileName: true, contentType: true, size: true, sha256: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
      profile: {
        select: {
          id: true,
          status: true,
          currentLevel: true,
          requiredLevel: true,
          customer: { select: customerSelect },
          requirements: { select: { level: true, reason: true, source: true, createdAt: true }, orderBy: { id: "asc" } },
          submissions: {
            select: {
              id: true,
              level: true,
              status: true,
              submittedAt: true,
              decidedAt: true,
              reviews: { select: reviewSelect, orderBy: { id: "asc" } },
            },
            orderBy: { id: "desc" },
          },
        },
      },
    },
  });
  if (!row) throw new DomainError("NOT_FOUND", { message: "KYC submission not found" });
  const { profile } = row;
  return {
    submissionId: row.id,
    level: row.level,
    status: row.status,
    submittedAt: row.submittedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    data: row.data,
    documents: row.documents.map((d) => ({
      documentId: d.id,
      fileName: d.fileName,
      contentType: d.contentType,
      size: d.size,
      sha256: d.sha256,
      uploadedAt: d.createdAt.toISOString(),
    })),
    customer: { customerId: profile.customer.id, name: fullName(profile.customer), email: profile.customer.email },
    profile: {
      profileId: profile.id,
      status: profile.status,
      statusName: kycStatusName(profile.status),
      currentLevel: profile.currentLevel,
      requiredLevel: profile.requiredLevel,
      requirements: profile.requirements.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    },
    history: profile.submissions.map((s) => ({
      submissionId: s.id,
      level: s.level,
      status: s.status,
      submittedAt: s.submittedAt.toISOString(),
      decidedAt: s.decidedAt?.toISOString() ?? null,
      reviews: s.reviews.map(toReview),
    })),
  };
}
