import type { Database, Prisma } from "@brokerage/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { DomainError } from "../errors";

export const TERMS_PATH = "/compliance/terms";

type Db = Pick<Database, "termsDocument" | "termsAcceptance">;

const termsSelect = {
  id: true,
  language: true,
  version: true,
  effectiveAt: true,
  material: true,
  title: true,
  body: true,
  riskWarning: true,
} satisfies Prisma.TermsDocumentSelect;

/**
 * The version in force for a brand (the highest effective one) in the customer's language,
 * else English, else any language it exists in; null when the brand has no terms yet.
 */
export async function currentTerms(db: Db, brandId: number, language: string, now: Date) {
  const latest = await db.termsDocument.findFirst({
    where: { brandId, effectiveAt: { lte: now } },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  if (!latest) return null;
  const documents = await db.termsDocument.findMany({
    where: { brandId, version: latest.version },
    select: termsSelect,
  });
  return (
    documents.find((d) => d.language === language) ??
    documents.find((d) => d.language === "en") ??
    documents[0] ??
    null
  );
}

/**
 * Whether the customer accepted terms recent enough: the latest MATERIAL version in force
 * (or a later one). A non-material version (a typo fix) asks for no new acceptance. A
 * brand without terms has nothing that could be accepted: not accepted (fails closed).
 */
export async function hasAcceptedCurrentTerms(db: Db, customerId: number, brandId: number, now: Date): Promise<boolean> {
  const required = await db.termsDocument.findFirst({
    where: { brandId, effectiveAt: { lte: now }, material: true },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  if (!required) {
    const any = await db.termsDocument.count({ where: { brandId, effectiveAt: { lte: now } } });
    if (any === 0) return false;
  }
  const accepted = await db.termsAcceptance.count({
    where: { customerId, terms: { brandId, version: { gte: required?.version ?? 0 } } },
  });
  return accepted > 0;
}

/** `compliance.terms`: the document to read and accept, and whether it is accepted. */
export async function getTermsForCustomer(deps: { db: Database; clock: Clock }, customerId: number) {
  const customer = await deps.db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { brandId: true, preferredLanguage: true },
  });
  const now = deps.clock.now();
  const terms = await currentTerms(deps.db, customer.brandId, customer.preferredLanguage, now);
  if (!terms) return null;
  const accepted = await hasAcceptedCurrentTerms(deps.db, customerId, customer.brandId, now);
  return {
    version: terms.version,
    language: terms.language,
    effectiveAt: terms.effectiveAt.toISOString(),
    material: terms.material,
    title: terms.title,
    body: terms.body,
    riskWarning: terms.riskWarning,
    accepted,
  };
}

/**
 * `compliance.acceptTerms({ version, accepted: true })`: the customer names the version they read, so a
 * page opened before a new version came into force cannot accept the new one unseen
 * (INVALID_DATA, `version`: NOT_CURRENT). Accepting the same version twice keeps the
 * first record. Recorded with time, address and user agent, and audited.
 */
export async function acceptTerms(
  deps: { db: Database; clock: Clock },
  customerId: number,
  input: { version: number; accepted?: boolean },
  request: RequestMeta,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { brandId: true, preferredLanguage: true },
  });
  const terms = await currentTerms(db, customer.brandId, customer.preferredLanguage, now);
  if (!terms || terms.version !== input.version) {
    throw new DomainError("INVALID_DATA", {
      fieldErrors: { version: [terms ? `The current version is ${terms.version}` : "There are no terms to accept"] },
      fieldCodes: { version: ["NOT_CURRENT"] },
    });
  }
  const acceptance = await db.$transaction(async (tx) => {
    const earlier = await tx.termsAcceptance.findUnique({
      where: { customerId_termsId: { customerId, termsId: terms.id } },
      select: { acceptedAt: true },
    });
    if (earlier) return earlier;
    const created = await tx.termsAcceptance.create({
      data: {
        customerId,
        termsId: terms.id,
        ip: request.ip,
        userAgent: request.userAgent?.slice(0, 512) ?? null,
        acceptedAt: now,
      },
      select: { acceptedAt: true },
    });
    await recordAuditEvent(tx, {
      kind: "compliance.terms_accepted",
      customerId,
      request,
      data: { version: terms.version, language: terms.language },
      at: now,
    });
    return created;
  });
  return { version: terms.version, language: terms.language, acceptedAt: acceptance.acceptedAt.toISOString() };
}
