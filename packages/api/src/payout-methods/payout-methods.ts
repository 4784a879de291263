import { electronicFormatIBAN, isValidBIC, isValidIBAN } from "ibantools";
import type { Database, Prisma } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError } from "../errors";
import { getKycState, isKycApproved, kycRequiredPayload } from "../kyc";
import { encryptSecret } from "../otp/secret-box";
import { requireRecentAuthentication } from "../session/reauthentication";
import type { RateLimits } from "../rate-limit/rate-limits";
import { requireStepUp } from "../step-up/require-step-up";
import type { StepUpInput } from "@brokerage/validators";
import type { CustomerSession } from "../session/resolve-session";

/** Saved bank accounts a customer may keep at once. */
export const MAX_PAYOUT_METHODS = 5;

const tooManyMethods = () =>
  new DomainError("LIMIT_EXCEEDED", { message: `At most ${MAX_PAYOUT_METHODS} bank accounts`, details: { limit: MAX_PAYOUT_METHODS } });

const methodSelect = { id: true, ibanLast4: true, country: true, bic: true, holderName: true, createdAt: true } satisfies Prisma.PayoutMethodSelect;

export function payoutMethodView(row: Prisma.PayoutMethodGetPayload<{ select: typeof methodSelect }>) {
  return {
    id: row.id,
    /** Never the whole IBAN: its country and last four characters. */
    ibanMasked: `${row.country}•• •••• ${row.ibanLast4}`,
    bic: row.bic,
    holderName: row.holderName,
    createdAt: row.createdAt,
  };
}

export async function listPayoutMethods(db: Database, customerId: number) {
  const rows = await db.payoutMethod.findMany({ where: { customerId, removedAt: null }, orderBy: { createdAt: "asc" }, select: methodSelect });
  return rows.map(payoutMethodView);
}

/** Case, accents, punctuation and word order do not matter: "Müller, Anna" is "anna muller". */
export function sameName(a: string, b: string): boolean {
  const words = (name: string) =>
    name
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .sort()
      .join(" ");
  return words(a) !== "" && words(a) === words(b);
}

/** The name on the customer's latest approved KYC submission, or KYC_REQUIRED. */
export async function verifiedName(db: Database, customerId: number): Promise<string> {
  const state = await getKycState(db, customerId);
  if (!isKycApproved(state)) throw new DomainError("KYC_REQUIRED", { details: kycRequiredPayload(state) });
  const submission = await db.kycSubmission.findFirst({
    where: { profile: { customerId }, status: "APPROVED" },
    orderBy: { decidedAt: "desc" },
    select: { data: true },
  });
  const data = (submission?.data ?? {}) as { firstName?: unknown; lastName?: unknown };
  if (typeof data.firstName === "string" && typeof data.lastName === "string") return `${data.firstName} ${data.lastName}`;
  const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { firstName: true, lastName: true } });
  return `${customer.firstName} ${customer.lastName}`;
}

/**
 * Saves a bank account: re-authentication first (401 REAUTH_REQUIRED), KYC approved, IBAN
 * and BIC valid (ibantools: checksum, country length, BIC format), the holder the verified
 * customer. The IBAN is kept encrypted.
 */
export async function addPayoutMethod(
  deps: { db: Database; clock: Clock; rateLimits: RateLimits },
  session: CustomerSession,
  input: { iban: string; bic: string; holderName: string; stepUp?: StepUpInput | undefined },
  request: RequestMeta,
) {
  const { db } = deps;
  // With a confirmation, step-up decides: a TOTP or SMS code is itself a re-authentication.
  if (!input.stepUp) await requireRecentAuthentication(deps, session);
  const name = await verifiedName(db, session.customerId);
  const iban = electronicFormatIBAN(input.iban) ?? "";
  const bic = input.bic.replace(/\s+/g, "").toUpperCase();
  const fieldErrors: Record<string, string[]> = {};
  const fieldCodes: Record<string, ("INVALID_IBAN" | "INVALID_BIC" | "NAME_MISMATCH")[]> = {};
  if (!isValidIBAN(iban)) {
    fieldErrors.iban = ["Not a valid IBAN"];
    fieldCodes.iban = ["INVALID_IBAN"];
  }
  if (!isValidBIC(bic)) {
    fieldErrors.bic = ["Not a valid BIC"];
    fieldCodes.bic = ["INVALID_BIC"];
  }
  if (!sameName(input.holderName, name)) {
    fieldErrors.holderName = ["The account must be in your own name, as verified"];
    fieldCodes.holderName = ["NAME_MISMATCH"];
  }
  if (Object.keys(fieldErrors).length > 0) throw new DomainError("INVALID_DATA", { fieldErrors, fieldCodes });
  const existing = await db.payoutMethod.count({ where: { customerId: session.customerId, removedAt: null } });
  if (existing >= MAX_PAYOUT_METHODS) throw tooManyMethods();
  await requireStepUp(
    deps,
    session,
    {
      operation: "payoutMethods.add",
      params: { iban, bic, holderName: input.holderName.trim() },
      summary: {
        en: `adding the bank account ${iban.slice(0, 2)}•• ${iban.slice(-4)} for withdrawals`,
        de: `Hinzufügen des Bankkontos ${iban.slice(0, 2)}•• ${iban.slice(-4)} für Auszahlungen`,
      },
    },
    input.stepUp,
    request,
  );

  const now = deps.clock.now();
  return db.$transaction(async (tx) => {
    // One at a time per customer, so the cap holds under parallel requests.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('payout-methods'), ${session.customerId})`;
    const count = await tx.payoutMethod.count({ where: { customerId: session.customerId, removedAt: null } });
    if (count >= MAX_PAYOUT_METHODS) throw tooManyMethods();
    const row = await tx.payoutMethod.create({
      data: {
        customerId: session.customerId,
        ibanEnc: encryptSecret(iban),
        ibanLast4: iban.slice(-4),
        country: iban.slice(0, 2),
        bic,
        holderName: input.holderName.trim(),
        createdAt: now,
      },
      select: methodSelect,
    });
    await recordAuditEvent(tx, { kind: "payout_method.added", customerId: session.customerId, request, data: { payoutMethodId: row.id, country: row.country, ibanLast4: row.ibanLast4 }, at: now });
    return payoutMethodView(row);
  });
}

/** Removes a saved bank account (re-authentication first); withdrawals already asked for keep it. */
export async function removePayoutMethod(deps: { db: Database; clock: Clock }, session: CustomerSession, payoutMethodId: string, request: RequestMeta) {
  await requireRecentAuthentication(deps, session);
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const removed = await tx.payoutMethod.updateMany({ where: { id: payoutMethodId, customerId: session.customerId, removedAt: null }, data: { removedAt: now } });
    if (removed.count !== 1) throw new DomainError("NOT_FOUND", { message: "Payout method not found" });
    await recordAuditEvent(tx, { kind: "payout_method.removed", customerId: session.customerId, request, data: { payoutMethodId }, at: now });
  });
  return { removed: true as const };
}
