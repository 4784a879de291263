// Shared with the portal's security forms (@brokerage/validators).
export { enableSmsFactorInput, setDefaultSecondFactorInput } from "@brokerage/validators";
