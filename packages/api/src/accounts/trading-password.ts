import { randomInt } from "node:crypto";
import { meetsTradingPasswordPolicy, TRADING_PASSWORD_POLICY_MESSAGE } from "@brokerage/validators";
import { DomainError } from "../errors";

/**
 * The trading password policy (issue #7): 8 to 16 characters with a lowercase letter,
 * an uppercase letter and a digit. Temporary passwords meet it too.
 */
export function assertTradingPasswordPolicy(password: string): void {
  if (!meetsTradingPasswordPolicy(password)) {
    throw new DomainError("PASSWORD_POLICY", {
      message: TRADING_PASSWORD_POLICY_MESSAGE,
      fieldErrors: { password: [TRADING_PASSWORD_POLICY_MESSAGE] },
      fieldCodes: { password: ["PASSWORD_POLICY"] },
    });
  }
}

// No look-alikes (0/O, 1/l/I), so a password read off the screen is typed right.
const LOWER = "abcdefghijkmnopqrstuvwxyz";
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS = "23456789";
const ALL = LOWER + UPPER + DIGITS;

const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)]!;

/** 12 characters from the CSPRNG (about 70 bits), one of each required class. */
export function generateTemporaryPassword(): string {
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), ...Array.from({ length: 9 }, () => pick(ALL))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join("");
}
