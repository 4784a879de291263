// A monthly statement's file (issue 17): /money/statements/<accountId>/<YYYY-MM>.pdf|csv, for
// the signed-in customer's own account only (statements.file: another customer's account is
// 404 like a missing one), made on the first request and kept after. An attachment, never
// stored by a shared cache.
import { getDomainError } from "@brokerage/api";
import { auth } from "~/auth";
import { methodNotAllowed } from "~/server/method-not-allowed";
import { getServerCaller } from "~/trpc/server";

export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

function refuse(status: number, error: string, message: string, extra: Record<string, string> = {}): Response {
  return Response.json({ error, message }, { status, headers: { ...PRIVATE, ...extra } });
}

const FILE = /^(\d{4}-\d{2})\.(pdf|csv)$/;

export async function GET(_request: Request, { params }: { params: Promise<{ accountId: string; file: string }> }): Promise<Response> {
  const session = await auth();
  if (!session?.sessionId) return refuse(401, "INVALID_CUSTOMER_SESSION", "Sign in to download your statements");
  if (session.kind !== "customer") return refuse(403, "FORBIDDEN", "Only customers have statements");
  const { accountId, file } = await params;
  const match = FILE.exec(file);
  if (!/^\d{1,10}$/.test(accountId) || !match) return refuse(404, "NOT_FOUND", "Not found");
  try {
    const statement = await (await getServerCaller()).statements.file({
      accountId: Number(accountId),
      month: match[1]!,
      format: match[2] as "pdf" | "csv",
    });
    return new Response(Buffer.from(statement.contentBase64, "base64"), {
      status: 200,
      headers: {
        ...PRIVATE,
        "Content-Type": statement.contentType,
        // The name is ours (statement-<login>-<YYYY-MM>.pdf): nothing of the request reaches the header.
        "Content-Disposition": `attachment; filename="${statement.fileName}"`,
      },
    });
  } catch (error) {
    const domain = getDomainError(error);
    if (!domain) throw error;
    const retryAfter = domain.details?.["retryAfterSeconds"];
    return refuse(
      domain.httpStatus,
      domain.code,
      domain.message,
      typeof retryAfter === "number" ? { "Retry-After": String(retryAfter) } : {},
    );
  }
}

export const POST = methodNotAllowed("GET", "HEAD");
export { POST as PUT, POST as PATCH, POST as DELETE };
