// Retail-client compliance (issue 17) in real Chromium: a new customer with approved KYC is
// stopped before a live account until the appropriateness questionnaire and the terms are
// done, then opens at no more than the retail cap; a failed questionnaire warns and waits;
// the data export downloads; closing the relationship with zero balances ends the session.
import { readFileSync } from "node:fs";
import { expect, expectAccessible, test } from "../../fixtures/test";
import {
  approveKyc,
  openAccount,
  signedInCustomer,
  staffRequest,
  submitKyc,
  termValue,
  trpcMutation,
  type TrpcCallFailed,
} from "../../support/accounts";

test.describe("retail-client compliance (issue 17)", () => {
  test.describe.configure({ timeout: 90_000 });

  test("KYC approved, then stopped until the questionnaire and the terms are done, then a live account at no more than 1:30", async ({
    page,
    playwright,
    baseURL,
  }) => {
    const customer = await signedInCustomer(page, "compliance");
    await submitKyc(page.request, customer);
    const staff = await staffRequest(playwright, baseURL!);
    try {
      await approveKyc(staff, customer.email);
    } finally {
      await staff.dispose();
    }

    await page.goto("/accounts/open");
    await expect(page.getByRole("region", { name: "Risk warning" })).toContainText("lose money");
    const real = page.getByRole("article", { name: /Live account in USD/ });
    await expect(real).not.toContainText("Needs identity verification");
    await expect(real).toContainText("Needs the appropriateness questionnaire");
    await expect(real).toContainText("Needs acceptance of the current terms");
    // The API refuses too, whatever the screen offers.
    const refused = await trpcMutation(page.request, "accounts.open", { group: "real-usd" }).catch((e: unknown) => e);
    expect((refused as TrpcCallFailed).failure.appCode).toBe("APPROPRIATENESS_REQUIRED");

    await real.getByRole("button", { name: "Open account" }).click();
    await page.waitForURL((url) => url.pathname === "/compliance/appropriateness");
    expect(new URL(page.url()).searchParams.get("returnTo")).toBe("/accounts/open?group=real-usd");
    await expect(page.getByRole("heading", { level: 1, name: "Appropriateness questionnaire" })).toBeVisible();
    await expectAccessible(page);

    // Unanswered questions are caught before anything is sent.
    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect(page.getByText("Choose an answer.").first()).toBeVisible();
    await page.getByLabel("10 trades or more").check();
    await page.getByLabel("30% of the margin").check();
    await page.getByLabel("Positions may be closed automatically at a loss").check();
    await page.getByLabel("Yes, losses can be large and fast").check();
    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect(page.getByRole("heading", { name: "You passed the questionnaire" })).toBeVisible();

    // Still the terms.
    const stillRefused = await trpcMutation(page.request, "accounts.open", { group: "real-usd" }).catch((e: unknown) => e);
    expect((stillRefused as TrpcCallFailed).failure.appCode).toBe("TERMS_NOT_ACCEPTED");

    await page.getByRole("link", { name: "Next: read and accept the terms" }).click();
    await page.waitForURL((url) => url.pathname === "/compliance/terms");
    await expect(page.getByRole("heading", { level: 1, name: "Terms and risk warning" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Risk warning" })).toContainText("74% of retail investor accounts lose money");
    await expect(page.getByRole("heading", { name: "Client agreement" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Accept the terms" }).click();
    await expect(page.getByText("Tick the box to accept the terms.")).toBeVisible();
    await page.getByLabel("I have read the terms and the risk warning and I accept them.").check();
    await page.getByRole("button", { name: "Accept the terms" }).click();
    await expect(page.getByText("Thank you: your acceptance is recorded.")).toBeVisible();
    await page.getByRole("link", { name: "Continue" }).click();

    await page.waitForURL((url) => url.pathname === "/accounts/open");
    const chosen = page.getByRole("article", { name: /Live account in USD/ });
    await expect(chosen).not.toContainText("Needs the appropriateness questionnaire");
    await expect(chosen).not.toContainText("Needs acceptance of the current terms");
    await expect(termValue(chosen, "Leverage")).toHaveText("1:30");
    await expect(chosen.getByLabel("Leverage").getByRole("option")).toHaveText(["1:1", "1:10", "1:30 (standard)"]);
    // Above the cap over the API: INVALID_DATA on leverage, nothing opened.
    const capped = await trpcMutation(page.request, "accounts.open", { group: "real-usd", leverage: 100 }).catch((e: unknown) => e);
    expect((capped as TrpcCallFailed).failure.appCode).toBe("INVALID_DATA");
    expect(JSON.stringify((capped as TrpcCallFailed).failure.body)).toContain("LEVERAGE_CAP");

    await chosen.getByRole("button", { name: "Open account" }).click();
    const dialog = page.getByRole("dialog", { name: "Your account is open" });
    await expect(dialog).toContainText("Your live account is ready");
    await dialog.getByRole("link", { name: "Go to the account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "real-usd" })).toBeVisible();
    await expect(termValue(page.getByRole("region", { name: "Balance" }), "Leverage")).toHaveText("1:30");

    await page.goto("/accounts");
    await expect(page.getByRole("region", { name: "Risk warning" })).toBeVisible();
  });

  test("a failed questionnaire warns and asks to wait before a retry", async ({ page }) => {
    await signedInCustomer(page, "appropriateness-fail");
    await page.goto("/compliance/appropriateness");
    await page.getByLabel("Never").check();
    await page.getByLabel("1% of the margin").check();
    await page.getByLabel("Nothing: positions stay open until I close them").check();
    await page.getByLabel("No, losses are limited to the profit I hoped for").check();
    await page.getByRole("button", { name: "Submit answers" }).click();
    const warning = page.locator(".alert").filter({ hasText: "probably not appropriate for you" });
    await expect(warning).toContainText("You can take the questionnaire again after");
    await expectAccessible(page);
    // A retry during the cooling-off is refused with its own code.
    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect(page.locator(".alert").filter({ hasText: "You can take the questionnaire again after" }).first()).toBeVisible();
    const early = await trpcMutation(page.request, "compliance.submitAppropriateness", {
      version: 1,
      answers: { experience: "regularly", leverage: "thirty", "margin-call": "close", loss: "yes" },
    }).catch((e: unknown) => e);
    expect((early as TrpcCallFailed).failure.appCode).toBe("APPROPRIATENESS_COOLING_OFF");
  });

  test("the data export downloads a JSON file of the customer's own data", async ({ page }) => {
    const customer = await signedInCustomer(page, "export");
    await openAccount(page.request, "demo-usd");
    await page.goto("/accounts");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your data" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download my data" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync((await download.path())!, "utf8")) as {
      profile: { email: string };
      accounts: Array<{ group: string }>;
      sessions: unknown[];
    };
    expect(data.profile.email).toBe(customer.email);
    expect(data.accounts.map((a) => a.group)).toEqual(["demo-usd"]);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(JSON.stringify(data)).not.toContain(customer.password);
  });

  test("closing the relationship with zero balances archives the accounts and ends the session", async ({ page }) => {
    const customer = await signedInCustomer(page, "closure");
    await openAccount(page.request, "demo-usd");
    await page.goto("/your-data");
    const section = page.getByRole("region", { name: "Close your client relationship" });
    await section.getByRole("button", { name: "Close my relationship" }).click();
    await expect(section.getByText("Tick the box to confirm.")).toBeVisible();
    await section.getByLabel("I understand that this cannot be undone.").check();
    await section.getByRole("button", { name: "Close my relationship" }).click();
    await page.waitForURL((url) => url.pathname === "/sign-in");

    // The session is over, and the old credentials no longer sign in.
    const response = await page.request.get("/accounts", { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).toContain("/sign-in");
    await page.goto("/sign-in");
    await page.getByLabel("E-mail address").fill(customer.email);
    await page.getByLabel("Password", { exact: true }).fill(customer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("The e-mail address or the password is incorrect.")).toBeVisible();
  });
});
