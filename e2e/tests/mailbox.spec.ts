import { DEMO_CUSTOMER } from "@brokerage/db/seed";
import { expect, test } from "../fixtures/test";

test.describe("development mailbox", () => {
  test("lists the messages the portal wrote, filtered by recipient", async ({ page, request }) => {
    await page.goto("/dev/mailbox");
    await expect(page.getByRole("heading", { level: 1, name: "Development mailbox" })).toBeVisible();

    // Anything that writes to the outbox will do: a password-reset request answers the
    // same whether or not the address exists, and e-mails a code when it does.
    const reset = await request.post("/api/trpc/auth.requestPasswordReset", {
      data: { email: DEMO_CUSTOMER.email },
    });
    expect(reset.status()).toBe(200);

    await page.goto(`/dev/mailbox?to=${encodeURIComponent(DEMO_CUSTOMER.email.toUpperCase())}`);
    const message = page.getByRole("article", { name: `Message to ${DEMO_CUSTOMER.email}` }).first();
    await expect(message).toBeVisible();
    await expect(message.locator("pre")).not.toBeEmpty();
    await expect(page.getByRole("searchbox", { name: "Recipient" })).toHaveValue(DEMO_CUSTOMER.email.toUpperCase());

    await page.goto("/dev/mailbox?to=nobody%40example.com");
    await expect(page.getByRole("status").filter({ hasText: "No messages to nobody@example.com" })).toBeVisible();
    await expect(page.getByRole("article")).toHaveCount(0);

    await page.getByRole("link", { name: "Show all messages" }).click();
    await expect(page).toHaveURL(/\/dev\/mailbox$/);
    await expect(page.getByRole("article").first()).toBeVisible();
  });
});
