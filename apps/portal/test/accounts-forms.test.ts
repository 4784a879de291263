import { describe, expect, it } from "vitest";
import { openedDespiteDeposit } from "~/app/accounts/open/add-balance-error";
import { createAttemptKeys, isRetryable } from "~/components/forms/attempt-key";
import { refusalFieldCodes } from "~/components/forms/refusal";

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
  it("field codes, never the English field errors", () => {
    const error = { data: { fieldErrors: { amount: ["Too much"] }, fieldCodes: { amount: ["INSUFFICIENT_FUNDS", "NO_SUCH_CODE"], bad: "x" } } };
    // An unknown code reads INVALID; a field without a list of codes is left out.
    expect(refusalFieldCodes(error)).toEqual({ amount: ["INSUFFICIENT_FUNDS", "INVALID"] });
    expect(refusalFieldCodes({ data: { fieldCodes: null } })).toEqual({});
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
