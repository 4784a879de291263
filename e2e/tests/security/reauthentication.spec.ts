import { createPrismaClient } from "@brokerage/db";
import { expect, expectAccessible, test } from "../../fixtures/test";
import { readDatabaseUrl } from "../../support/state";
import { registerCustomer, signIn } from "../../support/identity";

test.describe("re-authentication", () => {
  test.describe.configure({ timeout: 60_000 });

  test("in a session signed in more than 5 minutes ago, signing out the other devices asks for the password inline, then does it", async ({
    page,
    browser,
    baseURL,
  }) => {
    const customer = await registerCustomer(page.request, "reauth");
    await signIn(page, customer, "/sessions");
    const other = await browser.newContext({ baseURL });
    const db = createPrismaClient(readDatabaseUrl(), { max: 1 });
    try {
      await signIn(await other.newPage(), customer, "/sessions");
      // Both sign-ins happened 10 minutes ago, as far as the server knows.
      await db.$executeRaw`
        UPDATE "Session" SET "createdAt" = "createdAt" - interval '10 minutes'
        WHERE "customerId" = (SELECT "id" FROM "Customer" WHERE "email" = ${customer.email})`;

      await page.goto("/sessions");
      await page.getByRole("button", { name: "Sign out of all other devices" }).click();
      const prompt = page.getByRole("form", { name: "Confirm it is you" });
      await expect(prompt).toBeVisible();
      await expect(prompt.getByLabel("Your password")).toBeFocused();
      await expectAccessible(page);
      // nothing happened yet: the other device is still listed
      await expect(page.getByRole("list", { name: "Signed-in devices" }).getByRole("listitem")).toHaveCount(2);

      await prompt.getByLabel("Your password").fill("Not-the-password-1");
      await prompt.getByRole("button", { name: "Confirm and continue" }).click();
      await expect(prompt.getByLabel("Your password")).toHaveAttribute("aria-invalid", "true");

      await prompt.getByLabel("Your password").fill(customer.password);
      await prompt.getByRole("button", { name: "Confirm and continue" }).click();
      await expect(page.getByRole("status").filter({ hasText: "1 other device has been signed out." })).toBeVisible();
      await expect(prompt).toBeHidden();
      await expect(page.getByRole("list", { name: "Signed-in devices" }).getByRole("listitem")).toHaveCount(1);
    } finally {
      await other.close();
      await db.$disconnect();
    }
  });
});
