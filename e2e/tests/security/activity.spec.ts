import { expect, test } from "../../fixtures/test";
import { formAlert, registerCustomer, signIn, signOut, submitSignIn } from "../../support/identity";

test.describe("security activity and the known-device cookie", () => {
  test("the Security activity page shows a failed sign-in and a sign-in; the sign-in set an HttpOnly device cookie and e-mailed a new-device notice", async ({
    page,
  }) => {
    const { request } = page;
    const customer = await registerCustomer(request, "activity");
    await page.goto("/sign-in");
    await submitSignIn(page, customer.email, "Not-the-password-1");
    await expect(formAlert(page)).toContainText("The e-mail address or the password is incorrect.");

    await signIn(page, customer, "/security");
    const cookie = (await page.context().cookies()).find((c) => c.name === "portal.device");
    expect(cookie, "the known-device cookie").toBeDefined();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie!.value).toMatch(/^[A-Za-z0-9_-]{43}$/);

    await page.getByRole("link", { name: "View security activity" }).click();
    await expect(page).toHaveURL(/\/security\/activity$/);
    await expect(page.getByRole("heading", { level: 1, name: "Security activity" })).toBeVisible();
    const events = page.getByRole("list", { name: "Security events" }).getByRole("listitem");
    await expect(events).toHaveCount(2);
    // newest first: the sign-in (from a new device), then the failed one
    await expect(events.nth(0).getByRole("heading")).toHaveText(/Signed in\s*New device/);
    await expect(events.nth(1).getByRole("heading")).toHaveText("Failed sign-in");
    await expect(events.nth(1)).toContainText("Chrome on Linux");

    // the new-device e-mail, as the customer reads it
    const mail = await request.get(`/api/trpc/dev.mailbox?input=${encodeURIComponent(JSON.stringify({ recipient: customer.email }))}`);
    expect(await mail.text()).toContain("new sign-in to your account");
  });

  test("a guesser is stopped with 429 while this browser, which signed in before, still signs in", async ({ page, browser }) => {
    const customer = await registerCustomer(page.request, "known-device");
    await signIn(page, customer, "/accounts");
    await signOut(page);

    // Someone else guesses over the HTTP API (from this same address, even).
    const guess = () =>
      page.request.post("/customer/auth/login", { data: { email: customer.email, password: "Wrong-guess-123" } });
    for (let i = 0; i < 5; i++) expect((await guess()).status()).toBe(403);
    const stopped = await guess();
    expect(stopped.status()).toBe(429);
    expect((await stopped.json()).error).toBe("TOO_MANY_ATTEMPTS");

    // A browser that never signed in is held too...
    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    await strangerPage.goto("/sign-in");
    await submitSignIn(strangerPage, customer.email, customer.password);
    await expect(formAlert(strangerPage)).toContainText("Too many attempts");
    await stranger.close();

    // ...but the owner's browser, with its device cookie, gets in.
    await signIn(page, customer, "/accounts");
  });
});
