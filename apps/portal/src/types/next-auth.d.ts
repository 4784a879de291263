import type { PortalSessionKind } from "~/session/claims";

declare module "next-auth" {
  /** What `auth()` and /api/auth/session expose: see session/claims.ts. */
  interface Session {
    sessionId?: string;
    kind?: PortalSessionKind;
  }
  /** What the Credentials provider's authorize() will return on sign-in. */
  interface User {
    sessionId?: string;
    kind?: PortalSessionKind;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sessionId?: string;
    kind?: PortalSessionKind;
  }
}
