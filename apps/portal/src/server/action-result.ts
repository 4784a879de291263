// What the portal's server actions answer. A refusal has the same shape as a tRPC
// error's formatted `data` (appCode, fieldErrors, fieldCodes, details), so one set of helpers on the
// client (useErrorMessage, the form kit) reads both.
import "server-only";
import { getDomainError, type FieldCodes, type FieldErrors } from "@brokerage/api";

export interface ActionFailure {
  data: {
    appCode: string;
    fieldErrors: FieldErrors | null;
    /** The machine codes of the field errors, what screens map to sentences. */
    fieldCodes: FieldCodes | null;
    details: Record<string, unknown> | null;
  };
}

export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: ActionFailure };

export function refused(
  appCode: string,
  fieldErrors: FieldErrors | null = null,
  fieldCodes: FieldCodes | null = null,
): { ok: false; error: ActionFailure } {
  // A field error without a code of its own is INVALID, as DomainError does on the server.
  const codes = fieldCodes ?? (fieldErrors ? Object.fromEntries(Object.keys(fieldErrors).map((f) => [f, ["INVALID" as const]])) : null);
  return { ok: false, error: { data: { appCode, fieldErrors, fieldCodes: codes, details: null } } };
}

/**
 * A domain refusal becomes an answer; anything else (a bug, the database down) is
 * rethrown, so Next logs it and the client shows its generic sentence.
 */
export function refusedOrThrow(error: unknown): { ok: false; error: ActionFailure } {
  const domain = getDomainError(error);
  if (!domain) throw error;
  return {
    ok: false,
    error: {
      data: {
        appCode: domain.code,
        fieldErrors: domain.fieldErrors ?? null,
        fieldCodes: domain.fieldCodes ?? null,
        details: domain.details ?? null,
      },
    },
  };
}
