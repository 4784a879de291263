import { describe, expect, it } from "vitest";
import { compareDecimals, formatMoney, isPositiveDecimal } from "~/app/accounts/_lib/money";

describe("money from the API", () => {
  it("is formatted exactly, with the currency, from its decimal string", () => {
    expect(formatMoney("10000.00", "USD", "en")).toBe("$10,000.00");
    expect(formatMoney("1234567890123.45", "EUR", "en")).toBe("€1,234,567,890,123.45");
    expect(formatMoney("0.10", "USD", "en")).toBe("$0.10");
    // Beyond a double's precision: a float would print ...24 instead.
    expect(formatMoney("9007199254740993.25", "USD", "en")).toBe("$9,007,199,254,740,993.25");
  });

  it("falls back to the raw text when it is not a decimal", () => {
    expect(formatMoney("n/a", "USD", "en")).toBe("n/a USD");
  });

  it("knows positive from zero without parsing", () => {
    expect(isPositiveDecimal("0.00")).toBe(false);
    expect(isPositiveDecimal("0.01")).toBe(true);
    expect(isPositiveDecimal("-3.00")).toBe(false);
    expect(isPositiveDecimal("250.00")).toBe(true);
  });


  it("compares decimal strings", () => {
    expect(compareDecimals("100000", "100000.00")).toBe(0);
    expect(compareDecimals("100000.01", "100000.00")).toBe(1);
    expect(compareDecimals("99999.99", "100000")).toBe(-1);
    expect(compareDecimals("007", "7.0")).toBe(0);
  });
});
