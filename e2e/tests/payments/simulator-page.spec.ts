// The payment simulator's hosted page in a real browser, served by the portal under test:
// its own CSP lets its style and its form (and the 303 back to the merchant) through with
// no console error, axe finds nothing, and the two test cards do what they say.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { createPaymentSimulator, type PaymentSimulator } from "@brokerage/payments/simulator";
import { expect, test } from "../../fixtures/test";
import { readDatabaseUrl } from "../../support/state";

const baseURL = `http://localhost:${process.env.E2E_PORT}`;
let simulator: PaymentSimulator;

test.beforeAll(() => {
  // The portal's own simulator serves the page and sends the webhooks; this one only
  // creates payments and reads them, in the same database.
  simulator = createPaymentSimulator({
    connectionString: readDatabaseUrl(),
    publicBaseUrl: baseURL,
    webhook: { secret: "unused-by-this-process", deliver: async () => ({ status: 500 }) },
    poolSize: 1,
  });
});
test.afterAll(() => simulator?.close());

const createPayment = (amount = "25.00") =>
  simulator.createPayment({
    idempotencyKey: randomUUID(),
    amount,
    currency: "USD",
    reference: `e2e-${randomUUID()}`,
    returnUrl: `${baseURL}/?from=payment`,
  });

async function fillCard(page: Page, cardNumber: string) {
  await page.getByLabel("Card number").fill(cardNumber);
  await page.getByLabel("Expiry (MM/YY)").fill("12/35");
  await page.getByLabel("Security code (CVC)").fill("123");
  await page.getByLabel("Name on card").fill("Ada Lovelace");
}

test.describe("payment simulator page", () => {
  test("4242 4242 4242 4242 pays and comes back to the return URL; the page then says it is paid", async ({
    page,
  }) => {
    const payment = await createPayment();
    const response = await page.goto(payment.paymentPageUrl);
    expect(response?.headers()["content-security-policy"]).toContain("default-src 'none'");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pay 25.00 USD");
    await fillCard(page, "4242 4242 4242 4242");
    await page.getByRole("button", { name: "Pay 25.00 USD" }).click();
    await expect(page).toHaveURL(`${baseURL}/?from=payment&payment=${payment.id}`);
    expect(await simulator.getPayment(payment.id)).toMatchObject({
      status: "succeeded",
      card: { last4: "4242" },
    });

    await page.goto(payment.paymentPageUrl);
    await expect(page.getByRole("status")).toHaveText("This payment has been paid.");
    await expect(page.getByRole("button", { name: /Pay/ })).toHaveCount(0);
  });

  test("4000 0000 0000 0002 is declined", async ({ page }) => {
    const payment = await createPayment("10.00");
    await page.goto(payment.paymentPageUrl);
    await fillCard(page, "4000 0000 0000 0002");
    await page.getByRole("button", { name: "Pay 10.00 USD" }).click();
    await expect(page).toHaveURL(`${baseURL}/?from=payment&payment=${payment.id}`);
    expect((await simulator.getPayment(payment.id)).status).toBe("declined");
  });

  test("another card is refused on the page, which stays payable; Cancel payment cancels", async ({
    page,
  }) => {
    const payment = await createPayment();
    await page.goto(payment.paymentPageUrl);
    await fillCard(page, "5555 5555 5555 4444");
    await page.getByRole("button", { name: "Pay 25.00 USD" }).click();
    await expect(page.getByRole("alert")).toContainText("This card is not accepted here.");
    await expect(page.getByLabel("Card number")).toHaveAttribute("aria-invalid", "true");
    expect((await simulator.getPayment(payment.id)).status).toBe("requires_payment");
    // Cancel needs none of the card fields.
    await page.getByLabel("Name on card").fill("");
    await page.getByRole("button", { name: "Cancel payment" }).click();
    await expect(page).toHaveURL(`${baseURL}/?from=payment&payment=${payment.id}`);
    expect((await simulator.getPayment(payment.id)).status).toBe("canceled");
  });

  test("a wrong token is the not-found page", async ({ page }) => {
    const payment = await createPayment();
    const response = await page.goto(payment.paymentPageUrl.replace(/token=.*/, "token=wrong"));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Payment not found");
  });
});
