// Shared with the portal's password-reset forms (@brokerage/validators).
export { requestPasswordResetInput, resetPasswordInput } from "@brokerage/validators";
