import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  encodePaymentEvent,
  signWebhook,
  verifyWebhook,
  WEBHOOK_SIGNATURE_HEADER,
  WebhookVerificationError,
  type PaymentEvent,
} from "../src/index";

const SECRET = "whsec_signature_test_secret";
const AT = new Date("2026-12-01T12:00:00.000Z");

const event: PaymentEvent = {
  id: "evt_0123456789abcdef01234567",
  type: "payment.succeeded",
  createdAt: AT,
  payment: {
    id: "pay_0123456789abcdef01234567",
    status: "succeeded",
    amount: "25.00",
    currency: "USD",
    reference: "dep_1",
    refundedAmount: "0.00",
    chargedBackAmount: "0.00",
    card: { brand: "visa", last4: "4242" },
    createdAt: new Date("2026-12-01T11:59:00.000Z"),
    updatedAt: AT,
    expiresAt: new Date("2026-12-01T12:29:00.000Z"),
  },
};
const payload = encodePaymentEvent(event);

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return (error as WebhookVerificationError).reason;
  }
  throw new Error("Expected the webhook to be refused");
}

describe("signWebhook", () => {
  it("is t=<unix seconds>,v1=<hex HMAC-SHA256 of t.payload>, checked against node's HMAC", () => {
    expect(WEBHOOK_SIGNATURE_HEADER).toBe("payment-signature");
    const header = signWebhook(payload, SECRET, AT);
    const t = AT.getTime() / 1000;
    const expected = createHmac("sha256", SECRET).update(`${t}.${payload}`).digest("hex");
    expect(header).toBe(`t=${t},v1=${expected}`);
  });
});

describe("verifyWebhook", () => {
  const signature = signWebhook(payload, SECRET, AT);

  it("returns the event with its dates as Dates", () => {
    const verified = verifyWebhook({ payload, signature, secret: SECRET, now: AT });
    expect(verified).toEqual(event);
    expect(verified.payment?.createdAt).toBeInstanceOf(Date);
  });

  it("accepts a timestamp up to the tolerance either way", () => {
    for (const offset of [-300_000, 300_000]) {
      const now = new Date(AT.getTime() + offset);
      expect(verifyWebhook({ payload, signature, secret: SECRET, now }).id).toBe(event.id);
    }
    const now = new Date(AT.getTime() + 3_600_000);
    expect(
      verifyWebhook({ payload, signature, secret: SECRET, now, toleranceSeconds: 3_600 }).id,
    ).toBe(event.id);
  });

  it("refuses an old timestamp and a future one beyond the tolerance", () => {
    expect(
      reasonOf(() =>
        verifyWebhook({
          payload,
          signature,
          secret: SECRET,
          now: new Date(AT.getTime() + 301_000),
        }),
      ),
    ).toBe("timestamp");
    expect(
      reasonOf(() =>
        verifyWebhook({
          payload,
          signature,
          secret: SECRET,
          now: new Date(AT.getTime() - 301_000),
        }),
      ),
    ).toBe("timestamp");
  });

  it("refuses a wrong secret, a tampered body and a timestamp changed after signing", () => {
    expect(
      reasonOf(() => verifyWebhook({ payload, signature, secret: "another-secret", now: AT })),
    ).toBe("signature");
    const tampered = payload.replace('"25.00"', '"2500.00"');
    expect(tampered).not.toBe(payload);
    expect(
      reasonOf(() => verifyWebhook({ payload: tampered, signature, secret: SECRET, now: AT })),
    ).toBe("signature");
    const shifted = signature.replace(/^t=(\d+)/, (_, t: string) => `t=${Number(t) + 60}`);
    expect(
      reasonOf(() => verifyWebhook({ payload, signature: shifted, secret: SECRET, now: AT })),
    ).toBe("signature");
    // A replay of a genuine delivery re-dated by the attacker is caught by the same rule.
    const other = signWebhook(payload, "attacker-secret", AT);
    expect(
      reasonOf(() => verifyWebhook({ payload, signature: other, secret: SECRET, now: AT })),
    ).toBe("signature");
  });

  it("finds the matching v1 among several (secret rotation) and skips unknown schemes", () => {
    const old = signWebhook(payload, "old-secret", AT).split(",")[1];
    const current = signWebhook(payload, SECRET, AT);
    const header = `${current.split(",")[0]},${old},v0=abc,${current.split(",")[1]}`;
    expect(verifyWebhook({ payload, signature: header, secret: SECRET, now: AT }).id).toBe(
      event.id,
    );
  });

  it("refuses malformed or missing headers", () => {
    const v1 = signature.split(",")[1] as string;
    const t = signature.split(",")[0] as string;
    for (const header of [
      null,
      "",
      "garbage",
      v1,
      t,
      `t=abc,${v1}`,
      `t=-5,${v1}`,
      `${t},v1=xyz`,
      `${t},v1=${"a".repeat(63)}`,
      `${t},${t},${v1}`,
      `${t};${v1}`,
      `${t},${v1.toUpperCase()}`,
      `${t},${v1},${"x".repeat(2000)}`,
    ]) {
      expect(
        reasonOf(() => verifyWebhook({ payload, signature: header, secret: SECRET, now: AT })),
        String(header),
      ).toBe("malformed");
    }
  });

  it("refuses a correctly signed body that is not a payment event", () => {
    for (const body of [
      "not json",
      "{}",
      JSON.stringify({ ...event, type: "payment.stolen" }),
      JSON.stringify({ ...event, payment: undefined }),
      JSON.stringify({ ...event, createdAt: "yesterday" }),
    ]) {
      const header = signWebhook(body, SECRET, AT);
      expect(
        reasonOf(() =>
          verifyWebhook({ payload: body, signature: header, secret: SECRET, now: AT }),
        ),
        body,
      ).toBe("malformed");
    }
  });

  it("needs a secret", () => {
    expect(() => signWebhook(payload, "", AT)).toThrow(TypeError);
    expect(() => verifyWebhook({ payload, signature, secret: "", now: AT })).toThrow(TypeError);
  });
});
