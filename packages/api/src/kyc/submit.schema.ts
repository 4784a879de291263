// The KYC submission's schema is shared with the portal's form (packages/validators).
export { submitKycInput, type SubmitKycInput, type SubmitKycRequest } from "@brokerage/validators";
