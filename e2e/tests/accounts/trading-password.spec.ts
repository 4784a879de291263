import { expect, expectAccessible, test } from "../../fixtures/test";
import { latestMail, openAccount, signedInCustomer, TRADING_PASSWORD_POLICY } from "../../support/accounts";

test.describe("trading passwords (issue #7)", () => {
  // Multi-step flows with an axe check on every page: room for a busy 2-core machine.
  test.describe.configure({ timeout: 60_000 });

  test("the wizard changes the main password with the e-mailed code, and the badge goes", async ({ page }) => {
    const customer = await signedInCustomer(page, "wizard");
    const account = await openAccount(page.request, "demo-usd");
    const untouched = await openAccount(page.request, "demo-eur");

    await page.goto("/accounts");
    const item = page.getByRole("article").filter({ hasText: String(account.login) });
    await expect(item.getByText("Temporary password", { exact: true })).toBeVisible();
    await item.getByRole("link", { name: "demo-usd" }).click();
    await expect(page).toHaveURL(`/accounts/${account.accountId}`);
    await expect(page.getByText("This account still uses its temporary password.")).toBeVisible();
    await expectAccessible(page);

    const section = page.getByRole("region", { name: "Change a trading password" });
    await section.getByRole("radio", { name: /^Main password/ }).check();
    await section.getByRole("button", { name: "Send code" }).click();
    await expect(section.getByRole("heading", { name: "Enter the code from the e-mail" })).toBeFocused();
    await expect(section).toContainText("We sent a code for the main password to a***@example.com. It is valid until");
    await expectAccessible(page);

    // The code, as the customer reads it: in the (development) mailbox.
    const mailbox = await page.context().newPage();
    await mailbox.goto(`/dev/mailbox?to=${encodeURIComponent(customer.email)}`);
    const mail = mailbox.getByRole("article").filter({ hasText: "Your trading password code" }).first();
    const code = /Your code is (\d{6})/.exec(await mail.locator("pre").innerText())?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await mailbox.close();

    const codeField = section.getByLabel("Code from the e-mail");
    await codeField.fill(code === "000000" ? "111111" : "000000");
    await section.getByRole("button", { name: "Confirm code" }).click();
    await expect(codeField).toHaveAttribute("aria-invalid", "true");
    await expect(section.getByText("That code is wrong or has already been used.")).toBeVisible();
    await codeField.fill(code!);
    await section.getByRole("button", { name: "Confirm code" }).click();
    await expect(section.getByRole("heading", { name: "Choose the new main password" })).toBeFocused();

    // The policy is spelled out, and checked before anything is sent.
    await expect(section.getByText("8 to 16 characters")).toBeVisible();
    const password = section.getByLabel("New password", { exact: true });
    const repeat = section.getByLabel("Repeat the new password");
    await password.fill("lowercase1");
    await repeat.fill("lowercase1");
    await section.getByRole("button", { name: "Change password" }).click();
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(section.getByText("Use 8 to 16 characters with a lowercase letter, an uppercase letter and a digit")).toBeVisible();
    await password.fill("Fresh2Trade");
    await repeat.fill("Fresh2Trade!");
    await section.getByRole("button", { name: "Change password" }).click();
    await expect(section.getByText("The two passwords are not the same.")).toBeVisible();
    await repeat.fill("Fresh2Trade");
    await section.getByRole("button", { name: "Change password" }).click();
    await expect(section.getByText("Your main password was changed.")).toBeVisible();
    await expect(page.getByText("This account still uses its temporary password.")).toBeHidden();

    await page.goto("/accounts");
    const changed = page.getByRole("article").filter({ hasText: String(account.login) });
    const other = page.getByRole("article").filter({ hasText: String(untouched.login) });
    await expect(changed.getByText("Temporary password", { exact: true })).toHaveCount(0);
    await expect(other.getByText("Temporary password", { exact: true })).toBeVisible();
  });

  test("a restore link shows the new password once; a second visit says the link is used", async ({ page }) => {
    const customer = await signedInCustomer(page, "restore");
    const account = await openAccount(page.request, "demo-usd");
    await page.goto(`/accounts/${account.accountId}`);
    const section = page.getByRole("region", { name: "Forgot a trading password?" });
    await section.getByRole("radio", { name: "Investor password" }).check();
    await section.getByRole("button", { name: "Send restore link" }).click();
    await expect(section.getByText(/We e-mailed you a link to your new investor password/)).toBeVisible();

    const mail = await latestMail(page.request, customer.email, "investor password");
    const link = /(\/accounts\/password-link\/[A-Za-z0-9_-]+)/.exec(mail.body)?.[1];
    expect(link).toBeTruthy();

    await page.goto(link!);
    await expect(page.getByRole("heading", { level: 1, name: "Your restored trading password" })).toBeVisible();
    await page.getByRole("button", { name: "Show the password" }).click();
    const shown = page.getByLabel("New password");
    expect(await shown.inputValue()).toMatch(TRADING_PASSWORD_POLICY);
    await expect(page.getByText(`This is the new investor password of trading account ${account.login}.`)).toBeVisible();
    await expectAccessible(page);

    await page.goto(link!);
    await page.getByRole("button", { name: "Show the password" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("This link has already been used or has expired.");
    await expectAccessible(page);
  });
});
