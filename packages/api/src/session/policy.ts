/** product.md: sessions expire after 30 idle minutes and 12 hours in all. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Staff sessions are shorter (issue 11): 15 idle minutes, 8 hours in all. */
export const STAFF_SESSION_IDLE_MS = 15 * 60 * 1000;
export const STAFF_SESSION_ABSOLUTE_MS = 8 * 60 * 60 * 1000;
/** API access tokens (seed 002 `__token`) live 15 minutes; refresh tokens rotate. */
export const ACCESS_TOKEN_MS = 15 * 60 * 1000;
/** `lastSeenAt` is written at most this often, so reads do not all become writes. */
export const LAST_SEEN_RESOLUTION_MS = 60 * 1000;
/** Sensitive changes need the password or a second factor entered this recently (ASVS 6.2.2/7.5.1 style). */
export const REAUTH_WINDOW_MS = 5 * 60 * 1000;
