import { describe, expect, it } from "vitest";
import { z } from "zod";
import { amountField, fieldCodesOf, isValidAmountInput } from "../src";

const codesOf = (value: unknown) => {
  const parsed = z.object({ amount: amountField }).safeParse({ amount: value });
  return parsed.success ? null : fieldCodesOf(parsed.error).amount;
};

describe("amountField", () => {
  it.each([
    ["250", "250"],
    [" 0.01 ", "0.01"],
    ["999999999999.99", "999999999999.99"],
    [12.5, "12.5"],
  ])("accepts %j as %j", (input, output) => {
    expect(amountField.parse(input)).toBe(output);
  });

  it.each([
    ["1.234", ["TOO_MANY_DECIMALS"]],
    ["0.000", ["TOO_MANY_DECIMALS", "NOT_POSITIVE"]],
    ["abc", ["INVALID_FORMAT", "NOT_POSITIVE"]],
    ["-5", ["INVALID_FORMAT", "NOT_POSITIVE"]],
    ["1e3", ["INVALID_FORMAT"]],
    ["1234567890123", ["INVALID_FORMAT"]],
    ["0", ["NOT_POSITIVE"]],
    ["0.00", ["NOT_POSITIVE"]],
  ])("refuses %j with %j", (input, codes) => {
    expect(codesOf(input)).toEqual(codes);
  });

  it("keeps the API's English messages", () => {
    const parsed = amountField.safeParse("1.234");
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(["An amount with at most two decimals"]);
    expect(amountField.safeParse("0").error?.issues.map((i) => i.message)).toEqual(["Must be more than zero"]);
  });

  it("isValidAmountInput is the schema's answer", () => {
    expect(isValidAmountInput("10.00")).toBe(true);
    expect(isValidAmountInput("10.001")).toBe(false);
    expect(isValidAmountInput("0")).toBe(false);
  });
});
