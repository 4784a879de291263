// The trading password policy (issue #7): 8 to 16 printable ASCII characters without
// spaces, with a lowercase letter, an uppercase letter and a digit.
import { z } from "zod";
import { withCode } from "./field-codes";

export const TRADING_PASSWORD_MIN_LENGTH = 8;
export const TRADING_PASSWORD_MAX_LENGTH = 16;

/** The rules a form lists beside the field, each ticked off as it holds. */
export const TRADING_PASSWORD_RULES = ["length", "lower", "upper", "digit"] as const;
export type TradingPasswordRule = (typeof TRADING_PASSWORD_RULES)[number];

const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

export function checkTradingPasswordRules(password: string): Record<TradingPasswordRule, boolean> {
  return {
    length: password.length >= TRADING_PASSWORD_MIN_LENGTH && password.length <= TRADING_PASSWORD_MAX_LENGTH,
    lower: /[a-z]/.test(password),
    upper: /[A-Z]/.test(password),
    digit: /\d/.test(password),
  };
}

/** Every rule, and nothing but printable ASCII without spaces. */
export function meetsTradingPasswordPolicy(password: string): boolean {
  const rules = checkTradingPasswordRules(password);
  return TRADING_PASSWORD_RULES.every((rule) => rules[rule]) && PRINTABLE_ASCII.test(password);
}

export const TRADING_PASSWORD_POLICY_MESSAGE = "Use 8 to 16 characters with a lowercase letter, an uppercase letter and a digit";

/** A new trading password, as a form checks it before sending (the server checks the same function). */
export const tradingPasswordField = z
  .string()
  .refine(meetsTradingPasswordPolicy, withCode("PASSWORD_POLICY", TRADING_PASSWORD_POLICY_MESSAGE));
