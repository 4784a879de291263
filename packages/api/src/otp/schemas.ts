// Shared with the portal's security forms (@brokerage/validators).
export { enableOtpInput, otpCodeInput, otpDisableInput } from "@brokerage/validators";
