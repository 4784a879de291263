import { FIELD_CODES } from "@brokerage/validators";
import { describe, expect, it } from "vitest";
import { depositOutcome, pollDelay, POLL_EVERY_MS, POLL_FOR_MS } from "~/app/money/deposits/[id]/deposit-outcome";
import { moneyDetailsOf } from "~/app/money/_lib/refusal-details";
import { withdrawalAmountSentence } from "~/app/money/withdraw/withdrawal-sentences";
import { navigationFor } from "~/components/navigation";
import messages from "../../messages/en";

describe("the deposit return page's reading of a state", () => {
  it("is credited, waiting or failed", () => {
    expect(depositOutcome("CREDITED")).toBe("credited");
    for (const open of ["CREATING", "AWAITING_PAYMENT", "PAID"] as const) expect(depositOutcome(open)).toBe("waiting");
    for (const over of ["DECLINED", "EXPIRED", "CANCELED", "CREDIT_REFUSED"] as const) expect(depositOutcome(over)).toBe("failed");
  });

  it("polls every 2 s while the deposit is open, for a minute, and never once it is decided", () => {
    const since = 1_000_000;
    expect(pollDelay("AWAITING_PAYMENT", since, since)).toBe(POLL_EVERY_MS);
    expect(pollDelay("PAID", since, since + POLL_FOR_MS - 1)).toBe(2_000);
    expect(pollDelay("AWAITING_PAYMENT", since, since + POLL_FOR_MS)).toBe(false);
    expect(pollDelay("CREDITED", since, since)).toBe(false);
    expect(pollDelay("DECLINED", since, since)).toBe(false);
    expect(pollDelay(undefined, since, since)).toBe(false);
  });

  it("has words for every deposit state", () => {
    const words: Record<string, string> = messages.depositStatus;
    for (const status of ["CREATING", "AWAITING_PAYMENT", "PAID", "CREDITED", "DECLINED", "EXPIRED", "CANCELED", "CREDIT_REFUSED"]) {
      expect(words[status]?.length ?? 0).toBeGreaterThan(20);
    }
  });
});

describe("money refusal details", () => {
  it("keeps decimal strings and a currency code, drops anything else", () => {
    expect(moneyDetailsOf({ data: { details: { limit: "20000.00", remaining: "0.00", currency: "USD", kind: "daily" } } })).toEqual({
      limit: "20000.00",
      remaining: "0.00",
      currency: "USD",
    });
    expect(moneyDetailsOf({ data: { details: { max: 150, currency: "usd<script>" } } })).toEqual({});
    expect(moneyDetailsOf({ data: { details: null } })).toEqual({});
    expect(moneyDetailsOf(new Error("network"))).toEqual({});
  });

  it("words the daily limit and the closed loop with the amounts formatted, else leaves the catalog's sentence", () => {
    const t = (key: string, values: Record<string, string>) => `${key}:${JSON.stringify(values)}`;
    const daily = { data: { details: { limit: "20000.00", remaining: "150.50", currency: "USD" } } };
    expect(withdrawalAmountSentence(t, "en", "DAILY_LIMIT", daily)).toBe('dailyLimit:{"remaining":"$150.50","limit":"$20,000.00"}');
    const card = { data: { details: { max: "99.99", currency: "EUR" } } };
    expect(withdrawalAmountSentence(t, "en", "CARD_REFUND_FIRST", card)).toBe('cardRefundFirst:{"max":"€99.99"}');
    expect(withdrawalAmountSentence(t, "en", "CARD_REFUND_FIRST", { data: { details: {} } })).toBeUndefined();
    expect(withdrawalAmountSentence(t, "en", "INSUFFICIENT_FUNDS", daily)).toBeUndefined();
  });
});

describe("the catalog and the navigation", () => {
  it("has a sentence for every field code", () => {
    const sentences: Record<string, string> = messages.fieldCodes;
    for (const code of FIELD_CODES) expect(sentences[code]?.length ?? 0, code).toBeGreaterThan(10);
  });

  it("gives customers Deposit and Withdraw, and nobody else", () => {
    const customer = navigationFor("customer").map((i) => i.href);
    expect(customer).toEqual(expect.arrayContaining(["/money/deposit", "/money/withdraw"]));
    for (const other of [navigationFor("staff"), navigationFor(null)]) {
      expect(other.map((i) => i.href).filter((href) => href.startsWith("/money"))).toEqual([]);
    }
  });
});
