// The shared schemas (packages/validators): the portal's forms validate with the same ones.
export { acceptTermsInput, submitAppropriatenessInput } from "@brokerage/validators";
