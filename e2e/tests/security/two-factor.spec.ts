import { readFile } from "node:fs/promises";
import { DEFAULT_BRAND } from "@brokerage/db/seed";
import { expect, expectAccessible, test } from "../../fixtures/test";
import {
  nextTotpCode,
  readRecoveryCodes,
  readSetupKey,
  registerCustomer,
  setUpTwoFactor,
  signIn,
  signOut,
  submitSignIn,
  totpCode,
  totpStep,
  wrongTotpCode,
} from "../../support/identity";

const INVALID_CODE = "That code is not valid. Enter the current code from your authenticator app.";

test.describe("two-factor authentication", () => {
  test("set up from the key on screen, sign in with a code, replace the app, sign in with a recovery code, turn off", async ({
    page,
    request,
  }) => {
    // Includes one wait for the next 30-second step: a code is never accepted twice.
    test.setTimeout(120_000);
    const customer = await registerCustomer(request, "totp");
    await signIn(page, customer, "/security");
    const twoFactor = page.getByRole("region", { name: "Two-factor authentication", exact: true });
    await expect(twoFactor.getByText("Off", { exact: true })).toBeVisible();

    // The setup: a QR image, the key grouped by four, and the otpauth URI with the same key.
    await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
    await expect(
      page.getByRole("heading", { name: "Set up your authenticator app" }),
    ).toBeFocused();
    const qr = page.getByRole("img", {
      name: `QR code that adds ${customer.email} at ${DEFAULT_BRAND.displayName} to an authenticator app`,
    });
    await expect(qr).toHaveAttribute("src", /^data:image\/png;base64,[A-Za-z0-9+/=]+$/);
    const secret = await readSetupKey(page);
    const uri = new URL(
      (await page
        .getByRole("link", { name: /Open the account in your authenticator app/ })
        .getAttribute("href"))!,
    );
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe(DEFAULT_BRAND.displayName);
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
    await expectAccessible(page);

    const codeField = page.getByLabel("Code from your app");
    await codeField.fill(wrongTotpCode(secret));
    await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
    await expect(codeField).toHaveAccessibleDescription(new RegExp(INVALID_CODE));
    await expect(codeField).toBeFocused();

    const enabledStep = totpStep();
    const enabledCode = totpCode(secret, enabledStep);
    await codeField.fill(enabledCode);
    await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();

    // The recovery codes, this once: copy, download, confirm.
    await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeFocused();
    await expect(page.getByText("These codes are shown only once.")).toBeVisible();
    await expect(
      page.getByRole("status").filter({ hasText: "Two-factor authentication is now on." }),
    ).toBeVisible();
    const recoveryCodes = await readRecoveryCodes(page);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){5}$/);
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download as a text file" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("recovery-codes.txt");
    const file = await readFile((await download.path())!, "utf8");
    expect(file.trim().split("\n").slice(-10)).toEqual(recoveryCodes);
    await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
    await expect(twoFactor.getByText("On", { exact: true })).toBeVisible();
    await expect(twoFactor).toContainText("You have 10 unused recovery codes.");

    // Enabling replaced the session: the cookie moved with it, so a fresh load works and
    // this is the only device left.
    await page.goto("/security");
    await expect(twoFactor.getByText("On", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toHaveCount(0);
    await page.goto("/sessions");
    await expect(
      page.getByRole("list", { name: "Signed-in devices" }).getByRole("listitem"),
    ).toHaveCount(1);

    // Signing in now asks for the code; the one used to enable is spent.
    await signOut(page);
    await page.goto("/sign-in?next=%2Fsecurity");
    await submitSignIn(page, customer.email, customer.password);
    const otpField = page.getByLabel("Authentication code");
    await expect(otpField).toBeFocused();
    await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
    await expectAccessible(page);
    await otpField.fill(enabledCode);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(otpField).toHaveAccessibleDescription(new RegExp(INVALID_CODE));

    const login = await nextTotpCode(page, secret, enabledStep);
    await otpField.fill(login.code);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL("/security");

    // Replace the app, confirming with a recovery code instead of a code of the old one.
    await page.getByRole("button", { name: "Replace authenticator app" }).click();
    await expect(
      page.getByRole("heading", { name: "Set up your new authenticator app" }),
    ).toBeFocused();
    const newSecret = await readSetupKey(page);
    expect(newSecret).not.toBe(secret);
    await page.getByLabel("Code from your current app, or a recovery code").fill(recoveryCodes[0]!);
    await page.getByLabel("Code from your new app").fill(totpCode(newSecret));
    await page.getByRole("button", { name: "Switch to the new app" }).click();
    await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeFocused();
    await expect(
      page
        .getByRole("status")
        .filter({ hasText: "Your new authenticator app is now the one that counts." }),
    ).toBeVisible();
    const newRecoveryCodes = await readRecoveryCodes(page);
    expect(newRecoveryCodes.some((code) => recoveryCodes.includes(code))).toBe(false);
    await page.getByRole("button", { name: "I have saved my recovery codes" }).click();

    // Sign in once with a recovery code: one of the old set no longer works.
    await signOut(page);
    await page.goto("/sign-in?next=%2Fsecurity");
    await submitSignIn(page, customer.email, customer.password);
    await page.getByRole("button", { name: "Use a recovery code" }).click();
    const recoveryField = page.getByLabel("Recovery code");
    await expect(recoveryField).toBeFocused();
    await recoveryField.fill(recoveryCodes[1]!);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(recoveryField).toHaveAccessibleDescription(/That recovery code is not valid or has already been used\./);
    await recoveryField.fill(newRecoveryCodes[0]!);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL("/security");
    await expect(twoFactor).toContainText("You have 9 unused recovery codes.");

    // Turn it off with another recovery code; then the password alone signs in.
    await page
      .getByLabel("Code from your authenticator app, or a recovery code")
      .fill(newRecoveryCodes[1]!);
    await page.getByRole("button", { name: "Turn off two-factor authentication" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Two-factor authentication is now off." }),
    ).toBeVisible();
    await expect(twoFactor.getByText("Off", { exact: true })).toBeVisible();
    await signOut(page);
    await signIn(page, customer, "/security");
  });

  test("new recovery codes need a current code and make the old ones useless", async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const customer = await registerCustomer(request, "recovery");
    await signIn(page, customer, "/security");
    const { secret, step, recoveryCodes } = await setUpTwoFactor(page);
    await page.getByRole("button", { name: "I have saved my recovery codes" }).click();

    const regenerateField = page.getByLabel("Code from your authenticator app", { exact: true });
    // A recovery code does not count here: only the app proves the phone is at hand.
    await regenerateField.fill(recoveryCodes[0]!);
    await page.getByRole("button", { name: "Create new recovery codes" }).click();
    await expect(regenerateField).toHaveAccessibleDescription(new RegExp(INVALID_CODE));

    const { code } = await nextTotpCode(page, secret, step);
    await regenerateField.fill(code);
    await page.getByRole("button", { name: "Create new recovery codes" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Your new recovery codes are ready." }),
    ).toBeVisible();
    const fresh = await readRecoveryCodes(page);
    expect(fresh.some((c) => recoveryCodes.includes(c))).toBe(false);
    await page.getByRole("button", { name: "I have saved my recovery codes" }).click();

    const disableField = page.getByLabel("Code from your authenticator app, or a recovery code");
    await disableField.fill(recoveryCodes[1]!);
    await page.getByRole("button", { name: "Turn off two-factor authentication" }).click();
    await expect(disableField).toHaveAccessibleDescription(new RegExp(INVALID_CODE));
    await disableField.fill(fresh[0]!);
    await page.getByRole("button", { name: "Turn off two-factor authentication" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Two-factor authentication is now off." }),
    ).toBeVisible();
  });
});
