import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ACCOUNT_PERMISSIONS, accountPermissionField, COUNTRY_CODES, countryField, fieldCodesOf, isCountryCode } from "../src";

describe("countries", () => {
  it("holds the ISO 3166-1 alpha-2 codes of the maintained list", () => {
    expect(COUNTRY_CODES.length).toBe(250);
    expect(COUNTRY_CODES).toContain("DE");
    expect(COUNTRY_CODES).toContain("XK");
    expect(COUNTRY_CODES).not.toContain("UK");
    expect([...COUNTRY_CODES].sort()).toEqual(COUNTRY_CODES);
  });

  it("accepts codes only", () => {
    expect(isCountryCode("DE")).toBe(true);
    expect(isCountryCode("de")).toBe(false);
    for (const code of ["UK", "EU", "ZZ", "SU", "DEU", ""]) expect(isCountryCode(code)).toBe(false);
  });

  it("the field trims and upper-cases, and refuses with INVALID_COUNTRY", () => {
    expect(countryField.parse(" de ")).toBe("DE");
    const parsed = z.object({ country: countryField }).safeParse({ country: "UK" });
    expect(parsed.success ? null : fieldCodesOf(parsed.error)).toEqual({ country: ["INVALID_COUNTRY"] });
  });
});

describe("account permissions", () => {
  it("are the eight names of seed 001", () => {
    expect(new Set(ACCOUNT_PERMISSIONS).size).toBe(8);
    for (const name of ["deposit", "withdrawal", "trade", "exchange", "visible"]) expect(ACCOUNT_PERMISSIONS).toContain(name);
    expect(accountPermissionField.safeParse("fly").success).toBe(false);
  });
});
