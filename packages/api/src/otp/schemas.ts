// Shared with the portal's security forms (@brokerage/validators).
export { enableOtpInput, otpCodeInput, otpDisableInput, regenerateRecoveryCodesInput } from "@brokerage/validators";
