import { expect, expectAccessible, test } from "../../fixtures/test";
import { deposit, liveBalance, openAccount, signedInCustomer, staffRequest, termValue, withApprovedKyc } from "../../support/accounts";

test.describe("currency conversion between own wallets (issue #13)", () => {
  // Sign-up, KYC approval by staff and funding first: room for a busy 2-core machine.
  test.describe.configure({ timeout: 90_000 });

  test("a quote with rate, spread and amount received, a countdown, then the conversion and both new balances", async ({ page, playwright, baseURL }) => {
    const customer = await signedInCustomer(page, "convert");
    await withApprovedKyc(page.request, playwright, baseURL!, customer);
    const usd = await openAccount(page.request, "wallet-usd");
    const eur = await openAccount(page.request, "wallet-eur");
    const staff = await staffRequest(playwright, baseURL!);
    try {
      await deposit(staff, usd.accountId, "500.00");
    } finally {
      await staff.dispose();
    }

    // From the wallet's page, through its link.
    await page.goto(`/accounts/${usd.accountId}`);
    await page.getByRole("link", { name: "Convert to another currency" }).click();
    await expect(page).toHaveURL(`/money/convert?from=${usd.accountId}`);
    await expect(page.getByRole("heading", { level: 1, name: "Convert currency" })).toBeVisible();
    await expectAccessible(page);

    const form = page.getByRole("form", { name: "Convert currency" });
    await expect(form.getByLabel("From wallet")).toHaveValue(String(usd.accountId));
    await expect(form.getByLabel("To wallet").getByRole("option")).toHaveText([`wallet-eur (${eur.login}) – EUR`]);
    const amount = form.getByLabel("Amount to convert, in USD");
    await amount.fill("100.001");
    await form.getByRole("button", { name: "Get quote" }).click();
    await expect(form.getByText("Enter an amount more than zero, with at most two decimals.")).toBeVisible();
    await expect(amount).toHaveAttribute("aria-invalid", "true");

    // 0.01 USD buys less than a cent: the server refuses it, the form says why.
    await amount.fill("0.01");
    await form.getByRole("button", { name: "Get quote" }).click();
    await expect(form.getByText("This amount is too small: it would buy less than one cent.")).toBeVisible();

    await amount.fill("100");
    await form.getByRole("button", { name: "Get quote" }).click();
    const quote = page.getByRole("region", { name: "Your quote" });
    await expect(termValue(quote, "You pay")).toHaveText(`$100.00 – wallet-usd (${usd.login})`);
    await expect(termValue(quote, "You receive")).toHaveText(`€91.54 – wallet-eur (${eur.login})`);
    await expect(termValue(quote, "Rate")).toHaveText("1 USD = 0.915400 EUR");
    await expect(termValue(quote, "Market rate")).toHaveText("1 USD = 0.92 EUR");
    await expect(termValue(quote, "Our spread")).toHaveText("0.50 %");
    await expect(quote.getByText(/^This quote is valid for \d+ more seconds?\.$/)).toBeVisible();
    await expect(quote.getByRole("heading", { name: "Your quote" })).toBeFocused();
    await expectAccessible(page);
    // Nothing moves before Convert.
    expect(await liveBalance(page.request, usd.accountId)).toBe("500.00");

    await quote.getByRole("button", { name: "Convert" }).click();
    const outcome = page.getByRole("status").filter({ hasText: "Converted $100.00 to €91.54." });
    await expect(outcome).toBeVisible();
    await expect(outcome).toBeFocused();
    await expect(termValue(outcome, `wallet-usd \\(${usd.login}\\)`)).toHaveText("$400.00");
    await expect(termValue(outcome, `wallet-eur \\(${eur.login}\\)`)).toHaveText("€91.54");
    await expect(quote).toBeHidden();
    await expectAccessible(page);
    expect(await liveBalance(page.request, usd.accountId)).toBe("400.00");
    expect(await liveBalance(page.request, eur.accountId)).toBe("91.54");

    await outcome.getByRole("link", { name: `wallet-eur (${eur.login})` }).click();
    await expect(page).toHaveURL(`/accounts/${eur.accountId}`);
    await expect(termValue(page.getByRole("region", { name: "Wallet balance" }), "Balance")).toHaveText("€91.54");
  });

  test("an expired quote cannot be converted; a new quote can, and insufficient funds are refused", async ({ page, playwright, baseURL }) => {
    const customer = await signedInCustomer(page, "convert-expiry");
    await withApprovedKyc(page.request, playwright, baseURL!, customer);
    const eur = await openAccount(page.request, "wallet-eur");
    const usd = await openAccount(page.request, "wallet-usd");
    const staff = await staffRequest(playwright, baseURL!);
    try {
      await deposit(staff, eur.accountId, "50.00");
    } finally {
      await staff.dispose();
    }
    // The page's clock is ours to move; the server keeps its own 30 s.
    await page.clock.install();
    await page.goto(`/money/convert?from=${eur.accountId}`);
    const form = page.getByRole("form", { name: "Convert currency" });
    await expect(form.getByLabel("To wallet")).toHaveValue(String(usd.accountId));
    await form.getByLabel("Amount to convert, in EUR").fill("60");
    await form.getByRole("button", { name: "Get quote" }).click();
    const quote = page.getByRole("region", { name: "Your quote" });
    // 60 EUR at 1/0.92 = 1.08695652 less 0.50 % = 1.081522: $64.89 (64.89132 rounded down).
    await expect(termValue(quote, "You receive")).toHaveText(`$64.89 – wallet-usd (${usd.login})`);

    await page.clock.fastForward(31_000);
    await expect(quote.getByRole("alert")).toHaveText("This quote has expired. Get a new quote to convert.");
    await expect(quote.getByRole("button", { name: "Convert" })).toHaveCount(0);
    await expectAccessible(page);

    await quote.getByRole("button", { name: "Get a new quote" }).click();
    await expect(quote.getByText(/^This quote is valid for \d+ more seconds?\.$/)).toBeVisible();
    // More than the wallet holds: refused by the core, nothing moved.
    await quote.getByRole("button", { name: "Convert" }).click();
    await expect(quote.getByRole("alert")).toHaveText(
      "The available balance of this wallet does not cover this amount. Get a new quote for a smaller amount.",
    );
    expect(await liveBalance(page.request, eur.accountId)).toBe("50.00");
    expect(await liveBalance(page.request, usd.accountId)).toBe("0.00");
  });
});
