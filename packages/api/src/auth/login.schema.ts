// Shared with the portal's sign-in form (@brokerage/validators).
export { loginInput } from "@brokerage/validators";
