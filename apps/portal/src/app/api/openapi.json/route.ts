import { buildOpenApiDocument } from "@brokerage/api";

export const dynamic = "force-dynamic";

let body: string | undefined;

/** The OpenAPI 3.1 document of the customer HTTP API, generated from its zod schemas. */
export function GET() {
  body ??= JSON.stringify(buildOpenApiDocument());
  return new Response(body, {
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-cache" },
  });
}
