import { expect, expectAccessible, test } from "../../fixtures/test";
import { listedLogins, openAccount, signedInCustomer } from "../../support/accounts";

test.describe("the accounts list (issue #7)", () => {
  // Multi-step flows with an axe check on every page: room for a busy 2-core machine.
  test.describe.configure({ timeout: 60_000 });

  test("filters, sorts and pages, all kept in the URL", async ({ page }) => {
    await signedInCustomer(page, "list", { verifyEmail: false });
    await page.goto("/accounts");
    await expect(page.getByText("You have no accounts yet.")).toBeVisible();

    const oldest = await openAccount(page.request, "demo-usd");
    const middle = await openAccount(page.request, "demo-eur");
    const newest = await openAccount(page.request, "demo-usd");

    await page.goto("/accounts");
    await expect(page.getByText("Showing 1–3 of 3")).toBeVisible();
    expect(await listedLogins(page)).toEqual([newest.login, middle.login, oldest.login]);
    // Every new account still carries its temporary password.
    await expect(page.getByRole("article").getByText("Temporary password", { exact: true })).toHaveCount(3);

    // Sort: the URL changes and the order flips.
    await page.getByLabel("Order").selectOption("asc");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/\/accounts\?sort=asc$/);
    await expect.poll(() => listedLogins(page)).toEqual([oldest.login, middle.login, newest.login]);

    // Currency.
    await page.getByLabel("Currency").selectOption("EUR");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/\/accounts\?currency=EUR&sort=asc$/);
    await expect.poll(() => listedLogins(page)).toEqual([middle.login]);

    // Mode: nothing live here, which is the empty state with a way out.
    await page.getByLabel("Mode").selectOption("REAL");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/mode=REAL/);
    await expect(page.getByText("No accounts match these filters.")).toBeVisible();
    await expectAccessible(page);

    await page.goto("/accounts?currency=USD&mode=DEMO&sort=desc");
    await expect(page.getByLabel("Currency")).toHaveValue("USD");
    await expect(page.getByLabel("Mode")).toHaveValue("DEMO");
    expect(await listedLogins(page)).toEqual([newest.login, oldest.login]);

    // Paging: limit and offset live in the URL too.
    await page.goto("/accounts?limit=2");
    expect(await listedLogins(page)).toEqual([newest.login, middle.login]);
    await page.getByRole("navigation", { name: "Pages of accounts" }).getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(/\/accounts\?limit=2&offset=2$/);
    await expect.poll(() => listedLogins(page)).toEqual([oldest.login]);
    await expect(page.getByText("Page 2 of 2")).toBeVisible();
  });

  test("a renamed favourite comes first, whatever the order", async ({ page }) => {
    await signedInCustomer(page, "favourite", { verifyEmail: false });
    const oldest = await openAccount(page.request, "demo-usd");
    const middle = await openAccount(page.request, "demo-eur");
    const newest = await openAccount(page.request, "demo-usd");

    // Rename and favourite the oldest account on its page.
    await page.goto(`/accounts/${oldest.accountId}`);
    await page.getByRole("button", { name: "Rename" }).click();
    const name = page.getByLabel("Account name");
    await expect(name).toBeFocused();
    await name.fill("My practice account");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "My practice account" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Rename" })).toBeFocused();

    const star = page.getByRole("button", { name: "Favourite" });
    await expect(star).toHaveAttribute("aria-pressed", "false");
    await star.click();
    await expect(star).toHaveAttribute("aria-pressed", "true");
    await expectAccessible(page);

    // The favourite moves first, whatever the order.
    await page.goto("/accounts");
    expect(await listedLogins(page)).toEqual([oldest.login, newest.login, middle.login]);
    const first = page.getByRole("article").first();
    await expect(first.getByRole("heading", { name: "My practice account" })).toBeVisible();
    await expect(first.getByText("Favourite")).toBeVisible();
    await page.goto("/accounts?sort=asc");
    expect(await listedLogins(page)).toEqual([oldest.login, middle.login, newest.login]);
  });
});
