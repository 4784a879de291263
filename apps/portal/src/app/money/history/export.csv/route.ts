// The customer's money history as a CSV file (issue #13): the same filters as the page
// (its query string), the signed-in customer's own movements only, throttled per customer
// by the API (history.exportCsv). Served as an attachment, never cached.
import { getDomainError } from "@brokerage/api";
import { auth } from "~/auth";
import { methodNotAllowed } from "~/server/method-not-allowed";
import { getServerCaller } from "~/trpc/server";
import { parseHistoryState, toFilterInput, type RawSearchParams } from "../_lib/history-params";

export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

function refuse(status: number, error: string, message: string, extra: Record<string, string> = {}): Response {
  return Response.json({ error, message }, { status, headers: { ...PRIVATE, ...extra } });
}

function searchParamsOf(url: URL): RawSearchParams {
  const raw: RawSearchParams = {};
  for (const key of new Set(url.searchParams.keys())) raw[key] = url.searchParams.getAll(key);
  return raw;
}

export async function GET(request: Request): Promise<Response> {
  const session = await auth();
  if (!session?.sessionId) return refuse(401, "INVALID_CUSTOMER_SESSION", "Sign in to download your history");
  if (session.kind !== "customer") return refuse(403, "FORBIDDEN", "Only customers have a money history");
  const filters = toFilterInput(parseHistoryState(searchParamsOf(new URL(request.url))));
  try {
    const file = await (await getServerCaller()).history.exportCsv(filters);
    return new Response(file.csv, {
      status: 200,
      headers: {
        ...PRIVATE,
        "Content-Type": "text/csv; charset=utf-8; header=present",
        // The name is ours (history-YYYY-MM-DD.csv): nothing of the request reaches the header.
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "X-History-Rows": String(file.rows),
        "X-History-Truncated": String(file.truncated),
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
