import { describe, expect, it } from "vitest";
import {
  depositForm,
  fieldCodesOf,
  payoutMethodForm,
  withdrawalForm,
  withdrawalRejectionForm,
} from "../src";

const codes = (
  result: { success: boolean; error?: Parameters<typeof fieldCodesOf>[0] },
  input: unknown,
) => (result.success ? {} : fieldCodesOf(result.error!, { input }));

describe("the money forms' schemas", () => {
  it("read an account chosen in a list as its id, and refuse anything else", () => {
    expect(depositForm.parse({ accountId: "42", amount: " 10.5 " })).toEqual({
      accountId: 42,
      amount: "10.5",
    });
    for (const accountId of ["", "abc", "0", "-1", "1.5", "99999999999"]) {
      const input = { accountId, amount: "10" };
      const parsed = depositForm.safeParse(input);
      expect(parsed.success, accountId).toBe(false);
      expect(Object.keys(codes(parsed, input))).toEqual(["accountId"]);
    }
    expect(
      codes(depositForm.safeParse({ accountId: "", amount: "10" }), {
        accountId: "",
        amount: "10",
      }),
    ).toEqual({ accountId: ["REQUIRED"] });
  });

  it("hold the shared amount rules", () => {
    const input = { accountId: "1", amount: "1.234" };
    expect(codes(depositForm.safeParse(input), input)).toEqual({ amount: ["TOO_MANY_DECIMALS"] });
    const zero = { accountId: "1", amount: "0.00" };
    expect(codes(depositForm.safeParse(zero), zero)).toEqual({ amount: ["NOT_POSITIVE"] });
  });

  it("leave out an unchosen bank account, and refuse a destination that is not an id", () => {
    expect(withdrawalForm.parse({ accountId: "3", amount: "5", payoutMethodId: "" })).toEqual({
      accountId: 3,
      amount: "5",
    });
    const id = "6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab";
    expect(withdrawalForm.parse({ accountId: "3", amount: "5", payoutMethodId: id })).toEqual({
      accountId: 3,
      amount: "5",
      payoutMethodId: id,
    });
    const bad = { accountId: "3", amount: "5", payoutMethodId: "'; drop table" };
    expect(codes(withdrawalForm.safeParse(bad), bad)).toEqual({ payoutMethodId: ["NOT_ALLOWED"] });
    // The second-factor code is no longer part of the form: step-up confirms separately.
    expect(
      withdrawalForm.safeParse({ ...bad, payoutMethodId: id, otpCode: "123456" }).success,
    ).toBe(false);
    // Nothing the server does not take: unknown fields are refused.
    expect(
      withdrawalForm.safeParse({ ...bad, payoutMethodId: "", idempotencyKey: "x" }).success,
    ).toBe(false);
  });

  it("need IBAN, BIC and holder; a rejection needs a reason of 3 to 500 characters", () => {
    const empty = { iban: " ", bic: "", holderName: "" };
    expect(codes(payoutMethodForm.safeParse(empty), empty)).toEqual({
      iban: ["REQUIRED"],
      bic: ["REQUIRED"],
      holderName: ["REQUIRED"],
    });
    expect(
      payoutMethodForm.parse({
        iban: " DE89 3704 0044 0532 0130 00 ",
        bic: "COBADEFFXXX",
        holderName: "Ada Lovelace",
      }).iban,
    ).toBe("DE89 3704 0044 0532 0130 00");
    expect(withdrawalRejectionForm.safeParse({ reason: " no " }).success).toBe(false);
    expect(withdrawalRejectionForm.safeParse({ reason: "x".repeat(501) }).success).toBe(false);
    expect(withdrawalRejectionForm.parse({ reason: " Name does not match " })).toEqual({
      reason: "Name does not match",
    });
  });
});
