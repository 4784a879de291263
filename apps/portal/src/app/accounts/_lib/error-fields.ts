// What a refused call says beyond its code: the machine codes of its field errors
// ({ field: [CODE] }, which the screens map to sentences of the catalogs; never the English
// `fieldErrors`) and
// details (the KYC payload, ADD_BALANCE_ERROR's login and password).
import { isFieldCode, type FieldCode, type FieldCodes } from "@brokerage/validators";

function dataOf(error: unknown): Record<string, unknown> | undefined {
  if (typeof error !== "object" || error === null || !("data" in error)) return undefined;
  const data = (error as { data: unknown }).data;
  return typeof data === "object" && data !== null ? (data as Record<string, unknown>) : undefined;
}

/** The machine codes of the field errors; unknown codes are dropped. */
export function serverFieldCodes(error: unknown): FieldCodes {
  const fieldCodes = dataOf(error)?.fieldCodes;
  if (typeof fieldCodes !== "object" || fieldCodes === null) return {};
  const result: FieldCodes = {};
  for (const [field, codes] of Object.entries(fieldCodes)) {
    if (Array.isArray(codes)) result[field] = codes.filter(isFieldCode);
  }
  return result;
}

/** Whether the server refused `field` with `code`. */
export function hasFieldCode(error: unknown, field: string, code: FieldCode): boolean {
  return serverFieldCodes(error)[field]?.includes(code) ?? false;
}

export function detailsOf(error: unknown): Record<string, unknown> {
  const details = dataOf(error)?.details;
  return typeof details === "object" && details !== null ? (details as Record<string, unknown>) : {};
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
