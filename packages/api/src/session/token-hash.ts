import { createHash } from "node:crypto";

/** Tokens are random (>= 128 bits), so a fast hash is enough to keep them unusable at rest. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
