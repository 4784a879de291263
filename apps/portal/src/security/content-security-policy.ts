/** A fresh, unguessable nonce per response: 128 random bits, base64. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * The page's Content-Security-Policy. Scripts run only with the request's nonce (Next
 * puts it on its own scripts when it finds it in the request's CSP header); 'strict-dynamic'
 * lets those load their chunks. Development needs 'unsafe-eval' for React's debugging
 * and inline styles for the error overlay; production gets neither.
 */
export function buildContentSecurityPolicy(options: {
  nonce: string;
  development: boolean;
  https: boolean;
}): string {
  const { nonce, development } = options;
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // A nonce makes browsers ignore 'unsafe-inline', so development lists no nonce here.
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // On plain HTTP (local runs) upgrading would break every asset request.
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/**
 * The policy of uploaded files served back (KYC documents): no script, no plugin, no
 * same-origin access, nothing loaded. An image still shows in the staff page's <img>.
 */
export const DOCUMENT_CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'";

/** Paths that serve uploaded files rather than pages of the portal. */
export const isUploadedFilePath = (pathname: string) => pathname.startsWith("/staff/kyc/documents/");
