// The payment simulator's hosted payment page (GET shows it, POST pays or cancels). It is
// the provider's page, not the portal's: no session, its own CSP and token (see proxy.ts
// and packages/payments). A real provider serves its page on its own site.
import { getPaymentSimulator } from "~/server/deps";
import { methodNotAllowed } from "~/server/method-not-allowed";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  const response = await getPaymentSimulator().handle(request);
  return (
    response ?? new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } })
  );
}

export { handle as GET, handle as POST };

export const PUT = methodNotAllowed("GET", "HEAD", "POST");
export { PUT as PATCH, PUT as DELETE };
