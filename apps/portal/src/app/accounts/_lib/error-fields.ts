// What a refused call says beyond its code: field errors ({ field: [messages] }) and
// details (the KYC payload, ADD_BALANCE_ERROR's login and password).

function dataOf(error: unknown): Record<string, unknown> | undefined {
  if (typeof error !== "object" || error === null || !("data" in error)) return undefined;
  const data = (error as { data: unknown }).data;
  return typeof data === "object" && data !== null ? (data as Record<string, unknown>) : undefined;
}

export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  const fieldErrors = dataOf(error)?.fieldErrors;
  if (typeof fieldErrors !== "object" || fieldErrors === null) return {};
  const result: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(fieldErrors)) {
    if (Array.isArray(messages)) result[field] = messages.filter((m): m is string => typeof m === "string");
  }
  return result;
}

export function detailsOf(error: unknown): Record<string, unknown> {
  const details = dataOf(error)?.details;
  return typeof details === "object" && details !== null ? (details as Record<string, unknown>) : {};
}

/** The developer message of the domain error (e.g. "Insufficient funds"), for telling cases of one code apart. */
export function messageOf(error: unknown): string | undefined {
  return error instanceof Error ? error.message : undefined;
}

/** ADD_BALANCE_ERROR's account, which exists although its deposit failed. */
export function openedDespiteDeposit(
  error: unknown,
): { accountId: number | null; login: number; temporaryPassword: string | null } | null {
  const details = detailsOf(error);
  const login = details.login;
  if (typeof login !== "number") return null;
  return {
    accountId: typeof details.account_id === "number" ? details.account_id : null,
    login,
    temporaryPassword: typeof details.temporary_password === "string" ? details.temporary_password : null,
  };
}
