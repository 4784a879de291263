// Customer search for staff (issue 11): by e-mail and by account login, then the customer
// page, with the actions the role allows (SUPPORT: support actions, no administration).
import { openAccount, signedInCustomer } from "../../support/accounts";
import { expect, signInStaff, test } from "../../support/kyc";

test.describe("customer search (issue 11)", () => {
  test.describe.configure({ timeout: 60_000 });

  test("support finds a customer by e-mail and by login and opens the customer page", async ({
    page,
    staffPage,
  }) => {
    const customer = await signedInCustomer(page, "staff-search");
    const demo = await openAccount(page.request, "demo-usd");

    await signInStaff(staffPage, "support@example.com");
    const sections = staffPage.getByRole("navigation", { name: "Staff sections" });
    await expect(sections.getByRole("link", { name: "Adjustments" })).toHaveCount(0);
    await sections.getByRole("link", { name: "Customers" }).click();
    await expect(staffPage.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();

    const search = async (query: string) => {
      await staffPage.getByLabel("E-mail, name, phone or account login").fill(query);
      await staffPage.getByRole("button", { name: "Search customers" }).click();
      await expect(staffPage).toHaveURL(
        new RegExp(`q=${encodeURIComponent(query).replace(/[.+]/g, "\\$&")}`),
      );
    };

    await search(customer.email.toUpperCase());
    await expect(
      staffPage.getByRole("status").filter({ hasText: "1 customer matches" }),
    ).toBeVisible();
    const byEmail = staffPage.getByRole("row").filter({ hasText: customer.email });
    await expect(byEmail).toContainText(String(demo.login));

    await search(String(demo.login));
    const byLogin = staffPage.getByRole("row").filter({ hasText: customer.email });
    await expect(byLogin).toHaveCount(1);
    await byLogin.getByRole("link", { name: `${customer.firstName} ${customer.lastName}` }).click();

    await expect(
      staffPage.getByRole("heading", {
        level: 1,
        name: `${customer.firstName} ${customer.lastName}`,
      }),
    ).toBeVisible();
    await expect(staffPage.getByRole("region", { name: "Profile" })).toContainText(customer.email);
    const accounts = staffPage.getByRole("region", { name: "Accounts" });
    await expect(accounts.getByRole("row", { name: new RegExp(String(demo.login)) })).toContainText(
      "10000.00 USD",
    );
    await expect(
      staffPage.getByRole("region", { name: "Signed-in devices" }).getByRole("listitem"),
    ).toHaveCount(1);
    await expect(staffPage.getByRole("region", { name: "Support actions" })).toBeVisible();
    await expect(staffPage.getByRole("region", { name: "Administration" })).toHaveCount(0);
    await expect(staffPage.getByRole("link", { name: /^Adjust the balance/ })).toHaveCount(0);

    // Pages outside the role say so, and show nothing of their content.
    for (const path of ["/staff/adjustments", "/staff/audit"]) {
      await staffPage.goto(path);
      await expect(
        staffPage.getByRole("heading", { level: 1, name: "Not part of your role" }),
      ).toBeVisible();
      await expect(staffPage.getByRole("table")).toHaveCount(0);
    }
  });
});
