// The roles, as the API defines them (@brokerage/validators).
import { STAFF_ROLES } from "@brokerage/validators";

export const ROLE_KEYS = STAFF_ROLES;
export type RoleKey = (typeof ROLE_KEYS)[number];
