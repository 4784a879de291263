export const REQUEST_ID_HEADER = "x-request-id";

// A caller's id is kept only if it is short and plain: it lands in logs and responses,
// so nothing that could forge a log line or smuggle markup gets through.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request's correlation id: the incoming one when it looks sane, else a new uuid. */
export function resolveRequestId(incoming: string | null | undefined): string {
  return incoming && SANE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
