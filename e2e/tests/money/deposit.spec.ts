// Deposits by card (issue 13) in real Chromium: from the account page through the deposit
// form to the payment provider's page and back to the return page, which says what became
// of the payment; the account's balance grows only when the card paid.
import { expect, expectAccessible, test } from "../../fixtures/test";
import { liveBalance, openAccount, signedInCustomer } from "../../support/accounts";
import { customerWithLiveAccount, DECLINED_CARD, PAYING_CARD, payOnSimulatorPage } from "../../support/money";

test.describe("deposits (issue 13)", () => {
  test.describe.configure({ timeout: 90_000 });

  test("a deposit paid with 4242 is credited once; the return page says so and the balance grows; card money goes back to the card first", async ({
    page,
    playwright,
    baseURL,
  }) => {
    const { account } = await customerWithLiveAccount(page, playwright, baseURL!, "deposit-paid");
    const demo = await openAccount(page.request, "demo-usd");

    await page.goto(`/accounts/${account.accountId}`);
    await page.getByRole("navigation", { name: "Money in and out" }).getByRole("link", { name: "Deposit" }).click();
    await expect(page).toHaveURL(`/money/deposit?accountId=${account.accountId}`);
    await expect(page.getByRole("heading", { level: 1, name: "Deposit money" })).toBeVisible();

    const accountSelect = page.getByLabel("Account");
    await expect(accountSelect).toHaveValue(String(account.accountId));
    // Demo accounts are not offered.
    await expect(accountSelect.locator("option")).toHaveCount(1);
    await expect(accountSelect.locator(`option[value="${demo.accountId}"]`)).toHaveCount(0);

    const amount = page.getByLabel("Amount (USD)");
    await expect(page.getByText("Between $10.00 and $50,000.00, with at most two decimals.")).toBeVisible();
    // Below the minimum: refused by the server, shown next to the amount with the limit.
    await amount.fill("5");
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await expect(page.getByText("The smallest amount is $10.00.")).toBeVisible();
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(amount).toBeFocused();

    await amount.fill("150.00");
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await expect(page).toHaveURL(/\/payment-simulator\/pay\//);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pay 150.00 USD");
    await payOnSimulatorPage(page, PAYING_CARD, "150.00 USD");

    await expect(page).toHaveURL(/\/money\/deposits\/[0-9a-f-]{36}\?payment=/);
    await expect(page.getByRole("status")).toHaveText(`Paid and credited: $150.00 was added to account ${account.login}.`);
    await expect(page.getByText("Paid with Visa ending in 4242")).toBeVisible();
    await expectAccessible(page);
    expect(await liveBalance(page.request, account.accountId)).toBe("150.00");

    await page.getByRole("link", { name: `Go to account ${account.login}` }).click();
    await expect(page).toHaveURL(`/accounts/${account.accountId}`);
    await expect(page.getByText("$150.00").first()).toBeVisible();

    // The deposit is listed with its state.
    await page.goto("/money/deposit");
    await expect(page.getByRole("link", { name: `$150.00 to account ${account.login}: credited` })).toBeVisible();

    // Closed loop: more than the card paid in cannot go elsewhere yet; the form explains.
    await page.goto(`/money/withdraw?accountId=${account.accountId}`);
    const withdrawAmount = page.getByLabel("Amount (USD)");
    await withdrawAmount.fill("200.00");
    await page.getByRole("button", { name: "Request withdrawal" }).click();
    await expect(
      page.getByText("Money you paid in by card goes back to that card first: you can withdraw at most $150.00 now.", { exact: false }),
    ).toBeVisible();
    await expect(withdrawAmount).toHaveAttribute("aria-invalid", "true");
    expect(await liveBalance(page.request, account.accountId)).toBe("150.00");
  });

  test("a declined card is shown as declined and adds nothing", async ({ page, playwright, baseURL }) => {
    const { account } = await customerWithLiveAccount(page, playwright, baseURL!, "deposit-declined");
    await page.goto("/money/deposit");
    await expect(page.getByLabel("Account")).toHaveValue(String(account.accountId));
    await page.getByLabel("Amount (USD)").fill("40.00");
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pay 40.00 USD");
    await payOnSimulatorPage(page, DECLINED_CARD, "40.00 USD");

    await expect(page).toHaveURL(/\/money\/deposits\/[0-9a-f-]{36}/);
    await expect(page.getByRole("status")).toHaveText(
      "Your card was declined. Nothing was charged and nothing was added to your account.",
    );
    await expect(page.getByRole("link", { name: "Try again with another card" })).toBeVisible();
    expect(await liveBalance(page.request, account.accountId)).toBe("0.00");
  });

  test("another customer's deposit page is not found", async ({ page, playwright, baseURL, browser }) => {
    const { account } = await customerWithLiveAccount(page, playwright, baseURL!, "deposit-owner");
    await page.goto(`/money/deposit?accountId=${account.accountId}`);
    await page.getByLabel("Amount (USD)").fill("25.00");
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await expect(page).toHaveURL(/\/payment-simulator\/pay\//);
    // The deposit's id is in the provider's return URL; read it from the deposit list instead.
    const list = (await (await page.request.get("/api/trpc/deposits.list?input=%7B%7D")).json()) as {
      result: { data: Array<{ id: string }> };
    };
    const depositId = list.result.data[0]!.id;

    const other = await browser.newContext({ baseURL });
    try {
      const otherPage = await other.newPage();
      await signedInCustomer(otherPage, "deposit-intruder");
      const response = await otherPage.goto(`/money/deposits/${depositId}`);
      expect(response?.status()).toBe(404);
    } finally {
      await other.close();
    }
  });
});
