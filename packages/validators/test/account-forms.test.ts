import { describe, expect, it } from "vitest";
import { accountTransferForm, fieldCodesOf, newTradingPasswordForm, openAccountForm, renameAccountForm } from "../src";

const codes = (schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldCodesOf(result.error as never, { input });
};

describe("the account forms' shared schemas", () => {
  it("name an account with 1 to 64 characters and no control characters", () => {
    expect(renameAccountForm.parse({ caption: "  Swing  " })).toEqual({ caption: "Swing" });
    expect(codes(renameAccountForm, { caption: " " })).toEqual({ caption: ["REQUIRED"] });
    expect(codes(renameAccountForm, { caption: "x".repeat(65) })).toEqual({ caption: ["TOO_LONG"] });
    expect(codes(renameAccountForm, { caption: "a\u0007b" })).toEqual({ caption: ["INVALID_CHARACTERS"] });
  });

  it("move money between two different accounts of the list", () => {
    expect(accountTransferForm.parse({ fromAccountId: "7", toAccountId: "9", amount: " 34.50 " })).toEqual({ fromAccountId: 7, toAccountId: 9, amount: "34.50" });
    expect(codes(accountTransferForm, { fromAccountId: "7", toAccountId: "7", amount: "1" })).toEqual({ toAccountId: ["SAME_ACCOUNT"] });
    expect(codes(accountTransferForm, { fromAccountId: "7", toAccountId: "9", amount: "1.005" })).toEqual({ amount: ["TOO_MANY_DECIMALS"] });
  });

  it("check a new trading password against the policy and its repeat", () => {
    expect(codes(newTradingPasswordForm, { password: "lowercase1", passwordConfirmation: "lowercase1" })).toEqual({ password: ["PASSWORD_POLICY"] });
    expect(codes(newTradingPasswordForm, { password: "Fresh2Trade", passwordConfirmation: "Fresh2Trade!" })).toEqual({ passwordConfirmation: ["MISMATCH"] });
    expect(newTradingPasswordForm.safeParse({ password: "Fresh2Trade", passwordConfirmation: "Fresh2Trade" }).success).toBe(true);
  });

  it("open with an optional leverage and an optional start amount", () => {
    expect(openAccountForm.parse({ leverage: "", startAmount: " " })).toEqual({ leverage: undefined, startAmount: undefined });
    expect(openAccountForm.parse({ leverage: "200", startAmount: "2500.50" })).toEqual({ leverage: 200, startAmount: "2500.50" });
    expect(codes(openAccountForm, { leverage: "1:30", startAmount: "0" })).toEqual({ leverage: ["NOT_ALLOWED"], startAmount: ["NOT_POSITIVE"] });
  });
});
