import type { Database } from "@brokerage/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { RequestMeta } from "../context";
import { lockProfile, type KycDb } from "./kyc-state";
import { KYC_LEVELS, KYC_STATUS, settledStatus, type KycState } from "./status";

export interface SetRequiredLevelInput {
  customerId: number;
  /** 1 identity, 2 proof of address. */
  level: number;
  /** A code such as `real_account_required`: why the level is needed. */
  reason: string;
  /** A code such as `account_opening`: which feature asked. */
  source: string;
  now: Date;
  request?: Pick<RequestMeta, "ip" | "userAgent">;
}

export type LockedKycState = KycState & { profileId: number };

export interface SetRequiredLevelResult extends LockedKycState {
  /** The profile did not exist before this call. */
  created: boolean;
  /** This (reason, source) pair was recorded by this call. */
  requirementAdded: boolean;
}

// Reasons and sources are codes the program chooses, never text a person typed, so they
// can be counted, translated, and never carry personal data.
const CODE = /^[a-z][a-z0-9_]{0,63}$/;

function assertRequirement(input: { level: number; reason: string; source: string }): void {
  if (!KYC_LEVELS.includes(input.level as 1 | 2)) throw new RangeError(`Unknown KYC level ${input.level}`);
  if (!CODE.test(input.reason)) throw new RangeError(`KYC reason must be a snake_case code, got "${input.reason}"`);
  if (!CODE.test(input.source)) throw new RangeError(`KYC source must be a snake_case code, got "${input.source}"`);
}

/**
 * Records why `level` is needed and raises the profile's required level to it, never
 * lowering it. The profile must be locked by the caller (lockProfile). A submission under
 * review keeps PENDING_REVIEW; otherwise the status becomes REQUIRED while the verified
 * level is below the required one, APPROVED when it already covers it.
 */
export async function raiseRequirement(
  tx: KycDb,
  profile: LockedKycState,
  input: { level: number; reason: string; source: string; now: Date },
): Promise<{ state: LockedKycState; requirementAdded: boolean; changed: boolean }> {
  assertRequirement(input);
  const { count } = await tx.kycRequirement.createMany({
    data: [{ profileId: profile.profileId, level: input.level, reason: input.reason, source: input.source, createdAt: input.now }],
    skipDuplicates: true,
  });
  const requiredLevel = Math.max(profile.requiredLevel, input.level);
  const status =
    profile.status === KYC_STATUS.PENDING_REVIEW ? profile.status : settledStatus(profile.currentLevel, requiredLevel);
  const state = { ...profile, requiredLevel, status };
  const profileChanged = requiredLevel !== profile.requiredLevel || status !== profile.status;
  if (profileChanged) {
    await tx.kycProfile.update({
      where: { id: profile.profileId },
      data: { requiredLevel, status, updatedAt: input.now },
      select: { id: true },
    });
  }
  return { state, requirementAdded: count === 1, changed: profileChanged || count === 1 };
}

function inTransaction<T>(db: Database | KycDb, fn: (tx: KycDb) => Promise<T>): Promise<T> {
  return "$transaction" in db ? db.$transaction(fn) : fn(db);
}

/**
 * Seed 000's KycManager::SetRequiredLevel: creates the customer's KYC profile or reuses
 * it (never a second one, even under parallel calls), never lowers the required level,
 * records each (reason, source) pair once, and sets REQUIRED while the verified level is
 * below the required one unless a submission is under review. Pass a transaction's
 * client to make it part of a larger change. Every change is audited.
 */
export async function setRequiredLevel(db: Database | KycDb, input: SetRequiredLevelInput): Promise<SetRequiredLevelResult> {
  assertRequirement(input);
  return inTransaction(db, async (tx) => {
    const { created, ...profile } = await lockProfile(tx, input.customerId, input.now);
    const { state, requirementAdded, changed } = await raiseRequirement(tx, profile, input);
    if (created || changed) {
      await recordAuditEvent(tx, {
        kind: "kyc.required_level_set",
        customerId: input.customerId,
        request: input.request,
        data: {
          profileId: state.profileId,
          level: input.level,
          reason: input.reason,
          source: input.source,
          requiredLevel: state.requiredLevel,
          status: state.status,
          profileCreated: created,
          requirementAdded,
        },
        at: input.now,
      });
    }
    return { ...state, created, requirementAdded };
  });
}
