// What the next-auth JWT carries: the id of a portal session row and whose it is, and
// nothing else. Names, e-mails and roles are read from the database on every request,
// so revoking or disabling takes effect at once.
import { z } from "zod";

export type PortalSessionKind = "customer" | "staff";

export interface PortalSessionClaims {
  sessionId: string;
  kind: PortalSessionKind;
}

const claimsSchema = z.object({
  sessionId: z.uuid(),
  kind: z.enum(["customer", "staff"]),
});

/** The claims in a token or in the user object of a fresh sign-in; null when absent or malformed. */
export function readSessionClaims(source: unknown): PortalSessionClaims | null {
  const parsed = claimsSchema.safeParse(source);
  return parsed.success ? parsed.data : null;
}
