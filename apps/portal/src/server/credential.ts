import "server-only";
import type { Credential } from "@brokerage/api";
import { auth } from "~/auth";

/**
 * Who is calling, as the transport saw it: the portal session carried in the next-auth
 * JWT, else an API bearer token. The router checks either against the database.
 */
export async function readCredential(headers: Headers): Promise<Credential | null> {
  const session = await auth();
  if (session?.sessionId) {
    return session.kind === "staff"
      ? { type: "staff-session", sessionId: session.sessionId }
      : { type: "customer-session", sessionId: session.sessionId };
  }
  const authorization = headers.get("authorization");
  const match = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return match?.[1] ? { type: "bearer", token: match[1] } : null;
}
