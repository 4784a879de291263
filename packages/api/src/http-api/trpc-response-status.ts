/**
 * The HTTP status of a tRPC response (the `responseMeta` of any tRPC adapter): the
 * domain's (`error.data.httpStatus`: 401, 409, 410, 429 ...) instead of tRPC's mapping
 * of its own codes, which has no 410 and folds several domain statuses together. A batch
 * whose calls all failed with one status gets that status; a mixed batch keeps tRPC's
 * default (207).
 */
export function trpcResponseStatus(responses: ReadonlyArray<object>): number | undefined {
  const statuses = new Set(responses.map((response) => ("error" in response ? httpStatusOf(response.error) : undefined) ?? 200));
  const [only] = statuses;
  return statuses.size === 1 && only !== undefined && only !== 200 ? only : undefined;
}

function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("data" in error)) return undefined;
  const data = (error as { data: unknown }).data;
  const status = typeof data === "object" && data !== null ? (data as { httpStatus?: unknown }).httpStatus : undefined;
  return typeof status === "number" ? status : undefined;
}
