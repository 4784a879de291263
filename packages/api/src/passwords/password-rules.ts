import { dictionary } from "@zxcvbn-ts/language-common";
import { passwordLengthProblem } from "@brokerage/validators";
import { DomainError } from "../errors";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@brokerage/validators";

let common: Set<string> | undefined;

/** zxcvbn-ts's list of the ~49,000 most common leaked passwords. */
function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"]);
  return common.has(password.toLowerCase());
}

/**
 * The customer password policy (product.md): 8 to 64 characters (counted as the person
 * sees them), not the e-mail address, not a common password.
 */
export function assertPasswordAllowed(password: string, email: string): void {
  const length = passwordLengthProblem(password);
  if (length === "TOO_SHORT") throw new DomainError("PASSWORD_TOO_SHORT");
  if (length === "TOO_LONG") throw new DomainError("PASSWORD_TOO_LONG");
  const lowered = password.toLowerCase();
  const localPart = email.toLowerCase().split("@")[0] ?? "";
  if (lowered === email.toLowerCase() || lowered === localPart || isCommonPassword(password)) {
    throw new DomainError("PASSWORD_TOO_WEAK");
  }
}
