import { expect, expectAccessible, test } from "../../fixtures/test";
import {
  newPassword,
  PASSWORD_RESET,
  readCode,
  registerCustomer,
  signIn,
  signOut,
  submitSignIn,
  formAlert,
} from "../../support/identity";

test.describe("passwords", () => {
  // Several page loads, each checked by axe: more than the default on a busy 2-core runner.
  test.describe.configure({ timeout: 60_000 });

  test("a forgotten password is reset with the e-mailed code", async ({ page, request }) => {
    const customer = await registerCustomer(request, "reset");
    const replacement = newPassword();

    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page).toHaveURL("/forgot-password");
    // After a client-side navigation the title streams in: axe runs once it is there.
    await expect(page).toHaveTitle(/^Forgot your password\? · /);
    await expectAccessible(page);
    await page.getByLabel("E-mail address").fill(customer.email);
    await page.getByRole("button", { name: "Send reset code" }).click();
    const sent = page
      .getByRole("status")
      .filter({ hasText: `If there is an account for ${customer.email}` });
    await expect(sent).toBeVisible();
    await sent.getByRole("link", { name: "Enter the code and a new password" }).click();

    await expect(page).toHaveURL(`/reset-password?email=${encodeURIComponent(customer.email)}`);
    await expect(page).toHaveTitle(/^Set a new password · /);
    await expectAccessible(page);
    await expect(page.getByLabel("E-mail address")).toHaveValue(customer.email);
    const code = await readCode(request, customer.email, PASSWORD_RESET);
    await page.getByLabel("Reset code").fill(code);
    await page.getByLabel("New password", { exact: true }).fill(replacement);
    await page.getByLabel("Confirm new password").fill(`${replacement}-typo`);
    await page.getByRole("button", { name: "Reset password" }).click();
    await expect(page.getByLabel("Confirm new password")).toHaveAccessibleDescription(
      /do not match/,
    );

    await page.getByLabel("Confirm new password").fill(replacement);
    await page.getByRole("button", { name: "Reset password" }).click();
    await expect(page).toHaveURL("/sign-in?notice=password-reset");
    await expect(page.getByRole("status")).toHaveText(
      "Your password has been reset. Sign in with your new password.",
    );
    await expect(page).toHaveTitle(/^Sign in · /);
    await expectAccessible(page);

    await page.goto("/sign-in?next=%2Fsessions");
    await submitSignIn(page, customer.email, customer.password);
    await expect(formAlert(page)).toHaveText("The e-mail address or the password is incorrect.");

    await page.getByLabel("Password", { exact: true }).fill(replacement);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL("/sessions");
    await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
  });

  test("the answer to a reset request does not tell whether the address has an account", async ({
    page,
  }) => {
    await page.goto("/forgot-password");
    await page.getByLabel("E-mail address").fill("nobody-at-all@example.com");
    await page.getByRole("button", { name: "Send reset code" }).click();
    await expect(
      page
        .getByRole("status")
        .filter({ hasText: "If there is an account for nobody-at-all@example.com" }),
    ).toBeVisible();
  });

  test("a signed-in customer changes the password; the other devices are signed out", async ({
    page,
    browser,
    baseURL,
    request,
  }) => {
    const customer = await registerCustomer(request, "change");
    const replacement = newPassword();
    await signIn(page, customer, "/change-password");
    const other = await browser.newContext({ baseURL });
    try {
      const otherPage = await other.newPage();
      await signIn(otherPage, customer, "/sessions");

      await page.getByLabel("Current password").fill("not-my-password");
      await page.getByLabel("New password", { exact: true }).fill(replacement);
      await page.getByLabel("Confirm new password").fill(replacement);
      await page.getByRole("button", { name: "Change password" }).click();
      const current = page.getByLabel("Current password");
      await expect(current).toHaveAccessibleDescription("Your current password is not correct.");
      await expect(current).toBeFocused();

      await current.fill(customer.password);
      await page.getByLabel("New password", { exact: true }).fill(replacement);
      await page.getByLabel("Confirm new password").fill(replacement);
      await page.getByRole("button", { name: "Change password" }).click();
      await expect(page.getByRole("status")).toContainText("Your password has been changed.");

      await otherPage.goto("/sessions");
      await expect(otherPage).toHaveURL(/notice=session-ended/);

      await signOut(page);
      await signIn(page, { email: customer.email, password: replacement }, "/security");
    } finally {
      await other.close();
    }
  });
});
