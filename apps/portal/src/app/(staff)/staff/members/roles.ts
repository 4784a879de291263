export const ROLE_KEYS = ["ADMIN", "KYC_REVIEWER", "SUPPORT", "FINANCE"] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];
