// The identity fields live in @brokerage/validators, where the portal's forms read them too.
export { codeField, emailField, newPasswordField } from "@brokerage/validators";
