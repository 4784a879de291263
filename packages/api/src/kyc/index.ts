// The KYC aggregate (product.md "KYC"): what other features use of it.
export {
  KYC_LEVEL,
  KYC_STATUS,
  isKycApproved,
  kycRequiredPayload,
  kycRequiredPayloadCamel,
  kycStatusName,
  type KycLevel,
  type KycRequiredPayload,
  type KycState,
  type KycStatusCode,
  type KycStatusName,
} from "./status";
export { getKycState } from "./kyc-state";
export { setRequiredLevel, type SetRequiredLevelInput, type SetRequiredLevelResult } from "./set-required-level";
export { createLocalDocumentStorage, type DocumentStorage } from "./document-storage";
