import { expect, expectAccessible, test } from "../../fixtures/test";
import {
  deposit,
  liveBalance,
  openAccount,
  signedInCustomer,
  staffRequest,
  termValue,
  withApprovedKyc,
} from "../../support/accounts";
import { confirmStepUpByEmail } from "../../support/identity";

test.describe("archiving (issue #7)", () => {
  // Multi-step flows with an axe check on every page: room for a busy 2-core machine.
  test.describe.configure({ timeout: 60_000 });

  test("a funded live account moves exactly its live balance into the USD wallet", async ({ page, playwright, baseURL }) => {
    const customer = await signedInCustomer(page, "archive");
    await withApprovedKyc(page.request, playwright, baseURL!, customer);
    const real = await openAccount(page.request, "real-usd");
    const wallet = await openAccount(page.request, "wallet-usd");
    await openAccount(page.request, "wallet-eur");
    const staff = await staffRequest(playwright, baseURL!);
    try {
      await deposit(staff, real.accountId, "934.56");
      await deposit(staff, wallet.accountId, "100.00");
    } finally {
      await staff.dispose();
    }

    await page.goto(`/accounts/${wallet.accountId}`);
    await expect(termValue(page.getByRole("region", { name: "Wallet balance" }), "Balance")).toHaveText("$100.00");

    await page.goto(`/accounts/${real.accountId}`);
    await expect(termValue(page.getByRole("region", { name: "Balance" }), "Balance")).toHaveText("$934.56");

    // A transfer between own accounts first: the EUR wallet is not offered.
    const transfer = page.getByRole("region", { name: "Transfer" });
    await expect(transfer.getByLabel("To").getByRole("option")).toHaveText([`wallet-usd (${wallet.login})`]);
    await transfer.getByLabel("Amount in USD").fill("34.567");
    await transfer.getByRole("button", { name: "Transfer" }).click();
    await expect(transfer.getByText("Enter an amount more than zero, with at most two decimals.")).toBeVisible();
    await transfer.getByLabel("Amount in USD").fill("34.56");
    await transfer.getByRole("button", { name: "Transfer" }).click();
    await expect(transfer.getByRole("status")).toHaveText(`$34.56 moved from real-usd (${real.login}) to wallet-usd (${wallet.login}).`);
    await expect(termValue(page.getByRole("region", { name: "Balance" }), "Balance")).toHaveText("$900.00");

    await page.getByRole("button", { name: "Archive account" }).click();
    const dialog = page.getByRole("dialog", { name: "Archive real-usd?" });
    await expect(dialog).toContainText("The balance of $900.00 will move to the wallet you choose");
    // Only open wallets in the account's currency are offered.
    await expect(dialog.getByRole("radio")).toHaveCount(1);
    await expect(dialog.getByRole("radio", { name: new RegExp(String(wallet.login)) })).toBeChecked();
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await expectAccessible(page);

    await dialog.getByRole("button", { name: "Archive account" }).click();
    // Money leaves a live account only with a confirmation (issue 16): by e-mail here.
    await confirmStepUpByEmail(page, customer.email);
    await expect(dialog).toBeHidden();
    const outcome = page.getByRole("status").filter({ hasText: "The account is archived." });
    await expect(outcome).toContainText(`$900.00 moved to your wallet wallet-usd (${wallet.login}).`);
    await expect(outcome).toBeFocused();
    await expect(page.getByText(/This account was archived on/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Archive account" })).toHaveCount(0);
    await expectAccessible(page);

    await outcome.getByRole("link", { name: "Go to the wallet" }).click();
    await expect(page).toHaveURL(`/accounts/${wallet.accountId}`);
    await expect(termValue(page.getByRole("region", { name: "Wallet balance" }), "Balance")).toHaveText("$1,034.56");
    expect(await liveBalance(page.request, wallet.accountId)).toBe("1034.56");
    expect(await liveBalance(page.request, real.accountId)).toBe("0.00");
  });

  test("a demo account says no money moves", async ({ page }) => {
    await signedInCustomer(page, "archive-demo", { verifyEmail: false });
    const demo = await openAccount(page.request, "demo-eur");
    await page.goto(`/accounts/${demo.accountId}`);
    await page.getByRole("button", { name: "Archive account" }).click();
    const dialog = page.getByRole("dialog", { name: "Archive demo-eur?" });
    await expect(dialog).toContainText("This is a demo account: its play money (€10,000.00) is removed when you archive it. No money moves anywhere.");
    await expect(dialog.getByRole("radio")).toHaveCount(0);
    await dialog.getByRole("button", { name: "Archive account" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The account is archived." })).toContainText(
      "Its demo balance of €10,000.00 was removed; no real money moved.",
    );
  });
});
