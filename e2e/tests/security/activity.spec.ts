import type { Page } from "@playwright/test";
import { expect, test } from "../../fixtures/test";
import { formAlert, registerCustomer, signIn, signOut, submitSignIn } from "../../support/identity";

/** Waits for the sign-in form's server action to answer. */
function signInAnswer(page: Page) {
  return page.waitForResponse(
    (response) => response.request().method() === "POST" && Boolean(response.request().headers()["next-action"]),
  );
}

test.describe("security activity and the known-device cookie", () => {
  // Several page loads, each checked by axe: more than the default on a busy 2-core runner.
  test.describe.configure({ timeout: 60_000 });

  test("the Security activity page shows a failed sign-in and a sign-in; the sign-in set an HttpOnly device cookie and e-mailed a new-device notice", async ({
    page,
  }) => {
    const { request } = page;
    const customer = await registerCustomer(request, "activity");
    await page.goto("/sign-in");
    await submitSignIn(page, customer.email, "Not-the-password-1");
    await expect(formAlert(page)).toContainText("The e-mail address or the password is incorrect.");

    await signIn(page, customer, "/security");
    // `__Host-portal.device` (Secure) in a production build, `portal.device` in development
    const cookie = (await page.context().cookies()).find((c) => /^(__Host-)?portal\.device$/.test(c.name));
    expect(cookie, "the known-device cookie").toBeDefined();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    if (cookie!.name.startsWith("__Host-")) expect(cookie!.secure).toBe(true);
    expect(cookie!.value).toMatch(/^[A-Za-z0-9_-]{43}$/);

    await page.getByRole("link", { name: "View security activity" }).click();
    await expect(page).toHaveURL(/\/security\/activity$/);
    await expect(page.getByRole("heading", { level: 1, name: "Security activity" })).toBeVisible();
    const events = page.getByRole("list", { name: "Security events" }).getByRole("listitem");
    await expect(events).toHaveCount(2);
    // newest first: the sign-in (from a new device), then the failed one
    await expect(events.nth(0).getByRole("heading")).toHaveText(/Signed in\s*New device/);
    await expect(events.nth(1).getByRole("heading")).toHaveText("Failed sign-in");
    // the device as the browser named itself (Playwright's Desktop Chrome profile)
    await expect(events.nth(1)).toContainText(/Device\s*Chrome on \w+/);

    // the new-device e-mail, as the customer reads it
    const mail = await request.get(`/api/trpc/dev.mailbox?input=${encodeURIComponent(JSON.stringify({ recipient: customer.email }))}`);
    expect(await mail.text()).toContain("new sign-in to your account");
  });

  test("a guesser is stopped with 429 while this browser, which signed in before, still signs in", async ({ page, browser }) => {
    const customer = await registerCustomer(page.request, "known-device");
    await signIn(page, customer, "/accounts");
    await signOut(page);

    // Someone else, in another browser, guesses: the sixth try is 429, even with the right password.
    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    await strangerPage.goto("/sign-in");
    for (let attempt = 1; attempt <= 5; attempt++) {
      const answer = signInAnswer(strangerPage);
      await submitSignIn(strangerPage, customer.email, `Wrong-guess-${attempt}`);
      await answer;
      await expect(formAlert(strangerPage)).toHaveText("The e-mail address or the password is incorrect.");
      await expect(strangerPage.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
    }
    await submitSignIn(strangerPage, customer.email, customer.password);
    await expect(formAlert(strangerPage)).toContainText("Too many attempts");
    await expect(strangerPage).toHaveURL(/\/sign-in/);
    await stranger.close();

    // ...but the owner's browser, with its device cookie, gets in.
    await signIn(page, customer, "/accounts");
  });
});
