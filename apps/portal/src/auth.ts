// next-auth (v5): JWT sessions whose token holds only a portal session id (session/claims.ts).
// The Credentials providers (session/credentials-providers.ts) return `{ sessionId, kind }`
// from authorize() and the callbacks below keep exactly that.
import NextAuth from "next-auth";
import { env } from "./env";
import { nextAuthRedirect } from "./security/safe-redirect";
import { readSessionClaims } from "./session/claims";
import { authCookies } from "./session/cookies";
import { customerCredentials, staffCredentials } from "./session/credentials-providers";
import { verifiedSessionUpdate } from "./session/update-proof";

/** The absolute lifetime of a portal session (product.md); the session row enforces idle expiry. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  secret: env.AUTH_SECRET,
  // Off Vercel, /api/auth/* answers 500 and auth() returns null unless the host is trusted.
  trustHost: env.AUTH_TRUST_HOST || !env.isProduction,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  useSecureCookies: env.isProduction,
  cookies: authCookies(env.isProduction),
  providers: [customerCredentials, staffCredentials],
  callbacks: {
    // The callbackUrl of a sign-in or sign-out request: our own paths only.
    redirect: nextAuthRedirect,
    // On sign-in `user` holds the fresh claims; afterwards the token is re-read. Anything
    // else next-auth would add (name, e-mail, picture) is dropped.
    jwt({ token, user, trigger, session }) {
      // An update moves the cookie to a new session row (enabling OTP replaces the
      // session) only when the server signed it; a browser-sent update changes nothing.
      const update = trigger === "update" ? verifiedSessionUpdate(session) : null;
      const claims = update ?? readSessionClaims(user ?? token);
      return claims ? { sessionId: claims.sessionId, kind: claims.kind } : null;
    },
    session({ session, token }) {
      const claims = readSessionClaims(token);
      return claims ? { expires: session.expires, ...claims } : { expires: session.expires };
    },
  },
});
