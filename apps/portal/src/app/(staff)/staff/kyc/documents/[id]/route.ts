// A KYC document's bytes, for staff only: identity documents never reach anyone else.
// Anonymous callers get 401, customers 403; staff get the file exactly as stored (the
// API checks its digest and audits every read), as an attachment under a sandboxing CSP
// (an uploaded HTML or SVG file can never run as a page of the portal), never cached.
import { getDomainError } from "@brokerage/api";
import { auth } from "~/auth";
import { methodNotAllowed } from "~/server/method-not-allowed";
import { getServerCaller } from "~/trpc/server";
import { DOCUMENT_CONTENT_SECURITY_POLICY } from "~/security/content-security-policy";
import { contentDisposition } from "./content-disposition";

export const dynamic = "force-dynamic";

const NO_STORE = "no-store";

function refuse(status: number, error: string): Response {
  return Response.json(
    { error },
    {
      status,
      headers: {
        "Cache-Control": NO_STORE,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": DOCUMENT_CONTENT_SECURITY_POLICY,
      },
    },
  );
}

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const session = await auth();
  if (!session?.sessionId) return refuse(401, "INVALID_CUSTOMER_SESSION");
  if (session.kind !== "staff") return refuse(403, "FORBIDDEN");

  const { id } = await params;
  try {
    const document = await (await getServerCaller()).kycReview.document({ documentId: id });
    const bytes = Buffer.from(document.contentBase64, "base64");
    return new Response(new Uint8Array(bytes), {
      status: 200,
      headers: {
        "Content-Type": document.contentType,
        "Content-Length": String(bytes.length),
        "Content-Disposition": contentDisposition(document.fileName),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": DOCUMENT_CONTENT_SECURITY_POLICY,
        "Cache-Control": NO_STORE,
      },
    });
  } catch (error) {
    const domain = getDomainError(error);
    if (!domain) throw error;
    // A malformed id is a document that does not exist.
    if (domain.code === "INVALID_DATA" || domain.code === "NOT_FOUND")
      return refuse(404, "NOT_FOUND");
    return refuse(domain.httpStatus, domain.code);
  }
}

export const POST = methodNotAllowed("GET", "HEAD");
export { POST as PUT, POST as PATCH, POST as DELETE };
