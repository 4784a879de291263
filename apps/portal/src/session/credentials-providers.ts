// The two ways into the portal: a customer (e-mail, password, and the TOTP or recovery
// code when OTP is on) and staff. Both call the router's domain functions, which create
// the session row; the JWT then carries only its id.
import "server-only";
import { createContextInner, getDomainError, loginCustomer, loginStaff } from "@brokerage/api";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { CredentialsSignin } from "next-auth";
import { randomUUID } from "node:crypto";
import { env } from "~/env";
import { clientAddress } from "~/server/client-address";
import { getApiDeps } from "~/server/deps";
import type { PortalSessionClaims } from "./claims";
import { parseSignInCredentials, type SignInInput } from "./sign-in-input";
import { deviceCookie } from "./cookies";
import { challengeDetails, signInChallenge } from "./sign-in-challenge";

/**
 * A refused sign-in. Its `code` is the domain error code (e.g. OTP_REQUIRED,
 * TOO_MANY_ATTEMPTS), which next-auth hands to the sign-in form; it travels in a URL, so
 * it never carries anything secret.
 */
export class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

function contextFor(request: Request) {
  return createContextInner({
    deps: getApiDeps(),
    request: {
      requestId: request.headers.get("x-request-id") ?? randomUUID(),
      ip: clientAddress(request.headers, { development: env.isDevelopment, edgeToken: env.PORTAL_EDGE_TOKEN }),
      userAgent: request.headers.get("user-agent"),
    },
  });
}

async function refuseOnDomainError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const domain = getDomainError(error);
    if (domain) {
      const challenge = signInChallenge.getStore();
      if (challenge) challenge.details = challengeDetails(domain.details);
      throw new SignInRefused(domain.code);
    }
    throw error;
  }
}

/** A Credentials provider whose `login` creates the session row and returns its claims. */
function portalCredentials(
  id: PortalSessionClaims["kind"],
  login: (ctx: ReturnType<typeof contextFor>, input: SignInInput) => Promise<PortalSessionClaims & { id: string }>,
) {
  return Credentials({
    id,
    name: id === "customer" ? "Customer" : "Staff",
    credentials: { email: {}, password: {}, otpCode: {}, otpChannel: {} },
    async authorize(credentials, request) {
      const input = parseSignInCredentials(credentials);
      if (!input) throw new SignInRefused("INVALID_DATA");
      return refuseOnDomainError(() => login(contextFor(request), input));
    },
  });
}

export const customerCredentials = portalCredentials("customer", async (ctx, input) => {
  // The known-device cookie goes in with the attempt and comes back (renewed) on success.
  const jar = await cookies();
  const device = deviceCookie(env.isProduction);
  const result = await loginCustomer(ctx, { ...input, deviceToken: jar.get(device.name)?.value }, ctx.request, "WEB");
  jar.set(device.name, result.deviceToken, device.options);
  return { id: String(result.customerId), sessionId: result.sessionId, kind: "customer" };
});

export const staffCredentials = portalCredentials("staff", async (ctx, input) => {
  const result = await loginStaff(ctx, input, ctx.request);
  return { id: `staff-${result.staff.staffId}`, sessionId: result.sessionId, kind: "staff" };
});
