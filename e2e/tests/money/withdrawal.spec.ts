// Withdrawals (issue 13) in real Chromium: the customer adds a bank account (asked for the
// password inline, the session being old) and asks for a withdrawal, which is held at once;
// FINANCE approves it on the staff queue and the customer sees it paid. A canceled one gives
// the money back. Roles without the permission get the "not part of your role" page.
import { expectAccessible } from "../../fixtures/test";
import { expect, signInStaff, test } from "../../support/kyc";
import { liveBalance } from "../../support/accounts";
import { ageSessions, customerWithLiveAccount, TEST_BIC, TEST_IBAN } from "../../support/money";
import { confirmStepUpByEmail } from "../../support/identity";

test.describe("withdrawals (issue 13)", () => {
  test.describe.configure({ timeout: 120_000 });

  test("bank account added after re-authentication, withdrawal requested, FINANCE approves it, the customer sees it paid", async ({
    page,
    staffPage,
    playwright,
    baseURL,
  }) => {
    const { customer, account } = await customerWithLiveAccount(page, playwright, baseURL!, "withdraw-paid", "500.00");
    await ageSessions(customer.email);

    await page.goto(`/accounts/${account.accountId}`);
    await page.getByRole("navigation", { name: "Money in and out" }).getByRole("link", { name: "Withdraw" }).click();
    await expect(page).toHaveURL(`/money/withdraw?accountId=${account.accountId}`);
    await expect(page.getByRole("heading", { level: 1, name: "Withdraw money" })).toBeVisible();
    await expect(page.getByText("Today you can still withdraw $20,000.00 of your daily $20,000.00.")).toBeVisible();
    await expect(page.getByText("No saved bank accounts.")).toBeVisible();

    const add = page.getByRole("form", { name: "Add a bank account" });
    await expect(add.getByLabel("Account holder")).toHaveValue(`${customer.firstName} ${customer.lastName}`);
    // A wrong IBAN is refused next to the field (after the password is confirmed).
    await add.getByLabel("IBAN").fill("DE89 3704 0044 0532 0130 01");
    await add.getByLabel("BIC (SWIFT code)").fill(TEST_BIC);
    await add.getByRole("button", { name: "Add bank account" }).click();
    const prompt = page.getByRole("form", { name: "Confirm it is you" });
    await expect(prompt.getByLabel("Your password")).toBeFocused();
    await expectAccessible(page);
    await prompt.getByLabel("Your password").fill(customer.password);
    await prompt.getByRole("button", { name: "Confirm and continue" }).click();
    await expect(prompt).toBeHidden();
    await expect(add.getByText("This is not a valid IBAN. Check it against your bank statement.")).toBeVisible();
    await expect(add.getByLabel("IBAN")).toHaveAttribute("aria-invalid", "true");

    await add.getByLabel("IBAN").fill(TEST_IBAN);
    await add.getByRole("button", { name: "Add bank account" }).click();
    // A new payout destination is confirmed with a code (issue 16): by e-mail, no two-factor here.
    await confirmStepUpByEmail(page, customer.email);
    await expect(page.getByRole("status").filter({ hasText: "Bank account DE•• •••• 3000 added." })).toBeVisible();
    const destination = page.getByRole("radio", { name: /DE•• •••• 3000/ });
    await expect(destination).toBeChecked();

    await page.getByLabel("Amount (USD)").fill("200.00");
    await page.getByRole("button", { name: "Request withdrawal" }).click();
    await confirmStepUpByEmail(page, customer.email);
    await expect(page.getByRole("status").filter({ hasText: "Withdrawal requested" })).toHaveText(
      `Withdrawal requested: $200.00 from account ${account.login} to DE•• •••• 3000 (${customer.firstName} ${customer.lastName}). It now waits for approval.`,
    );
    const item = page.getByRole("list", { name: "Withdrawals" }).getByRole("listitem").first();
    await expect(item).toContainText("Waiting for approval");
    await expect(page.getByText("Today you can still withdraw $19,800.00 of your daily $20,000.00.")).toBeVisible();
    // Held at once.
    expect(await liveBalance(page.request, account.accountId)).toBe("300.00");

    // FINANCE approves it on the queue.
    await signInStaff(staffPage, "finance@example.com");
    await staffPage.getByRole("navigation", { name: "Staff sections" }).getByRole("link", { name: "Withdrawals" }).click();
    await expect(staffPage.getByRole("heading", { level: 1, name: "Withdrawals" })).toBeVisible();
    await expectAccessible(staffPage);
    const row = staffPage.getByRole("row").filter({ hasText: customer.email });
    await expect(row).toContainText("$200.00");
    await expect(row).toContainText("DE•• •••• 3000");
    await row.getByRole("button", { name: /^Approve and pay out/ }).click();
    // Decided: it leaves the queue of those waiting, and shows among the paid ones once the bank paid.
    await expect(staffPage.getByRole("row").filter({ hasText: customer.email })).toHaveCount(0);
    await expect(async () => {
      await staffPage.goto("/staff/withdrawals?status=PAID");
      await expect(staffPage.getByRole("row").filter({ hasText: customer.email })).toContainText("Paid", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });

    // The customer sees it paid (the list asks again while the payout is under way).
    await page.reload();
    await expect(page.getByRole("list", { name: "Withdrawals" }).getByRole("listitem").first()).toContainText("Paid", { timeout: 20_000 });
    expect(await liveBalance(page.request, account.accountId)).toBe("300.00");
  });

  test("a withdrawal canceled while it waits gives the money back; a removed bank account is gone", async ({
    page,
    playwright,
    baseURL,
  }) => {
    const { customer, account } = await customerWithLiveAccount(page, playwright, baseURL!, "withdraw-cancel", "100.00");
    await page.goto("/money/withdraw");
    const add = page.getByRole("form", { name: "Add a bank account" });
    await add.getByLabel("IBAN").fill(TEST_IBAN);
    await add.getByLabel("BIC (SWIFT code)").fill(TEST_BIC);
    // Signed in a moment ago: no password asked; the confirmation code comes by e-mail.
    await add.getByRole("button", { name: "Add bank account" }).click();
    await confirmStepUpByEmail(page, customer.email);
    await expect(page.getByRole("radio", { name: /DE•• •••• 3000/ })).toBeChecked();

    // Over the balance: refused next to the amount, nothing held.
    await page.getByLabel("Amount (USD)").fill("150.00");
    await page.getByRole("button", { name: "Request withdrawal" }).click();
    await confirmStepUpByEmail(page, customer.email);
    await expect(page.getByText("The available balance does not cover this amount.").first()).toBeVisible();
    await expect(page.getByLabel("Amount (USD)")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Amount (USD)").fill("60.00");
    await page.getByRole("button", { name: "Request withdrawal" }).click();
    await confirmStepUpByEmail(page, customer.email);
    await expect(page.getByRole("status").filter({ hasText: "Withdrawal requested" })).toBeVisible();
    expect(await liveBalance(page.request, account.accountId)).toBe("40.00");

    const list = page.getByRole("list", { name: "Withdrawals" });
    await list.getByRole("button", { name: `Cancel withdrawal of $60.00 from account ${account.login}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "canceled" })).toHaveText(
      `The withdrawal of $60.00 was canceled; the money is back on account ${account.login}.`,
    );
    await expect(list.getByRole("listitem").first()).toContainText("Canceled; the money is back on your account");
    await expect(list.getByRole("button", { name: /Cancel withdrawal/ })).toHaveCount(0);
    expect(await liveBalance(page.request, account.accountId)).toBe("100.00");

    await page.getByRole("button", { name: "Remove bank account DE•• •••• 3000" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The bank account DE•• •••• 3000 was removed." })).toBeVisible();
    await expect(page.getByText("No saved bank accounts.")).toBeVisible();
    await expect(page.getByRole("radio")).toHaveCount(0);
  });

  test("the staff queue is FINANCE's and ADMIN's: SUPPORT gets the role page and no nav entry", async ({ staffPage }) => {
    await signInStaff(staffPage, "support@example.com");
    await expect(staffPage.getByRole("navigation", { name: "Staff sections" }).getByRole("link", { name: "Withdrawals" })).toHaveCount(0);
    await staffPage.goto("/staff/withdrawals");
    await expect(staffPage.getByRole("heading", { level: 1, name: "Not part of your role" })).toBeVisible();
  });
});
