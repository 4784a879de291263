import type { TradingCore } from "@brokerage/core-adapter";
import type { Database, Prisma } from "@brokerage/db";
import { moneyString } from "../accounts/money";
import { kycStatusName } from "../kyc/status";
import type { Clock } from "../clock";
import { customerNotFound } from "./own-customer";

const RECENT_AUDIT_EVENTS = 25;

/** Never the password hash, the OTP secret or any token: only what staff need to help. */
const fileSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  phone: true,
  status: true,
  preferredLanguage: true,
  deskId: true,
  managerId: true,
  tanChannels: true,
  conversionRateClass: true,
  lastLoginAt: true,
  emailVerifiedAt: true,
  phoneVerifiedAt: true,
  otpEnabled: true,
  createdAt: true,
  clientCategory: true,
  closedAt: true,
  brand: { select: { code: true, displayName: true } },
  categoryChanges: {
    select: { category: true, evidence: true, createdAt: true, staff: { select: { id: true, name: true } } },
    orderBy: { createdAt: "desc" },
  },
  termsAcceptances: {
    select: { acceptedAt: true, ip: true, userAgent: true, terms: { select: { version: true, language: true, title: true } } },
    orderBy: { acceptedAt: "desc" },
  },
  assessments: {
    select: { createdAt: true, score: true, passed: true, retryAfter: true, questionnaire: { select: { version: true, passScore: true } } },
    orderBy: { createdAt: "desc" },
  },
  kycProfile: {
    select: {
      status: true,
      currentLevel: true,
      requiredLevel: true,
      requirements: {
        select: { level: true, reason: true, source: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
      submissions: {
        select: {
          id: true,
          level: true,
          status: true,
          submittedAt: true,
          decidedAt: true,
          reviews: {
            select: {
              decision: true,
              reason: true,
              createdAt: true,
              staff: { select: { id: true, name: true } },
            },
            orderBy: { createdAt: "asc" },
          },
        },
        orderBy: { submittedAt: "desc" },
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
      caption: true,
      archivedAt: true,
      createdAt: true,
      group: { select: { name: true } },
    },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.CustomerSelect;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The balance from the core, or null when the core does not answer: the page still works. */
async function balanceOf(core: TradingCore, login: number): Promise<string | null> {
  try {
    return moneyString((await core.getAccount(login)).balance);
  } catch {
    return null;
  }
}

/**
 * The customer page: profile (with the staff-only fields), KYC state and review history,
 * accounts with balances from the core, live sessions and recent audit events.
 */
export async function getCustomerFile(
  deps: { db: Database; core: TradingCore; clock: Clock },
  customerId: number,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const c = await db.customer.findUnique({ where: { id: customerId }, select: fileSelect });
  if (!c) throw customerNotFound();
  const [sessions, events, manager, balances] = await Promise.all([
    db.session.findMany({
      where: { customerId, revokedAt: null, expiresAt: { gt: now } },
      select: {
        id: true,
        kind: true,
        ip: true,
        userAgent: true,
        createdAt: true,
        lastSeenAt: true,
        expiresAt: true,
      },
      orderBy: { lastSeenAt: "desc" },
    }),
    db.auditEvent.findMany({
      where: { customerId },
      select: {
        id: true,
        kind: true,
        ip: true,
        createdAt: true,
        data: true,
        staff: { select: { id: true, name: true } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RECENT_AUDIT_EVENTS,
    }),
    c.managerId === null
      ? null
      : db.staff.findUnique({
          where: { id: c.managerId },
          select: { id: true, name: true, email: true },
        }),
    Promise.all(
      c.accounts.map((a) => (a.archivedAt ? Promise.resolve(null) : balanceOf(deps.core, a.login))),
    ),
  ]);
  const kyc = c.kycProfile;
  return {
    customerId: c.id,
    email: c.email,
    firstName: c.firstName,
    lastName: c.lastName,
    name: `${c.firstName} ${c.lastName}`,
    phone: c.phone,
    status: c.status,
    preferredLanguage: c.preferredLanguage,
    brand: c.brand,
    deskId: c.deskId,
    managerId: c.managerId,
    manager: manager ? { staffId: manager.id, name: manager.name, email: manager.email } : null,
    tanChannels: c.tanChannels,
    conversionRateClass: c.conversionRateClass,
    lastLoginAt: iso(c.lastLoginAt),
    emailVerifiedAt: iso(c.emailVerifiedAt),
    phoneVerifiedAt: iso(c.phoneVerifiedAt),
    otpEnabled: c.otpEnabled,
    createdAt: c.createdAt.toISOString(),
    closedAt: iso(c.closedAt),
    compliance: {
      clientCategory: c.clientCategory,
      categoryChanges: c.categoryChanges.map((x) => ({
        category: x.category,
        evidence: x.evidence,
        at: x.createdAt.toISOString(),
        staff: { staffId: x.staff.id, name: x.staff.name },
      })),
      termsAcceptances: c.termsAcceptances.map((x) => ({
        version: x.terms.version,
        language: x.terms.language,
        title: x.terms.title,
        acceptedAt: x.acceptedAt.toISOString(),
        ip: x.ip,
        userAgent: x.userAgent,
      })),
      assessments: c.assessments.map((x) => ({
        version: x.questionnaire.version,
        score: x.score,
        passScore: x.questionnaire.passScore,
        passed: x.passed,
        retryAfter: iso(x.retryAfter),
        at: x.createdAt.toISOString(),
      })),
    },
    kyc: kyc
      ? {
          status: kyc.status,
          statusName: kycStatusName(kyc.status),
          currentLevel: kyc.currentLevel,
          requiredLevel: kyc.requiredLevel,
          requirements: kyc.requirements.map((r) => ({
            ...r,
            createdAt: r.createdAt.toISOString(),
          })),
          submissions: kyc.submissions.map((s) => ({
            submissionId: s.id,
            level: s.level,
            status: s.status,
            submittedAt: s.submittedAt.toISOString(),
            decidedAt: iso(s.decidedAt),
            reviews: s.reviews.map((r) => ({
              decision: r.decision,
              reason: r.reason,
              decidedAt: r.createdAt.toISOString(),
              staff: { staffId: r.staff.id, name: r.staff.name },
            })),
          })),
        }
      : null,
    accounts: c.accounts.map((a, i) => ({
      accountId: a.id,
      login: a.login,
      kind: a.kind,
      mode: a.accountMode,
      currency: a.currency,
      platform: a.platform,
      group: a.group.name,
      caption: a.caption,
      archivedAt: iso(a.archivedAt),
      createdAt: a.createdAt.toISOString(),
      /** null: archived, or the core did not answer (see `coreAvailable`). */
      balance: balances[i] ?? null,
    })),
    /** False when an open account's balance could not be read from the core. */
    coreAvailable: c.accounts.every((a, i) => a.archivedAt !== null || balances[i] !== null),
    sessions: sessions.map((s) => ({
      sessionId: s.id,
      kind: s.kind,
      ip: s.ip,
      userAgent: s.userAgent,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
    })),
    recentEvents: events.map((e) => ({
      eventId: e.id.toString(),
      kind: e.kind,
      at: e.createdAt.toISOString(),
      ip: e.ip,
      staff: e.staff ? { staffId: e.staff.id, name: e.staff.name } : null,
      data: e.data,
    })),
  };
}
