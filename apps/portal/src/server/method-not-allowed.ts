// Next answers a method a route handler does not export with a bare 405 (no body). Route
// handlers export this for the methods they do not serve, so every refusal is the API's
// JSON error body.

/** A handler answering 405 METHOD_NOT_ALLOWED as JSON, naming the methods that are served. */
export function methodNotAllowed(...allow: string[]) {
  return (request: Request): Response =>
    Response.json(
      { error: "METHOD_NOT_ALLOWED", message: `${request.method.slice(0, 32)} is not allowed here; use ${allow.join(", ")}` },
      { status: 405, headers: { allow: allow.join(", "), "cache-control": "no-store", "x-content-type-options": "nosniff" } },
    );
}
