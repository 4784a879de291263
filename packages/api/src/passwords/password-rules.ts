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
 * Context-specific words (ASVS 5.0 6.1.2, listed in the README): the broker's, the
 * product's and the roles' names. A password whose letters are only one of these, whatever
 * digits and symbols surround them ("Northwind2026!", "b-r-o-k-e-r-a-g-e"), is refused.
 */
export const CONTEXT_WORDS = [
  "northwind",
  "northwindmarkets",
  "markets",
  "broker",
  "brokerage",
  "clientportal",
  "portal",
  "trading",
  "tradingaccount",
  "admin",
  "administrator",
  "staff",
  "support",
  "finance",
  "kycreviewer",
] as const;

const CONTEXT = new Set<string>(CONTEXT_WORDS);

/** The password's letters only, lower case: the word under the digits and symbols. */
const lettersOf = (password: string) => password.toLowerCase().replace(/[^\p{L}]/gu, "");

/**
 * The customer password policy (product.md): 8 to 64 characters (counted as the person
 * sees them), not the e-mail address, not a common password, not a context word dressed up.
 */
export function assertPasswordAllowed(password: string, email: string): void {
  const length = passwordLengthProblem(password);
  if (length === "TOO_SHORT") throw new DomainError("PASSWORD_TOO_SHORT");
  if (length === "TOO_LONG") throw new DomainError("PASSWORD_TOO_LONG");
  const lowered = password.toLowerCase();
  const localPart = email.toLowerCase().split("@")[0] ?? "";
  if (
    lowered === email.toLowerCase() ||
    lowered === localPart ||
    isCommonPassword(password) ||
    CONTEXT.has(lettersOf(password))
  ) {
    throw new DomainError("PASSWORD_TOO_WEAK");
  }
}
