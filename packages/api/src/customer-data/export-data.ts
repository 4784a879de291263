// The customer's own data (GDPR art. 15 and 20): everything the portal holds about them,
// as one machine-readable JSON document. Never a secret (password hash, OTP secret, codes,
// tokens, temporary passwords) and never staff notes (review reasons staff keep for
// themselves, staff names, adjustment comments, the `data` of staff audit events).
import type { Database } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RateLimits } from "../rate-limit/rate-limits";
import { moneyString } from "../accounts/money";

export const EXPORT_FORMAT = "brokerage-customer-export/1";

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** `customerData.export`: limited to DATA_EXPORT_LIMIT_PER_DAY a day per customer (429 past it). */
export async function exportCustomerData(
  deps: { db: Database; clock: Clock; rateLimits: RateLimits },
  customerId: number,
) {
  const { db } = deps;
  await deps.rateLimits.consume("dataExport", String(customerId));
  const c = await db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      phone: true,
      preferredLanguage: true,
      clientCategory: true,
      emailVerifiedAt: true,
      phoneVerifiedAt: true,
      otpEnabled: true,
      lastLoginAt: true,
      createdAt: true,
      brand: { select: { code: true, displayName: true } },
      kycProfile: {
        select: {
          status: true,
          currentLevel: true,
          requiredLevel: true,
          requirements: { select: { level: true, reason: true, source: true, createdAt: true }, orderBy: { createdAt: "asc" } },
          submissions: {
            select: {
              id: true,
              level: true,
              status: true,
              data: true,
              submittedAt: true,
              decidedAt: true,
              documents: { select: { fileName: true, contentType: true, size: true, sha256: true, createdAt: true } },
              reviews: { select: { decision: true, reason: true, createdAt: true }, orderBy: { createdAt: "asc" } },
            },
            orderBy: { submittedAt: "asc" },
          },
        },
      },
      accounts: {
        select: {
          id: true,
          login: true,
          kind: true,
          accountMode: true,
          currency: true,
          platform: true,
          leverage: true,
          caption: true,
          favorite: true,
          createdAt: true,
          archivedAt: true,
          group: { select: { name: true } },
          adjustments: {
            select: { type: true, amount: true, currency: true, status: true, createdAt: true, appliedAt: true },
            orderBy: { createdAt: "asc" },
          },
        },
        orderBy: { createdAt: "asc" },
      },
      sessions: {
        select: { id: true, kind: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true, expiresAt: true, revokedAt: true },
        orderBy: { createdAt: "asc" },
      },
      knownDevices: { select: { userAgent: true, createdAt: true, lastUsedAt: true }, orderBy: { createdAt: "asc" } },
      termsAcceptances: {
        select: { acceptedAt: true, ip: true, userAgent: true, terms: { select: { version: true, language: true, title: true } } },
        orderBy: { acceptedAt: "asc" },
      },
      assessments: {
        select: { createdAt: true, answers: true, score: true, passed: true, retryAfter: true, questionnaire: { select: { version: true } } },
        orderBy: { createdAt: "asc" },
      },
      categoryChanges: { select: { category: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      messages: {
        select: { channel: true, recipient: true, template: true, subject: true, status: true, createdAt: true, sentAt: true },
        orderBy: { createdAt: "asc" },
      },
      auditEvents: {
        select: { kind: true, ip: true, userAgent: true, createdAt: true, staffId: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  const kyc = c.kycProfile;
  return {
    format: EXPORT_FORMAT,
    exportedAt: deps.clock.now().toISOString(),
    profile: {
      customerId: c.id,
      email: c.email,
      firstName: c.firstName,
      lastName: c.lastName,
      phone: c.phone,
      preferredLanguage: c.preferredLanguage,
      brand: c.brand,
      clientCategory: c.clientCategory,
      emailVerifiedAt: iso(c.emailVerifiedAt),
      phoneVerifiedAt: iso(c.phoneVerifiedAt),
      twoFactorEnabled: c.otpEnabled,
      lastLoginAt: iso(c.lastLoginAt),
      createdAt: iso(c.createdAt),
    },
    kyc: kyc
      ? {
          status: kyc.status,
          currentLevel: kyc.currentLevel,
          requiredLevel: kyc.requiredLevel,
          requirements: kyc.requirements.map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
          submissions: kyc.submissions.map((s) => ({
            submissionId: s.id,
            level: s.level,
            status: s.status,
            data: s.data,
            submittedAt: iso(s.submittedAt),
            decidedAt: iso(s.decidedAt),
            documents: s.documents.map((d) => ({ ...d, createdAt: iso(d.createdAt) })),
            // The decision and, for a rejection, the reason the customer was told; nothing of the reviewer.
            decisions: s.reviews.map((r) => ({
              decision: r.decision,
              reason: r.decision === "REJECTED" ? r.reason : null,
              decidedAt: iso(r.createdAt),
            })),
          })),
        }
      : null,
    accounts: c.accounts.map((a) => ({
      accountId: a.id,
      login: a.login,
      kind: a.kind,
      mode: a.accountMode,
      currency: a.currency,
      platform: a.platform,
      leverage: a.leverage,
      group: a.group.name,
      caption: a.caption,
      favorite: a.favorite,
      createdAt: iso(a.createdAt),
      archivedAt: iso(a.archivedAt),
      balanceAdjustments: a.adjustments.map((m) => ({
        type: m.type,
        amount: moneyString(m.amount),
        currency: m.currency,
        status: m.status,
        createdAt: iso(m.createdAt),
        appliedAt: iso(m.appliedAt),
      })),
    })),
    sessions: c.sessions.map((s) => ({
      sessionId: s.id,
      kind: s.kind,
      ip: s.ip,
      userAgent: s.userAgent,
      createdAt: iso(s.createdAt),
      lastSeenAt: iso(s.lastSeenAt),
      expiresAt: iso(s.expiresAt),
      endedAt: iso(s.revokedAt),
    })),
    knownDevices: c.knownDevices.map((d) => ({ userAgent: d.userAgent, firstSeenAt: iso(d.createdAt), lastUsedAt: iso(d.lastUsedAt) })),
    consents: {
      termsAcceptances: c.termsAcceptances.map((t) => ({
        version: t.terms.version,
        language: t.terms.language,
        title: t.terms.title,
        acceptedAt: iso(t.acceptedAt),
        ip: t.ip,
        userAgent: t.userAgent,
      })),
      appropriatenessAssessments: c.assessments.map((x) => ({
        version: x.questionnaire.version,
        answers: x.answers,
        score: x.score,
        passed: x.passed,
        retryAfter: iso(x.retryAfter),
        at: iso(x.createdAt),
      })),
      clientCategoryChanges: c.categoryChanges.map((x) => ({ category: x.category, at: iso(x.createdAt) })),
    },
    messages: c.messages.map((m) => ({ ...m, createdAt: iso(m.createdAt), sentAt: iso(m.sentAt) })),
    auditEvents: c.auditEvents.map((e) => ({
      kind: e.kind,
      at: iso(e.createdAt),
      ip: e.ip,
      userAgent: e.userAgent,
      byStaff: e.staffId !== null,
    })),
  };
}
