import { expect, expectAccessible, test } from "../../fixtures/test";
import {
  newPassword,
  PHONE_VERIFICATION,
  readCode,
  readRecoveryCodes,
  submitSignIn,
  uniqueEmail,
} from "../../support/identity";

const SETUP_CODE = { digits: 6, about: /set-up code is/i } as const;
const SIGN_IN_CODE = { digits: 6, about: /sign-in code is/i } as const;
const STEP_UP_SMS = { digits: 6, about: /to confirm:/i } as const;

test.describe("sign-in codes by text message", () => {
  test("turned on with a code to the verified phone; a fresh browser signs in with the SMS code; a wrong code is refused; a recovery code still works; new recovery codes and turning off are confirmed by SMS", async ({
    page,
    request,
    browser,
    baseURL,
  }) => {
    // Three sign-ins and two browsers on a machine that may be loaded.
    test.setTimeout(300_000);
    const email = uniqueEmail("sms-factor");
    const password = newPassword();
    const phone = `+3579${String(Date.now()).slice(-7)}`;
    const signUp = await request.post("/api/trpc/auth.signUp", {
      data: { email, password, firstName: "Ada", lastName: "Byron", phone, preferredLanguage: "en" },
    });
    expect(signUp.status(), await signUp.text()).toBe(200);

    // Verify the phone (seed 003's 4 digits), then turn text message codes on.
    await page.goto("/sign-in?next=%2Fverify-phone");
    await submitSignIn(page, email, password);
    await expect(page).toHaveURL("/verify-phone", { timeout: 30_000 });
    await page.getByLabel("Verification code").fill(await readCode(request, phone, PHONE_VERIFICATION));
    await page.getByRole("button", { name: "Verify phone number" }).click();
    await expect(page.getByRole("status").filter({ hasText: "is now verified" })).toBeVisible();

    await page.goto("/security");
    const sms = page.getByRole("region", { name: "Sign-in codes by text message" });
    await expect(sms.getByText("Off", { exact: true })).toBeVisible();
    await sms.getByRole("button", { name: "Send a code to my phone" }).click();
    await expect(sms.getByText(`We sent a 6-digit code to •••• ${phone.slice(-4)}`)).toBeVisible();
    const setupCode = await readCode(request, phone, SETUP_CODE);
    const codeField = sms.getByLabel("Code from the text message");
    await codeField.fill(setupCode === "000000" ? "111111" : "000000");
    await sms.getByRole("button", { name: "Turn on text message codes" }).click();
    await expect(codeField).toHaveAttribute("aria-invalid", "true");
    await codeField.fill(setupCode);
    await sms.getByRole("button", { name: "Turn on text message codes" }).click();
    // The first factor of the account: recovery codes, shown once.
    await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeFocused();
    const recoveryCodes = await readRecoveryCodes(page);
    await expectAccessible(page);
    await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
    await page.goto("/security");
    await expect(sms.getByText("On", { exact: true })).toBeVisible();

    // A fresh browser: the password, then the code the server sent by text message.
    const fresh = await browser.newContext({ baseURL });
    try {
      const other = await fresh.newPage();
      await other.goto("/sign-in?next=%2Faccounts");
      await submitSignIn(other, email, password);
      await expect(other.getByText(`We sent a 6-digit code by text message to your phone (•••• ${phone.slice(-4)})`)).toBeVisible();
      const smsField = other.getByLabel("Code from the text message");
      await expect(smsField).toBeFocused();
      const signInCode = await readCode(request, phone, SIGN_IN_CODE);
      await smsField.fill(signInCode === "000000" ? "111111" : "000000");
      await other.getByRole("button", { name: "Sign in", exact: true }).click();
      // Worded for a text message, not the authenticator app.
      await expect(smsField).toHaveAccessibleDescription(/That code is not valid\. Enter the code from the latest text message we sent you\./);
      await smsField.fill(signInCode);
      await other.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(other).toHaveURL("/accounts", { timeout: 30_000 });
    } finally {
      await fresh.close();
    }

    // Another fresh browser: a recovery code instead of the text message.
    const third = await browser.newContext({ baseURL });
    try {
      const other = await third.newPage();
      await other.goto("/sign-in?next=%2Faccounts");
      await submitSignIn(other, email, password);
      await expect(other.getByLabel("Code from the text message")).toBeVisible();
      await other.getByRole("button", { name: "Use a recovery code" }).click();
      await other.getByLabel("Recovery code").fill(recoveryCodes[0]!);
      await other.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(other).toHaveURL("/accounts", { timeout: 30_000 });
    } finally {
      await third.close();
    }

    // Text messages are the only factor: new recovery codes, then turning them off, are
    // confirmed by a code sent to the phone.
    await page.goto("/security");
    await sms.getByRole("button", { name: "Create new recovery codes" }).click();
    const confirm = sms.getByRole("form", { name: "Confirm this operation" });
    await expect(confirm.getByText("We send a code by text message to your verified phone number.")).toBeVisible();
    await confirm.getByRole("button", { name: "Send code" }).click();
    await expect(confirm.getByText(`Code sent to +35`)).toBeVisible();
    await confirm.getByLabel("Confirmation code").fill(await readCode(request, phone, STEP_UP_SMS));
    await confirm.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeFocused();
    await expect(page.getByText("Your new recovery codes are ready. The old ones no longer work.")).toBeVisible();
    const renewed = await readRecoveryCodes(page);
    expect(renewed).not.toContain(recoveryCodes[1]);
    await page.getByRole("button", { name: "I have saved my recovery codes" }).click();

    await sms.getByRole("button", { name: "Turn off text message codes" }).click();
    await confirm.getByRole("button", { name: "Send code" }).click();
    // Sent (the mailbox now holds this confirmation's code, newest first).
    await expect(confirm.getByText(`Code sent to +35`)).toBeVisible();
    await confirm.getByLabel("Confirmation code").fill(await readCode(request, phone, STEP_UP_SMS));
    await confirm.getByRole("button", { name: "Confirm" }).click();
    await expect(sms.getByText("Sign-in codes by text message are now off.", { exact: false })).toBeVisible();
    await expect(sms.getByText("Off", { exact: true })).toBeVisible();
  });
});
