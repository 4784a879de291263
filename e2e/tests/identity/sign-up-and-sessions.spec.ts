import { expect, expectAccessible, test } from "../../fixtures/test";
import {
  EMAIL_VERIFICATION,
  newPassword,
  PHONE_VERIFICATION,
  readCode,
  registerCustomer,
  signIn,
  signOut,
  uniqueEmail,
  formAlert,
} from "../../support/identity";

// The second device: another browser, so the sessions list tells the two apart.
const SAFARI_ON_MAC =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";

test.describe("sign-up and devices", () => {
  // Several page loads, each checked by axe: more than the default on a busy 2-core runner.
  test.describe.configure({ timeout: 60_000 });

  test("sign up, verify the e-mail, sign in again and sign out another device", async ({
    page,
    browser,
    baseURL,
    request,
  }) => {
    const email = uniqueEmail("signup");
    const password = newPassword();

    await page.goto("/sign-up");
    await page.getByLabel("First name").fill("Ada");
    await page.getByLabel("Last name").fill("Lovelace");
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByLabel("Preferred language").selectOption("en");
    await page.getByRole("button", { name: "Create account" }).click();

    // Signed in at once, and asked to verify the address.
    await expect(page).toHaveURL("/verify-email");
    await expect(
      page.getByRole("heading", { level: 1, name: "Verify your e-mail address" }),
    ).toBeVisible();
    const banner = page.getByRole("complementary", { name: "E-mail verification" });
    await expect(banner).toContainText(email);
    await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(page).toHaveTitle(/^Verify your e-mail address · /);
    await expectAccessible(page);

    await page
      .getByLabel("Verification code")
      .fill(await readCode(request, email, EMAIL_VERIFICATION));
    await page.getByRole("button", { name: "Verify e-mail" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: `Your e-mail address ${email} is now verified` }),
    ).toBeFocused();
    await expect(banner).toBeHidden();

    await signOut(page);
    await signIn(page, { email, password }, "/sessions");
    const devices = page.getByRole("list", { name: "Signed-in devices" }).getByRole("listitem");
    await expect(devices).toHaveCount(1);
    await expect(devices.first()).toContainText("This device");
    await expect(page.getByText("No other device is signed in.")).toBeVisible();

    const other = await browser.newContext({ baseURL, userAgent: SAFARI_ON_MAC });
    try {
      const otherPage = await other.newPage();
      await signIn(otherPage, { email, password }, "/security");

      await page.goto("/sessions");
      await expect(devices).toHaveCount(2);
      const thisDevice = devices.filter({ hasText: "This device" });
      await expect(
        thisDevice.getByRole("button", { name: "Sign out of this device" }),
      ).toBeVisible();
      const safari = devices.filter({ hasText: "Safari on macOS" });
      await expect(safari).toContainText(SAFARI_ON_MAC);
      await expect(safari.getByRole("term").filter({ hasText: "Address" })).toBeVisible();
      await expect(safari.getByRole("term").filter({ hasText: "Last active" })).toBeVisible();

      await safari.getByRole("button", { name: /^Sign out Safari on macOS/ }).click();
      await expect(
        page.getByRole("status").filter({ hasText: "Safari on macOS has been signed out." }),
      ).toBeVisible();
      await expect(devices).toHaveCount(1);

      // The revoked device finds out on its next request.
      await otherPage.goto("/security");
      await expect(otherPage).toHaveURL("/sign-in?next=%2Fsecurity&notice=session-ended");
      await expect(
        otherPage.getByText("Your session has ended. Please sign in again."),
      ).toBeVisible();
      await expect(
        otherPage.getByRole("banner").getByRole("link", { name: "Sign in" }),
      ).toBeVisible();
    } finally {
      await other.close();
    }
  });

  test("signs out every other device at once", async ({ page, browser, baseURL, request }) => {
    const customer = await registerCustomer(request, "others");
    await signIn(page, customer, "/sessions");
    const others = await Promise.all(
      [1, 2].map(() => browser.newContext({ baseURL, userAgent: SAFARI_ON_MAC })),
    );
    try {
      const otherPages = await Promise.all(others.map((context) => context.newPage()));
      for (const otherPage of otherPages) await signIn(otherPage, customer, "/sessions");

      await page.goto("/sessions");
      await expect(
        page.getByRole("list", { name: "Signed-in devices" }).getByRole("listitem"),
      ).toHaveCount(3);
      await page.getByRole("button", { name: "Sign out of all other devices" }).click();
      await expect(
        page.getByRole("status").filter({ hasText: "2 other devices have been signed out." }),
      ).toBeVisible();
      await expect(
        page.getByRole("list", { name: "Signed-in devices" }).getByRole("listitem"),
      ).toHaveCount(1);

      for (const otherPage of otherPages) {
        await otherPage.goto("/sessions");
        await expect(otherPage).toHaveURL(/\/sign-in\?next=%2Fsessions&notice=session-ended$/);
      }
      // This device is still signed in.
      await page.goto("/security");
      await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();
    } finally {
      await Promise.all(others.map((context) => context.close()));
    }
  });

  test("says next to each field what is wrong with the sign-up", async ({ page, request }) => {
    const taken = await registerCustomer(request, "taken");
    await page.goto("/sign-up");
    await page.getByLabel("First name").fill("Grace");
    await page.getByLabel("Last name").fill("Hopper");
    await page.getByLabel("E-mail address").fill(taken.email.toUpperCase());
    const passwordField = page.getByLabel("Password", { exact: true });
    await passwordField.fill("password123");
    await page.getByRole("button", { name: "Create account" }).click();

    // The password policy is checked before the address.
    await expect(passwordField).toHaveAttribute("aria-invalid", "true");
    await expect(passwordField).toHaveAccessibleDescription(/too easy to guess/);
    await expect(passwordField).toBeFocused();

    await passwordField.fill(newPassword());
    await page.getByRole("button", { name: "Create account" }).click();
    const emailField = page.getByLabel("E-mail address");
    await expect(emailField).toHaveAccessibleDescription(/already exists/);
    await expect(passwordField).not.toHaveAttribute("aria-invalid");

    await emailField.fill(uniqueEmail("phone"));
    const phoneField = page.getByLabel("Mobile phone number (optional)");
    await phoneField.fill("12345");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(phoneField).toHaveAccessibleDescription(/international format/);
    await expect(formAlert(page)).toContainText(
      "Some of the information you entered is not valid.",
    );
    await expectAccessible(page);
  });

  test("verifies a phone number with the 4-digit text message", async ({ page, request }) => {
    const email = uniqueEmail("phone");
    const phone = `+3579${String(Date.now()).slice(-7)}`;
    await page.goto("/sign-up");
    await page.getByLabel("First name").fill("Hedy");
    await page.getByLabel("Last name").fill("Lamarr");
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(newPassword());
    // Typed the way people do: spaces are fine.
    await page
      .getByLabel("Mobile phone number (optional)")
      .fill(`${phone.slice(0, 4)} ${phone.slice(4)}`);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL("/verify-email");

    await page.goto("/verify-phone");
    await expect(
      page.getByText(`We sent a 4-digit code by text message to ${phone}`),
    ).toBeVisible();
    const first = await readCode(request, phone, PHONE_VERIFICATION);
    await page.getByLabel("Verification code").fill(first === "0000" ? "1111" : "0000");
    await page.getByRole("button", { name: "Verify phone number" }).click();
    await expect(page.getByLabel("Verification code")).toHaveAccessibleDescription(
      /wrong or has already been used/,
    );

    // A new code replaces the first one.
    await page.getByRole("button", { name: "Send a new code" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: `We sent a new code to ${phone}` }),
    ).toBeVisible();
    const sms = await readCode(request, phone, PHONE_VERIFICATION);
    await page.getByLabel("Verification code").fill(sms);
    await page.getByRole("button", { name: "Verify phone number" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: `Your phone number ${phone} is now verified` }),
    ).toBeVisible();
  });
});
