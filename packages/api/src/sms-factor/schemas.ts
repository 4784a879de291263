// Shared with the portal's security forms (@brokerage/validators).
export { disableSmsFactorInput, enableSmsFactorInput, setDefaultSecondFactorInput } from "@brokerage/validators";
