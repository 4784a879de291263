import type { Page } from "@playwright/test";
import { expect, test } from "../../fixtures/test";
import {
  formAlert,
  registerCustomer,
  signIn,
  submitSignIn,
  uniqueEmail,
} from "../../support/identity";

/** Waits for the sign-in form's server action to answer. */
function signInAnswer(page: Page) {
  return page.waitForResponse(
    (response) =>
      response.request().method() === "POST" &&
      Boolean(response.request().headers()["next-action"]),
  );
}

test.describe("sign-in", () => {
  // Several page loads, each checked by axe: more than the default on a busy 2-core runner.
  test.describe.configure({ timeout: 60_000 });

  test("six wrong passwords in a row: the sixth is throttled", async ({ page, request }) => {
    const customer = await registerCustomer(request, "throttle");
    await page.goto("/sign-in");
    const alert = formAlert(page);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const answer = signInAnswer(page);
      await submitSignIn(page, customer.email, `wrong-password-${attempt}`);
      await answer;
      await expect(alert).toHaveText("The e-mail address or the password is incorrect.");
      await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
    }
    await submitSignIn(page, customer.email, "wrong-password-6");
    await expect(alert).toHaveText(
      "Too many attempts. Please wait a few minutes before you try again.",
    );

    // While the throttle holds, even the right password is refused the same way.
    const answer = signInAnswer(page);
    await submitSignIn(page, customer.email, customer.password);
    await answer;
    await expect(alert).toHaveText(
      "Too many attempts. Please wait a few minutes before you try again.",
    );
    await expect(page).toHaveURL("/sign-in");
  });

  test("works with the keyboard alone, and shows a loading state", async ({ page, request }) => {
    const customer = await registerCustomer(request, "keyboard");
    await page.goto("/sign-in?next=%2Fsecurity");
    const email = page.getByLabel("E-mail address");
    for (
      let presses = 0;
      presses < 20 && !(await email.evaluate((el) => el === document.activeElement));
      presses++
    ) {
      await page.keyboard.press("Tab");
    }
    await expect(email).toBeFocused();
    await page.keyboard.type(customer.email);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
    await page.keyboard.type("not-the-password");
    await page.keyboard.press("Enter");
    // The refusal takes the focus, so the keyboard continues from there.
    const alert = formAlert(page);
    await expect(alert).toHaveText("The e-mail address or the password is incorrect.");
    await expect(alert).toBeFocused();

    await page.keyboard.press("Tab");
    await expect(email).toBeFocused();
    await page.keyboard.press("Tab");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(customer.password);
    // Slow the answer down enough to see the button wait.
    await page.route("**/sign-in*", async (route) => {
      if (route.request().method() === "POST")
        await new Promise((resolve) => setTimeout(resolve, 500));
      await route.fallback();
    });
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: "Signing in…" })).toBeDisabled();
    await expect(page).toHaveURL("/security");
  });

  test("visitors are sent to sign in; signed-in customers skip the sign-in and sign-up pages", async ({
    page,
    request,
  }) => {
    for (const path of [
      "/security",
      "/sessions",
      "/change-password",
      "/verify-email",
      "/verify-phone",
    ]) {
      await page.goto(path);
      await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(path)}`);
    }
    const customer = await registerCustomer(request, "redirects");
    await signIn(page, customer, "/sessions");
    // (The accounts page is not this suite's: only the redirect is checked.)
    for (const path of ["/sign-in", "/sign-up"]) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(307);
      expect(response.headers().location).toBe("/accounts");
    }
    await page.goto("/sign-in?next=%2Fsecurity");
    await expect(page).toHaveURL("/security");
  });

  test("a hostile next never leads off-site, signed in or signing in", async ({ page, request }) => {
    const hostile = ["/.//evil.example", "/a/..//evil.example", "/%2e//evil.example", "//evil.example", "/\\evil.example", "https://evil.example/", "/%09/evil.example", "/%5c%5cevil.example"];
    const customer = await registerCustomer(request, "open-redirect");
    // Signing in through the form with a hostile next: the portal's default page.
    await page.goto(`/sign-in?next=${encodeURIComponent(hostile[0]!)}`);
    await submitSignIn(page, customer.email, customer.password);
    await expect(page).toHaveURL("/accounts");
    // Already signed in: the sign-in page redirects at once, never off-site.
    for (const next of hostile) {
      const response = await page.request.get(`/sign-in?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
      expect([next, response.status(), response.headers().location]).toEqual([next, 307, "/accounts"]);
    }
  });

  test("an unknown address gets the same answer as a wrong password", async ({ page }) => {
    await page.goto("/sign-in");
    await submitSignIn(page, uniqueEmail("nobody"), "whatever-it-is");
    await expect(formAlert(page)).toHaveText("The e-mail address or the password is incorrect.");
  });
});
