import { describe, expect, it } from "vitest";
import { createAttemptKeys, isRetryable } from "~/app/accounts/_lib/attempt-key";
import { fieldErrorsOf, openedDespiteDeposit } from "~/app/accounts/_lib/error-fields";
import { checkPasswordRules, meetsPasswordPolicy } from "~/app/accounts/_lib/password-policy";

describe("the trading password policy", () => {
  it("wants 8 to 16 characters with a lowercase letter, an uppercase letter and a digit", () => {
    expect(meetsPasswordPolicy("Abcdefg1")).toBe(true);
    expect(meetsPasswordPolicy("Abcdefghijklmno1")).toBe(true);
    expect(meetsPasswordPolicy("Abcdefghijklmnop1")).toBe(false);
    expect(meetsPasswordPolicy("Abcdef1")).toBe(false);
    expect(meetsPasswordPolicy("abcdefg1")).toBe(false);
    expect(meetsPasswordPolicy("ABCDEFG1")).toBe(false);
    expect(meetsPasswordPolicy("Abcdefgh")).toBe(false);
    expect(meetsPasswordPolicy("Abc defg1")).toBe(false);
    expect(checkPasswordRules("aB")).toEqual({ length: false, lower: true, upper: true, digit: false });
  });
});

describe("idempotency keys", () => {
  it("are reused while the same attempt is retried, and new for a new attempt", () => {
    let n = 0;
    const keys = createAttemptKeys(() => `key-${++n}`);
    expect(keys.keyFor("a")).toBe("key-1");
    expect(keys.keyFor("a")).toBe("key-1");
    expect(keys.keyFor("b")).toBe("key-2");
    keys.finish();
    expect(keys.keyFor("b")).toBe("key-3");
  });

  it("are kept for a retry only when the server did not refuse", () => {
    expect(isRetryable(new TypeError("Failed to fetch"))).toBe(true);
    expect(isRetryable({ data: { httpStatus: 500, appCode: "CORE_NOT_AVAILABLE" } })).toBe(true);
    expect(isRetryable({ data: { httpStatus: 403, appCode: "KYC_REQUIRED" } })).toBe(false);
  });
});

describe("what a refusal carries", () => {
  it("field errors", () => {
    expect(fieldErrorsOf({ data: { fieldErrors: { amount: ["Too much"], bad: "x" } } })).toEqual({ amount: ["Too much"] });
    expect(fieldErrorsOf({ data: { fieldErrors: null } })).toEqual({});
  });

  it("ADD_BALANCE_ERROR's login and temporary password", () => {
    const error = {
      data: {
        appCode: "ADD_BALANCE_ERROR",
        details: { account_id: 7, login: 100007, temporary_password: "Xy3abcdEFGhk", must_change_password: true },
      },
    };
    expect(openedDespiteDeposit(error)).toEqual({ accountId: 7, login: 100007, temporaryPassword: "Xy3abcdEFGhk" });
    expect(openedDespiteDeposit({ data: { details: null } })).toBeNull();
  });
});
