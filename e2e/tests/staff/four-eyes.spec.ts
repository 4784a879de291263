// Money under four eyes (issue 11), in real Chromium: a FINANCE member requests a deposit
// above the threshold to a customer's REAL account; it waits and nothing moves; the maker
// cannot approve it; a second FINANCE member approves it; the customer sees the money.
import { randomUUID } from "node:crypto";
import {
  liveBalance,
  openAccount,
  signedInCustomer,
  termValue,
  withApprovedKyc,
} from "../../support/accounts";
import { expect, signInStaff, test } from "../../support/kyc";

test.describe("four eyes on balance adjustments (issue 11)", () => {
  test.describe.configure({ timeout: 90_000 });

  test("a deposit above the threshold waits, the maker cannot approve it, a colleague does, and it lands once", async ({
    page,
    staffPage,
    playwright,
    baseURL,
  }) => {
    const customer = await signedInCustomer(page, "four-eyes");
    await withApprovedKyc(page.request, playwright, baseURL!, customer);
    const real = await openAccount(page.request, "real-usd");
    const reference = `Wire ${randomUUID().slice(0, 8)}`;
    const requestName = `Deposit of 2500.00 USD on account ${real.login}`;

    // The maker: finance@ requests 2,500.00 (above the 1,000.00 threshold).
    await signInStaff(staffPage, "finance@example.com");
    const sections = staffPage.getByRole("navigation", { name: "Staff sections" });
    await expect(sections.getByRole("link", { name: "Adjustments" })).toBeVisible();
    await expect(sections.getByRole("link", { name: "Audit trail" })).toHaveCount(0);
    await sections.getByRole("link", { name: "Staff home" }).click();
    await expect(staffPage.getByRole("heading", { level: 1, name: "Staff home" })).toBeVisible();
    await staffPage.goto(`/staff/adjustments?accountId=${real.accountId}`);
    const form = staffPage.getByRole("region", { name: "Request an adjustment" });
    await expect(form.getByLabel("Account ID")).toHaveValue(String(real.accountId));
    await form.getByLabel("Type").selectOption("deposit");
    await form.getByLabel("Amount").fill("2500.00");
    await form.getByLabel("Reason").fill(reference);
    await form.getByRole("button", { name: "Request adjustment" }).click();
    await expect(form.getByRole("status")).toHaveText(
      `Request made: 2500.00 USD on account ${real.login} waits for approval by a second staff member.`,
    );

    const row = staffPage.getByRole("row", { name: new RegExp(requestName) });
    await expect(row).toContainText("Waiting for approval");
    await expect(row).toContainText("Fran Finance");
    await expect(row).toContainText(reference);
    expect(await liveBalance(page.request, real.accountId)).toBe("0.00");

    // The maker's own approval is refused with SELF_APPROVAL, and nothing moves.
    await row.getByRole("button", { name: `Approve: ${requestName}` }).click();
    await expect(row.getByRole("alert")).toHaveText(
      "You cannot approve your own request, or act on an account of your own.",
    );
    await staffPage.reload();
    await expect(staffPage.getByRole("row", { name: new RegExp(requestName) })).toContainText(
      "Waiting for approval",
    );
    expect(await liveBalance(page.request, real.accountId)).toBe("0.00");

    // The checker: finance2@ approves it.
    await staffPage.getByRole("button", { name: "Sign out" }).click();
    await expect(staffPage.getByRole("button", { name: "Sign out" })).toHaveCount(0);
    await signInStaff(staffPage, "finance2@example.com");
    await staffPage.goto("/staff/adjustments?status=PENDING");
    const pending = staffPage.getByRole("row", { name: new RegExp(requestName) });
    await pending.getByRole("button", { name: `Approve: ${requestName}` }).click();
    await expect(staffPage.getByRole("row", { name: new RegExp(requestName) })).toHaveCount(0);
    expect(await liveBalance(page.request, real.accountId)).toBe("2500.00");

    await staffPage.goto("/staff/adjustments?status=APPLIED");
    const applied = staffPage.getByRole("row", { name: new RegExp(requestName) });
    await expect(applied).toContainText("Applied");
    await expect(applied).toContainText("Fran Finance");
    await expect(applied).toContainText("Felix Finance");
    await expect(applied).toContainText("Balance after: 2500.00 USD");

    // The customer sees the money, once.
    await page.goto(`/accounts/${real.accountId}`);
    await expect(termValue(page.getByRole("region", { name: "Balance" }), "Balance")).toHaveText(
      "$2,500.00",
    );
  });
});
