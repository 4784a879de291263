import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BASE_URL,
  CARD_DECLINED,
  CARD_PAYS,
  count,
  createSimulatorDatabase,
  formOf,
  getPage,
  paymentInput,
  post,
  RETURN_URL,
  submitPage,
  type Opened,
  type SimulatorDatabase,
} from "./support";

let db: SimulatorDatabase;
let opened: Opened;
beforeAll(async () => {
  db = await createSimulatorDatabase();
  opened = db.open();
});
afterAll(() => db?.close());

describe("the hosted page", () => {
  it("is plain HTML with the visible labels, both buttons, a strict CSP and no external asset", async () => {
    const { sim } = opened;
    const payment = await sim.createPayment(
      paymentInput({ amount: "1234.5", currency: "EUR", description: "Deposit <to> wallet" }),
    );
    expect(payment.paymentPageUrl).toMatch(
      new RegExp(`^${BASE_URL}/payment-simulator/pay/${payment.id}\\?token=[A-Za-z0-9_-]{43}$`),
    );
    const { response, html } = await getPage(sim, payment.paymentPageUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp.split("; ")).toEqual([
      "default-src 'none'",
      expect.stringMatching(/^style-src 'sha256-[A-Za-z0-9+/]+=*'$/),
      "form-action 'self' http://portal.test:3000",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ]);
    // The inline style is exactly the one the hash allows.
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    const { createHash } = await import("node:crypto");
    expect(csp).toContain(`'sha256-${createHash("sha256").update(style).digest("base64")}'`);
    expect(html).not.toMatch(/<script|<link|<img|src=|https?:\/\/(?!portal\.test)/i);
    expect(html).toContain('<html lang="en">');

    for (const [id, label] of [
      ["card-number", "Card number"],
      ["card-expiry", "Expiry (MM/YY)"],
      ["card-cvc", "Security code (CVC)"],
      ["card-name", "Name on card"],
    ]) {
      expect(html).toContain(`<label for="${id}">${label}</label>`);
      expect(html).toMatch(new RegExp(`<input id="${id}" `));
    }
    expect(html).toMatch(
      /<button type="submit" class="pay" name="action" value="pay">Pay 1234\.50 EUR<\/button>/,
    );
    expect(html).toMatch(/<button [^>]*value="cancel" formnovalidate>Cancel payment<\/button>/);
    // Merchant text is escaped, never markup.
    expect(html).toContain("Deposit &lt;to&gt; wallet");
    expect(html).not.toContain("<to>");
  });

  it("pays with 4242 4242 4242 4242: 303 back to the return URL, succeeded, only brand and last4 kept", async () => {
    const { sim } = opened;
    const payment = await sim.createPayment(paymentInput({ returnUrl: `${RETURN_URL}?deposit=7` }));
    const response = await submitPage(sim, payment.paymentPageUrl, CARD_PAYS);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${RETURN_URL}?deposit=7&payment=${payment.id}`);
    expect(await sim.getPayment(payment.id)).toMatchObject({
      status: "succeeded",
      card: { brand: "visa", last4: "4242" },
      amount: "25.00",
    });
    // The number is nowhere in the simulator's tables.
    expect(
      await count(
        db.sql,
        `SELECT 1 FROM payment_sim.payments p WHERE p::text LIKE '%4242424242424242%' OR p::text LIKE '%4242 4242%'`,
      ),
    ).toBe(0);
    expect(
      await count(db.sql, `SELECT 1 FROM payment_sim.events e WHERE e.payload LIKE '%42424242%'`),
    ).toBe(0);
    expect(
      await count(
        db.sql,
        `SELECT 1 FROM payment_sim.idempotency_keys k WHERE k::text LIKE '%42424242%'`,
      ),
    ).toBe(0);

    const again = await getPage(sim, payment.paymentPageUrl);
    expect(again.response.status).toBe(200);
    expect(again.html).toContain("This payment has been paid.");
    expect(again.html).not.toContain("<form");
  });

  it("declines 4000 0000 0000 0002: 303 back, declined, and it cannot be paid afterwards", async () => {
    const { sim } = opened;
    const payment = await sim.createPayment(paymentInput());
    const { html } = await getPage(sim, payment.paymentPageUrl);
    const form = formOf(html);
    const response = await post(sim, form.action, { token: form.token, ...CARD_DECLINED });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${RETURN_URL}?payment=${payment.id}`);
    expect(await sim.getPayment(payment.id)).toMatchObject({
      status: "declined",
      card: { brand: "visa", last4: "0002" },
    });
    // The old form posted again with the good card: refused, still declined.
    const retry = await post(sim, form.action, { token: form.token, ...CARD_PAYS });
    expect(retry.status).toBe(409);
    expect(await retry.text()).toContain("This payment was declined.");
    expect((await sim.getPayment(payment.id)).status).toBe("declined");
  });

  it("refuses any other card on the page with a message; the payment stays payable", async () => {
    const { sim } = opened;
    const payment = await sim.createPayment(paymentInput());
    const refused = await submitPage(sim, payment.paymentPageUrl, {
      ...CARD_PAYS,
      cardNumber: "5555 5555 5555 4444",
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain("This card is not accepted here.");
    expect(html).toMatch(
      /<input id="card-number"[^>]*aria-invalid="true" aria-describedby="card-number-error"/,
    );
    expect(html).not.toContain("5555");
    expect(html).toContain('value="Ada Lovelace"');
    expect((await sim.getPayment(payment.id)).status).toBe("requires_payment");
    expect(
      await count(db.sql, "SELECT 1 FROM payment_sim.events WHERE payload LIKE $1", [
        `%${payment.id}%`,
      ]),
    ).toBe(0);
    // Then the good card works.
    expect((await submitPage(sim, payment.paymentPageUrl, CARD_PAYS)).status).toBe(303);
  });

  it("checks the other fields: expiry in the past, malformed expiry, CVC and name", async () => {
    const { sim } = opened;
    const payment = await sim.createPayment(paymentInput());
    const cases: [Record<string, string>, string][] = [
      [{ expiry: "11/26" }, "This card has expired."],
      [{ expiry: "13/30" }, "Enter the expiry date as MM/YY."],
      [{ expiry: "1230" }, "Enter the expiry date as MM/YY."],
      [{ cvc: "12" }, "Enter the 3 or 4 digit security code."],
      [{ name: "  " }, "Enter the name on the card."],
      [{ cardNumber: "4242" }, "Enter the card number (12 to 19 digits)."],
    ];
    for (const [fields, message] of cases) {
      const response = await submitPage(sim, payment.paymentPageUrl, { ...CARD_PAYS, ...fields });
      expect(response.status, JSON.stringify(fields)).toBe(422);
      expect(await response.text()).toContain(message);
    }
    // This month still counts as valid (clock: December 2026).
    expect(
      (await submitPage(sim, payment.paymentPageUrl, { ...CARD_PAYS, expiry: "12/26" })).status,
    ).toBe(303);
  });

  it("cancels: 303 back, canceled, event written, no card", async () => {
    const { sim } = opened;
    const payment = await sim.createPayment(paymentInput());
    const response = await submitPage(sim, payment.paymentPageUrl, { action: "cancel" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${RETURN_URL}?payment=${payment.id}`);
    expect(await sim.getPayment(payment.id)).toMatchObject({ status: "canceled", card: null });
    const { html } = await getPage(sim, payment.paymentPageUrl);
    expect(html).toContain("This payment was canceled.");
  });

  it("answers the same 404 to a wrong token, no token, an unknown id and an unknown path, and null outside its base path", async () => {
    const { sim } = opened;
    const payment = await sim.createPayment(paymentInput());
    const wrongToken = payment.paymentPageUrl.replace(/token=.*/, "token=AAAA");
    const noToken = payment.paymentPageUrl.replace(/\?token=.*/, "");
    const unknown = payment.paymentPageUrl.replace(payment.id, "pay_000000000000000000000000");
    const pages = await Promise.all(
      [
        wrongToken,
        noToken,
        unknown,
        `${BASE_URL}/payment-simulator/pay/${payment.id}/extra`,
        `${BASE_URL}/payment-simulator/pay/%3Cscript%3E`,
        `${BASE_URL}/payment-simulator/`,
      ].map((url) => getPage(sim, url)),
    );
    for (const { response, html } of pages) {
      expect(response.status).toBe(404);
      expect(html).toContain("Payment not found");
      expect(html).not.toContain(payment.id);
    }
    // Another payment's genuine token opens nothing but that payment.
    const other = await sim.createPayment(paymentInput());
    const otherToken = new URL(other.paymentPageUrl).searchParams.get("token") ?? "";
    const crossed = await getPage(
      sim,
      payment.paymentPageUrl.replace(/token=.*/, `token=${otherToken}`),
    );
    expect(crossed.response.status).toBe(404);
    const crossedPost = await post(sim, `/payment-simulator/pay/${payment.id}`, {
      token: otherToken,
      ...CARD_PAYS,
    });
    expect(crossedPost.status).toBe(404);
    // A POST with a wrong token changes nothing.
    const posted = await post(sim, `/payment-simulator/pay/${payment.id}`, {
      token: "AAAA",
      ...CARD_PAYS,
    });
    expect(posted.status).toBe(404);
    expect((await sim.getPayment(payment.id)).status).toBe("requires_payment");

    expect(
      await sim.handle(new Request(`${BASE_URL}/payment-simulatorx/pay/${payment.id}`)),
    ).toBeNull();
    expect(await sim.handle(new Request(`${BASE_URL}/api/payments/webhook`))).toBeNull();
    const put = await sim.handle(new Request(payment.paymentPageUrl, { method: "PUT" }));
    expect(put?.status).toBe(405);
    const head = await sim.handle(new Request(payment.paymentPageUrl, { method: "HEAD" }));
    expect(head?.status).toBe(200);
    expect(await head?.text()).toBe("");
  });

  it("refuses a form that is not a web form, too large, or without a known action", async () => {
    const { sim } = opened;
    const payment = await sim.createPayment(paymentInput());
    const { token } = formOf((await getPage(sim, payment.paymentPageUrl)).html);
    const action = `${BASE_URL}/payment-simulator/pay/${payment.id}`;
    const json = await sim.handle(
      new Request(action, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token, ...CARD_PAYS }),
      }),
    );
    expect(json?.status).toBe(415);
    const big = await post(sim, action, { token, ...CARD_PAYS, name: "x".repeat(20_000) });
    expect(big.status).toBe(413);
    const odd = await post(sim, action, { token, ...CARD_PAYS, action: "steal" });
    expect(odd.status).toBe(400);
    expect((await sim.getPayment(payment.id)).status).toBe("requires_payment");
  });

  it("lets exactly one of many parallel payments through", async () => {
    const { sim } = opened;
    const payment = await sim.createPayment(paymentInput());
    const { action, token } = formOf((await getPage(sim, payment.paymentPageUrl)).html);
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        post(sim, action, { token, ...(i % 3 === 0 ? CARD_DECLINED : CARD_PAYS) }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    const final = await sim.getPayment(payment.id);
    expect(["succeeded", "declined"]).toContain(final.status);
    expect(
      await count(db.sql, "SELECT 1 FROM payment_sim.events WHERE payload LIKE $1", [
        `%"id":"${payment.id}"%`,
      ]),
    ).toBe(1);
  });

  it("expires 30 minutes after creation: the page says so and cannot be paid", async () => {
    const { sim, clock } = opened;
    const payment = await sim.createPayment(paymentInput());
    expect(payment.expiresAt.getTime() - payment.createdAt.getTime()).toBe(30 * 60_000);
    const { action, token } = formOf((await getPage(sim, payment.paymentPageUrl)).html);
    clock.advance(30 * 60_000);
    const late = await post(sim, action, { token, ...CARD_PAYS });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("This payment has expired.");
    expect((await sim.getPayment(payment.id)).status).toBe("expired");
    const { html } = await getPage(sim, payment.paymentPageUrl);
    expect(html).toContain("This payment has expired.");
  });
});
