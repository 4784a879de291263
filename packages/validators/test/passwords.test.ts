import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  checkTradingPasswordRules,
  customerPasswordField,
  fieldCodesOf,
  meetsTradingPasswordPolicy,
  passwordLengthProblem,
  tradingPasswordField,
} from "../src";

const codes = (schema: z.ZodType, value: string) => {
  const parsed = z.object({ password: schema }).safeParse({ password: value });
  return parsed.success ? null : fieldCodesOf(parsed.error).password;
};

describe("customer password length", () => {
  it("is 8 to 64 characters as a person counts them", () => {
    expect(passwordLengthProblem("1234567")).toBe("TOO_SHORT");
    expect(passwordLengthProblem("12345678")).toBeNull();
    expect(passwordLengthProblem("x".repeat(64))).toBeNull();
    expect(passwordLengthProblem("x".repeat(65))).toBe("TOO_LONG");
    // Seven emoji are 14 UTF-16 units but seven characters.
    expect(passwordLengthProblem("😀".repeat(7))).toBe("TOO_SHORT");
  });

  it("the field schema answers with codes", () => {
    expect(codes(customerPasswordField, "short")).toEqual(["TOO_SHORT"]);
    expect(codes(customerPasswordField, "x".repeat(65))).toEqual(["TOO_LONG"]);
    expect(codes(customerPasswordField, "long enough")).toBeNull();
  });
});

describe("trading password policy", () => {
  it.each([
    ["Abcdefg1", true],
    ["Abcdefghijklmno1", true],
    ["Abcdefghijklmnop1", false],
    ["Abcdef1", false],
    ["abcdefg1", false],
    ["ABCDEFG1", false],
    ["Abcdefgh", false],
    ["Abc defg1", false],
    ["Abcdéfg1", false],
  ])("%j meets it: %s", (password, ok) => {
    expect(meetsTradingPasswordPolicy(password)).toBe(ok);
    expect(codes(tradingPasswordField, password)).toEqual(ok ? null : ["PASSWORD_POLICY"]);
  });

  it("lists each rule", () => {
    expect(checkTradingPasswordRules("aB")).toEqual({ length: false, lower: true, upper: true, digit: false });
  });
});
