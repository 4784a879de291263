// Issue 17: the signed-in customer's data as a JSON file (customerData.export, limited to a
// few a day). Never cached; anonymous callers and staff get 401.
import { getDomainError } from "@brokerage/api";
import { auth } from "~/auth";
import { getServerCaller } from "~/trpc/server";

export const dynamic = "force-dynamic";

const HEADERS = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

export async function GET(): Promise<Response> {
  const session = await auth();
  if (!session?.sessionId || session.kind !== "customer") {
    return Response.json({ error: "INVALID_CUSTOMER_SESSION" }, { status: 401, headers: HEADERS });
  }
  try {
    const data = await (await getServerCaller()).customerData.export();
    const day = data.exportedAt.slice(0, 10);
    return new Response(JSON.stringify(data, null, 2), {
      status: 200,
      headers: {
        ...HEADERS,
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="my-data-${day}.json"`,
      },
    });
  } catch (error) {
    const domain = getDomainError(error);
    if (!domain) throw error;
    const headers: Record<string, string> = { ...HEADERS };
    if (typeof domain.details?.retryAfterSeconds === "number") headers["Retry-After"] = String(domain.details.retryAfterSeconds);
    return Response.json({ error: domain.code, message: domain.message }, { status: domain.httpStatus, headers });
  }
}
