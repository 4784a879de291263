// The portal in German (issue 15): the header's language switcher (a cookie, and the
// customer's preferred language once signed in), German texts, <html lang>, German number
// formats and German e-mails; axe checks every page as in the other flows.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "../../fixtures/test";
import { openAccount, signedInCustomer, trpcQuery } from "../../support/accounts";
import { newPassword, readCode, uniqueEmail } from "../../support/identity";

const header = (page: Page) => page.getByRole("banner");

async function switchToGerman(page: Page) {
  await header(page).getByRole("button", { name: "Deutsch" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(header(page).getByRole("button", { name: "Deutsch" })).toHaveAttribute("aria-current", "true");
  await expectAccessible(page);
}

test.describe("the portal in German", () => {
  // Several page loads, each checked by axe: room for a busy 2-core runner.
  test.describe.configure({ timeout: 90_000 });

  test("sign up in German: German form, German verification e-mail, German confirmation", async ({ page, request }) => {
    await page.goto("/sign-up");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Create your account" })).toBeVisible();
    await switchToGerman(page);
    await expect(page.getByRole("heading", { level: 1, name: "Konto erstellen" })).toBeVisible();

    const email = uniqueEmail("de-signup");
    await page.getByLabel("Vorname").fill("Jana");
    await page.getByLabel("Nachname").fill("Muster");
    await page.getByLabel("E-Mail-Adresse").fill(email);
    await page.getByLabel("Passwort", { exact: true }).fill(newPassword());
    // The page's language is the preferred language offered.
    await expect(page.getByLabel("Bevorzugte Sprache")).toHaveValue("de");
    await page.getByRole("button", { name: "Konto erstellen" }).click();

    await expect(page).toHaveURL("/verify-email");
    await expect(page.getByRole("heading", { level: 1, name: "E-Mail-Adresse bestätigen" })).toBeVisible();
    await expect(page.getByRole("complementary", { name: "E-Mail-Bestätigung" })).toContainText(email);
    await expectAccessible(page);

    // The verification e-mail is German too (the customer prefers German).
    await page.getByLabel("Bestätigungscode").fill(await readCode(request, email, { digits: 6, about: /Ihr Bestätigungscode/ }));
    await page.getByRole("button", { name: "E-Mail bestätigen" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: `Vielen Dank. Ihre E-Mail-Adresse ${email} ist jetzt bestätigt.` }),
    ).toBeFocused();
    await expect(header(page).getByRole("button", { name: "Abmelden" })).toBeVisible();
  });

  test("sign in in German, wrong password first", async ({ page, request }) => {
    const email = uniqueEmail("de-signin");
    const password = newPassword();
    const signUp = await request.post("/api/trpc/auth.signUp", {
      data: { email, password, firstName: "Jana", lastName: "Muster", preferredLanguage: "de" },
    });
    expect(signUp.status()).toBe(200);

    await page.goto("/sign-in");
    await switchToGerman(page);
    await expect(page.getByRole("heading", { level: 1, name: "Anmelden" })).toBeVisible();
    await page.getByLabel("E-Mail-Adresse").fill(email);
    await page.getByLabel("Passwort", { exact: true }).fill(`${password}-falsch`);
    await page.getByRole("main").getByRole("button", { name: "Anmelden", exact: true }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Die E-Mail-Adresse oder das Passwort ist falsch.");
    await expectAccessible(page);

    await page.getByLabel("Passwort", { exact: true }).fill(password);
    await page.getByRole("main").getByRole("button", { name: "Anmelden", exact: true }).click();
    await expect(page).toHaveURL(/\/verify-email|\/accounts|\/dashboard/);
    await expect(header(page).getByRole("button", { name: "Abmelden" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expectAccessible(page);
  });

  test("the accounts list in German, with German number formats; the switcher saves the preferred language", async ({ page, browser, baseURL }) => {
    const customer = await signedInCustomer(page, "de-accounts");
    await page.goto("/accounts");
    await expect(page.getByRole("heading", { level: 1, name: "Your accounts" })).toBeVisible();
    await switchToGerman(page);
    await expect(page.getByRole("heading", { level: 1, name: "Ihre Konten" })).toBeVisible();
    await expect(page.getByText("Sie haben noch keine Konten.")).toBeVisible();
    // Signed in, the switcher also changed the customer's preferred language.
    expect((await trpcQuery<{ preferredLanguage: string }>(page.request, "customer.me")).preferredLanguage).toBe("de");

    await openAccount(page.request, "demo-usd");
    await openAccount(page.request, "demo-eur");
    await page.goto("/accounts");
    await expect(page.getByText("1–2 von 2")).toBeVisible();
    await expect(page.getByRole("article").getByText("Vorläufiges Passwort", { exact: true })).toHaveCount(2);
    // Balances as German brokers write them: 10.000,00 $ / 10.000,00 €.
    await expect(page.getByRole("main")).toContainText(/10\.000,00\s\$/);
    await expect(page.getByRole("main")).toContainText(/10\.000,00\s€/);
    await page.getByLabel("Währung").selectOption("EUR");
    await page.getByRole("button", { name: "Filter anwenden" }).click();
    await expect(page).toHaveURL(/currency=EUR/);
    await expect(page.getByText("1–1 von 1")).toBeVisible();
    await expectAccessible(page);

    // Another browser without the cookie: the preferred language decides once signed in.
    const other = await browser.newContext({ baseURL, locale: "en-US" });
    try {
      const otherPage = await other.newPage();
      await otherPage.goto("/sign-in?next=%2Faccounts");
      await expect(otherPage.locator("html")).toHaveAttribute("lang", "en");
      await otherPage.getByLabel("E-mail address").fill(customer.email);
      await otherPage.getByLabel("Password", { exact: true }).fill(customer.password);
      await otherPage.getByRole("main").getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(otherPage).toHaveURL("/accounts");
      await expect(otherPage.getByRole("heading", { level: 1, name: "Ihre Konten" })).toBeVisible();
      await expect(otherPage.locator("html")).toHaveAttribute("lang", "de");
    } finally {
      await other.close();
    }

    // Back to English: the list follows at once.
    await header(page).getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your accounts" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});
