// Checks on what callers send, done before anything reaches the database: a malformed
// value must come back as a CoreRejectedError, not as a PostgreSQL cast error.
import { CoreNotFoundError, CoreRejectedError } from "../errors";
import type { PasswordType } from "../trading-core";

/** A login that cannot exist is simply not found. */
export function checkLogin(login: number): number {
  if (!Number.isSafeInteger(login) || login <= 0) throw new CoreNotFoundError(login);
  return login;
}

export function checkText(field: string, value: string, maxLength = 200): string {
  if (typeof value !== "string" || value.trim().length === 0 || value.length > maxLength) {
    throw new CoreRejectedError("invalid_request", `${field} must be 1 to ${maxLength} characters`);
  }
  return value;
}

export function checkCurrency(currency: string): string {
  if (typeof currency !== "string" || !/^[A-Z]{3}$/.test(currency)) {
    throw new CoreRejectedError(
      "invalid_request",
      `Currency must be an ISO 4217 code, got ${String(currency)}`,
    );
  }
  return currency;
}

export function checkLeverage(leverage: number): number {
  if (!Number.isSafeInteger(leverage) || leverage <= 0 || leverage > 10_000) {
    throw new CoreRejectedError(
      "invalid_request",
      `Leverage must be an integer from 1 to 10000, got ${leverage}`,
    );
  }
  return leverage;
}

export function checkPasswordType(type: PasswordType): PasswordType {
  if (type !== "main" && type !== "investor") {
    throw new CoreRejectedError("invalid_request", `Unknown password type ${String(type)}`);
  }
  return type;
}

/** Password policy is the portal's business; the core only refuses what it cannot store. */
export function checkPasswordValue(password: string): string {
  return checkText("Password", password, 1024);
}

export function checkComment(comment: string | undefined): string | null {
  if (comment === undefined || comment === null) return null;
  return checkText("Comment", comment, 500);
}

export function checkOverdraft(overdraft: boolean | undefined): boolean {
  if (overdraft === undefined) return false;
  if (typeof overdraft !== "boolean") throw new CoreRejectedError("invalid_request", "overdraft must be a boolean");
  return overdraft;
}
