// next-auth's `update` trigger can also be fired by the browser (POST /api/auth/session)
// with any body. The portal replaces the JWT's session id only when the server itself
// asks, which it proves with an HMAC of the new claims under AUTH_SECRET.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "~/env";
import { readSessionClaims, type PortalSessionClaims } from "./claims";

function proofOf(claims: PortalSessionClaims): string {
  // Undefined only while `next build` evaluates modules; no request is ever served then.
  if (!env.AUTH_SECRET) throw new Error("AUTH_SECRET is not configured");
  return createHmac("sha256", env.AUTH_SECRET).update(`session-update:${claims.kind}:${claims.sessionId}`).digest("base64url");
}

/** What a server action passes to `unstable_update` to move the cookie to a new session. */
export function signedSessionUpdate(claims: PortalSessionClaims) {
  return { ...claims, proof: proofOf(claims) };
}

/** The claims of an update the server signed; null for anything else. */
export function verifiedSessionUpdate(data: unknown): PortalSessionClaims | null {
  const claims = readSessionClaims(data);
  const proof = (data as { proof?: unknown } | null)?.proof;
  if (!claims || typeof proof !== "string") return null;
  const expected = Buffer.from(proofOf(claims));
  const given = Buffer.from(proof);
  return expected.length === given.length && timingSafeEqual(expected, given) ? claims : null;
}
