// The shared schema (packages/validators): the portal's form validates with the same one.
export { closeRelationshipInput } from "@brokerage/validators";
