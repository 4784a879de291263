import { createPrismaClient } from "@brokerage/db";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "../../fixtures/test";
import { readDatabaseUrl } from "../../support/state";
import { readCode, registerCustomer, signOut, submitSignIn, uniqueEmail } from "../../support/identity";

const EMAIL_CHANGE = { digits: 6, about: /confirm your new e-mail address/i } as const;
const PHONE_CHANGE = { digits: 4, about: /confirm this phone number/i } as const;

/** A number of its own in an allowed country (Cyprus), so SMS budgets are never shared. */
const uniquePhone = () => `+3579${String(Date.now()).slice(-7)}`;

/** Signs in through the form; the page after it may take long on a loaded runner. */
async function signIn(page: Page, customer: { email: string; password: string }, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await submitSignIn(page, customer.email, customer.password);
  await expect(page).toHaveURL(next, { timeout: 60_000 });
}

/** The sign-ins of this customer happened 10 minutes ago, as far as the server knows. */
async function ageSessions(email: string) {
  const db = createPrismaClient(readDatabaseUrl(), { max: 1 });
  try {
    await db.$executeRaw`
      UPDATE "Session" SET "createdAt" = "createdAt" - interval '10 minutes', "reauthenticatedAt" = NULL
      WHERE "customerId" = (SELECT "id" FROM "Customer" WHERE "email" = ${email})`;
  } finally {
    await db.$disconnect();
  }
}

test.describe("profile", () => {
  // Several page loads and sign-ins, each checked by axe: minutes on a loaded 2-core runner.
  test.describe.configure({ timeout: 240_000 });

  test("change the name and the preferred language", async ({ page }) => {
    const customer = await registerCustomer(page.request, "profile-name");
    await signIn(page, customer, "/profile");
    await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: "Profile" })).toBeVisible();

    const name = page.getByRole("form", { name: "Name" });
    await name.getByLabel("First name").fill("Grace");
    await name.getByLabel("Last name").fill("Hopper");
    await name.getByRole("button", { name: "Save name" }).click();
    await expect(name.getByRole("status")).toHaveText("Your name has been saved.");

    const language = page.getByRole("form", { name: "Language" });
    await language.getByLabel("Preferred language").selectOption("fr");
    await language.getByRole("button", { name: "Save language" }).click();
    await expect(language.getByRole("status")).toHaveText("Your preferred language has been saved.");
    await expectAccessible(page);

    // After a reload the page shows what was stored.
    await page.goto("/profile");
    await expect(page.getByRole("form", { name: "Name" }).getByLabel("First name")).toHaveValue("Grace");
    await expect(page.getByRole("form", { name: "Name" }).getByLabel("Last name")).toHaveValue("Hopper");
    await expect(page.getByRole("form", { name: "Language" }).getByLabel("Preferred language")).toHaveValue("fr");
  });

  test("change the e-mail address after confirming the password, with the code from the new mailbox, then sign in with it", async ({
    page,
    request,
  }) => {
    const customer = await registerCustomer(page.request, "profile-email");
    await signIn(page, customer, "/profile");
    await ageSessions(customer.email);
    const newEmail = uniqueEmail("profile-new");

    const section = page.getByRole("region", { name: "E-mail address" });
    await section.getByLabel("New e-mail address").fill(newEmail);
    await section.getByRole("button", { name: "Send a code to the new address" }).click();
    // The last password was entered too long ago: asked for inline, then the request goes on.
    const prompt = page.getByRole("form", { name: "Confirm it is you" });
    await expect(prompt.getByLabel("Your password")).toBeFocused();
    await expectAccessible(page);
    await prompt.getByLabel("Your password").fill(customer.password);
    await prompt.getByRole("button", { name: "Confirm and continue" }).click();
    await expect(section.getByRole("status")).toContainText(`We sent a 6-digit code to ${newEmail}`);

    await section.getByLabel("Code from the e-mail").fill(await readCode(request, newEmail, EMAIL_CHANGE));
    await section.getByRole("button", { name: "Change my e-mail address" }).click();
    await expect(section.getByRole("status")).toContainText(`Your e-mail address is now ${newEmail}`);
    await expect(section).toContainText(`Your e-mail address is ${newEmail}.`);
    await expectAccessible(page);

    await signOut(page);
    await signIn(page, { email: newEmail, password: customer.password }, "/profile");
    await expect(page.getByRole("region", { name: "E-mail address" })).toContainText(`Your e-mail address is ${newEmail}.`);
  });

  test("change the phone number with the SMS code from the mailbox", async ({ page, request }) => {
    const customer = await registerCustomer(page.request, "profile-phone");
    await signIn(page, customer, "/profile");
    const phone = uniquePhone();

    const section = page.getByRole("region", { name: "Phone number" });
    await expect(section).toContainText("You have no phone number on file.");
    await section.getByLabel("New phone number").fill(`${phone.slice(0, 4)} ${phone.slice(4, 8)} ${phone.slice(8)}`);
    await section.getByRole("button", { name: "Send a code to the new number" }).click();
    await expect(section.getByRole("status")).toContainText(`We sent a 4-digit code to ${phone}`);

    // A wrong code first: refused on the field, nothing changes.
    const code = await readCode(request, phone, PHONE_CHANGE);
    await section.getByLabel("Code from the text message").fill(code === "0000" ? "1111" : "0000");
    await section.getByRole("button", { name: "Change my phone number" }).click();
    await expect(section.getByLabel("Code from the text message")).toHaveAttribute("aria-invalid", "true");

    await section.getByLabel("Code from the text message").fill(code);
    await section.getByRole("button", { name: "Change my phone number" }).click();
    await expect(section.getByRole("status")).toContainText(`Your phone number is now ${phone}, verified.`);
    await expect(section).toContainText(`Your phone number is ${phone}.`);
    await expectAccessible(page);
  });
});
