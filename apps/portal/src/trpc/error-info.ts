// Reading a tRPC error without importing the server: a TRPCClientError (or a query's
// error) carries the router's formatted `data`: appCode, httpStatus, details.

interface ErrorData {
  appCode?: unknown;
  httpStatus?: unknown;
  details?: unknown;
}

function dataOf(error: unknown): ErrorData | undefined {
  if (typeof error !== "object" || error === null || !("data" in error)) return undefined;
  const data = (error as { data: unknown }).data;
  return typeof data === "object" && data !== null ? (data as ErrorData) : undefined;
}

/** The domain code (`INVALID_DATA`, `KYC_REQUIRED` ...), if the error came from the router. */
export function appCodeOf(error: unknown): string | undefined {
  const code = dataOf(error)?.appCode;
  return typeof code === "string" ? code : undefined;
}

export function httpStatusOf(error: unknown): number | undefined {
  const status = dataOf(error)?.httpStatus;
  return typeof status === "number" ? status : undefined;
}

/** INTERNAL_ERROR's reference, for the customer to quote to support. */
export function correlationIdOf(error: unknown): string | undefined {
  const details = dataOf(error)?.details;
  if (typeof details !== "object" || details === null) return undefined;
  const id = (details as { correlationId?: unknown }).correlationId;
  return typeof id === "string" ? id : undefined;
}

/** The refusal's `details` (e.g. the accounts that still hold money), if any. */
export function detailsOf(error: unknown): Record<string, unknown> | undefined {
  const details = dataOf(error)?.details;
  return typeof details === "object" && details !== null ? (details as Record<string, unknown>) : undefined;
}
