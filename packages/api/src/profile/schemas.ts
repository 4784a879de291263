// The profile's inputs live in @brokerage/validators: the portal's forms parse the same ones.
export {
  confirmEmailChangeInput,
  confirmPhoneChangeInput,
  requestEmailChangeInput,
  requestPhoneChangeInput,
  setPreferredLanguageInput,
  updateNameInput,
} from "@brokerage/validators";
