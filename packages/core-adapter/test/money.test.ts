import { describe, expect, it } from "vitest";
import { CoreRejectedError, normalizeAmount } from "../src/index";

describe("normalizeAmount", () => {
  it.each([
    ["10", "10.00"],
    ["10.5", "10.50"],
    ["0.01", "0.01"],
    ["007.10", "7.10"],
    ["999999999999999999.99", "999999999999999999.99"],
  ])("%s -> %s", (amount, expected) => {
    expect(normalizeAmount(amount)).toBe(expected);
  });

  it.each([
    "0",
    "0.0",
    "000.00",
    "-1",
    "+1",
    "1.005",
    ".5",
    "5.",
    "1e2",
    "NaN",
    "",
    "1 000",
    "1000000000000000000.00",
  ])("refuses %j as invalid_amount", (amount) => {
    expect(() => normalizeAmount(amount)).toThrow(CoreRejectedError);
    try {
      normalizeAmount(amount);
    } catch (error) {
      expect(error).toMatchObject({ reason: "invalid_amount" });
    }
  });

  it("refuses numbers that slipped past the types", () => {
    expect(() => normalizeAmount(10 as unknown as string)).toThrow(CoreRejectedError);
  });
});
