import { buildOpenApiDocument } from "@brokerage/api";
import { methodNotAllowed } from "~/server/method-not-allowed";

export const dynamic = "force-dynamic";

let body: string | undefined;

/** The OpenAPI 3.1 document of the customer HTTP API, generated from its zod schemas. */
export function GET() {
  body ??= JSON.stringify(buildOpenApiDocument());
  return new Response(body, {
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-cache" },
  });
}

export const POST = methodNotAllowed("GET", "HEAD");
export { POST as PUT, POST as PATCH, POST as DELETE };
