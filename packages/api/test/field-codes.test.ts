import { FIELD_CODES } from "@brokerage/validators";
import { describe, expect, it } from "vitest";
import { DomainError } from "../src/errors";

describe("DomainError field codes", () => {
  it("carries the codes it was given beside the messages", () => {
    const error = new DomainError("INVALID_DATA", {
      fieldErrors: { amount: ["The available balance does not cover this amount"] },
      fieldCodes: { amount: ["INSUFFICIENT_FUNDS"] },
    });
    expect(error.fieldCodes).toEqual({ amount: ["INSUFFICIENT_FUNDS"] });
  });

  it("gives every field error without a code the code INVALID, so no field is left without one", () => {
    expect(new DomainError("INVALID_DATA", { fieldErrors: { a: ["x"], b: ["y"] } }).fieldCodes).toEqual({ a: ["INVALID"], b: ["INVALID"] });
    expect(new DomainError("NOT_FOUND").fieldCodes).toBeUndefined();
  });

  it("uses only the shared catalog's codes, in UPPER_SNAKE", () => {
    for (const code of FIELD_CODES) expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
  });
});
