// Runs before every page and API request (Node runtime): the same-origin check of
// cookie-authenticated state changes (server actions, next-auth's POST routes), the
// per-request CSP nonce and the correlation id that the tRPC context, the logs and 500
// answers carry.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "./env";
import {
  buildContentSecurityPolicy,
  createNonce,
  DOCUMENT_CONTENT_SECURITY_POLICY,
  isUploadedFilePath,
} from "./security/content-security-policy";
import { REQUEST_ID_HEADER, resolveRequestId } from "./security/request-id";
import { crossOriginRefusal } from "./security/same-origin";

/**
 * Paths that judge the origin themselves: the customer HTTP API (`/customer`, seed 001's
 * `/api/v2`, seed 003's `/v1`) reads bearer tokens only (never a cookie) and has its own
 * CORS list; the tRPC endpoint answers in its own shape; the payment provider's webhooks
 * carry an HMAC signature and no cookie.
 */
const OWN_ORIGIN_CHECK = /^\/(customer(\/|$)|api\/(trpc|v2)(\/|$)|v1(\/|$)|api\/payments\/webhook$)/;

/**
 * The payment simulator's hosted page: the provider's page, not the portal's. It reads no
 * cookie (a random token in the link authenticates it), so it needs no origin check, and
 * it sends its own stricter Content-Security-Policy (no script, its form may post only to
 * itself and the merchant's return URL).
 */
const PROVIDER_PAGE = /^\/payment-simulator(\/|$)/;

export function proxy(request: NextRequest) {
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  const providerPage = PROVIDER_PAGE.test(request.nextUrl.pathname);
  if (!OWN_ORIGIN_CHECK.test(request.nextUrl.pathname) && !providerPage) {
    const refusal = crossOriginRefusal(request, [env.PORTAL_BASE_URL]);
    if (refusal) {
      return NextResponse.json(
        { error: "FORBIDDEN", message: refusal },
        { status: 403, headers: { [REQUEST_ID_HEADER]: requestId, "cache-control": "no-store" } },
      );
    }
  }
  const nonce = createNonce();
  const csp = isUploadedFilePath(request.nextUrl.pathname)
    ? DOCUMENT_CONTENT_SECURITY_POLICY
    : buildContentSecurityPolicy({
        nonce,
        development: env.NODE_ENV === "development",
        https: request.nextUrl.protocol === "https:" || Boolean(env.PORTAL_BASE_URL?.startsWith("https:")),
      });

  // Next reads the nonce from the request's CSP header while rendering; route handlers
  // read the (now sanitised) request id from the request.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (!providerPage) response.headers.set("Content-Security-Policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Static files carry no markup to protect and need no correlation id.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
