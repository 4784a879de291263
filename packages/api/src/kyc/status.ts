// product.md "KYC status codes". The numbers are the seed's wire values (kyc_status: 2 is
// REQUIRED in seed 000's example); names are for logs, the UI and API readers.
export const KYC_STATUS = {
  NOT_REQUIRED: 0,
  PENDING_REVIEW: 1,
  REQUIRED: 2,
  APPROVED: 3,
  REJECTED: 4,
} as const;

export type KycStatusName = keyof typeof KYC_STATUS;
export type KycStatusCode = (typeof KYC_STATUS)[KycStatusName];

const NAMES = Object.fromEntries(Object.entries(KYC_STATUS).map(([name, code]) => [code, name])) as Record<
  KycStatusCode,
  KycStatusName
>;

/** A status read from the database, checked: an unknown code is a fault, not a state. */
export function asKycStatusCode(code: number): KycStatusCode {
  if (!Object.hasOwn(NAMES, code)) throw new RangeError(`Unknown KYC status code ${code}`);
  return code as KycStatusCode;
}

export function kycStatusName(code: number): KycStatusName {
  return NAMES[asKycStatusCode(code)];
}

/** Level 1: identity (personal data and an identity document); level 2: proof of address. */
export const KYC_LEVEL = { IDENTITY: 1, PROOF_OF_ADDRESS: 2 } as const;
export type KycLevel = (typeof KYC_LEVEL)[keyof typeof KYC_LEVEL];
export const KYC_LEVELS: readonly KycLevel[] = [KYC_LEVEL.IDENTITY, KYC_LEVEL.PROOF_OF_ADDRESS];

/** The customer's KYC aggregate as other features see it; `profileId` is null without a profile. */
export interface KycState {
  profileId: number | null;
  status: KycStatusCode;
  currentLevel: number;
  requiredLevel: number;
}

export const NO_KYC_PROFILE: KycState = { profileId: null, status: KYC_STATUS.NOT_REQUIRED, currentLevel: 0, requiredLevel: 0 };

/**
 * Whether KYC lets the customer through (product.md: any status other than APPROVED is
 * KYC_REQUIRED): the status is APPROVED and the verified level covers `level` (identity
 * by default). A customer asked for a higher level, under review again or rejected is not.
 */
export function isKycApproved(state: Pick<KycState, "status" | "currentLevel">, level: number = KYC_LEVEL.IDENTITY): boolean {
  return state.status === KYC_STATUS.APPROVED && state.currentLevel >= level;
}

/** The status a profile settles in once nothing is under review. */
export function settledStatus(currentLevel: number, requiredLevel: number): KycStatusCode {
  if (requiredLevel === 0) return KYC_STATUS.NOT_REQUIRED;
  return currentLevel >= requiredLevel ? KYC_STATUS.APPROVED : KYC_STATUS.REQUIRED;
}

/**
 * Seed 000's KYC_REQUIRED payload, with the seed's snake_case keys. It is what goes in a
 * DomainError's `details`: the HTTP facade spreads details at the top level of its
 * answer, exactly as the seed shows, and tRPC clients read the same keys.
 */
export function kycRequiredPayload(state: KycState) {
  return {
    kyc_required: true as const,
    kyc_required_level: state.requiredLevel,
    kyc_status: state.status,
    kyc_current_level: state.currentLevel,
    kyc_profile_id: state.profileId,
  };
}

export type KycRequiredPayload = ReturnType<typeof kycRequiredPayload>;

/** The same facts in the camelCase of tRPC outputs (product.md, Conventions). */
export function kycRequiredPayloadCamel(state: KycState) {
  return {
    kycRequired: true as const,
    kycRequiredLevel: state.requiredLevel,
    kycStatus: state.status,
    kycCurrentLevel: state.currentLevel,
    kycProfileId: state.profileId,
  };
}
