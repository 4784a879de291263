import type { Page } from "@playwright/test";
import {
  customerAskedForKyc,
  expect,
  expectAccessible,
  fillKycForm,
  kycDetails,
  openSubmissionFromQueue,
  passportPdf,
  passportPng,
  signInStaff,
  test,
  type TestCustomer,
} from "../../support/kyc";

const REASON =
  "The photo of your passport is blurred. Please upload a sharper scan of the photo page.";

/**
 * Fills and sends the form with the keyboard alone: Tab from the form's first field
 * through every control in order, typing and choosing as a keyboard user would.
 */
async function submitWithKeyboard(page: Page, customer: TestCustomer): Promise<void> {
  const d = kycDetails(customer);
  const step = async (label: string, act: () => Promise<void>, exact = false) => {
    const field = page.getByLabel(label, { exact });
    // Tab to the field; a date field's calendar button is a Tab stop of its own.
    for (let presses = 0; presses < 2; presses++) {
      await page.keyboard.press("Tab");
      if (await field.evaluate((element) => element === document.activeElement)) break;
    }
    await expect(field).toBeFocused();
    await act();
  };
  const type = (text: string) => () => page.keyboard.type(text);
  // A focused <select> picks the option whose name starts with what is typed.
  const choose = (label: string, name: string, value: string) => async () => {
    await page.keyboard.type(name);
    await expect(page.getByLabel(label, { exact: true })).toHaveValue(value);
  };
  // A date field (US English: month, day, year) takes the digits of each part in turn.
  const date = (label: string, iso: string) => async () => {
    const [year, month, day] = iso.split("-");
    await page.keyboard.type(`${month}${day}${year}`);
    await expect(page.getByLabel(label)).toHaveValue(iso);
  };

  await page.getByLabel("Legal first name").focus();
  await page.keyboard.type(d.firstName);
  await step("Legal last name", type(d.lastName));
  await step("Date of birth", date("Date of birth", d.dateOfBirth));
  await step("Nationality", choose("Nationality", d.nationality.name, d.nationality.code));
  await step(
    "Country of residence",
    choose("Country of residence", d.countryOfResidence.name, d.countryOfResidence.code),
  );
  await step("Address line 1", type(d.line1));
  await step("Address line 2 (optional)", async () => {});
  await step("Town or city", type(d.city));
  await step("Postal code", type(d.postalCode));
  await step("Country", choose("Country", d.addressCountry.name, d.addressCountry.code), true);
  await step("Type of document", choose("Type of document", "Passport", "passport"));
  await step("Document number", type(d.documentNumber));
  await step("Expiry date", date("Expiry date", d.expiryDate));
  await step("Photos or scans of your document", async () => {
    const chooser = page.waitForEvent("filechooser");
    await page.keyboard.press("Space");
    await (await chooser).setFiles([passportPng()]);
  });
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Submit for review" })).toBeFocused();
  await page.keyboard.press("Enter");
}

test.describe("KYC: rejected, then sent again", () => {
  // The keyboard flow types dates in US English order (month, day, year).
  test.use({ locale: "en-US" });

  test("the form explains its errors; staff reject with a reason; the customer reads it and resubmits", async ({
    page,
    staffPage,
  }) => {
    test.setTimeout(120_000);
    const customer = await customerAskedForKyc(page, "reject");
    await page.goto("/");
    await page
      .getByRole("region", { name: "Please verify your identity" })
      .getByRole("link", { name: "Verify your identity" })
      .click();
    await expect(page).toHaveURL(/\/kyc$/);
    await expectAccessible(page);

    // Nothing filled in: the browser's checks list every problem and mark each field.
    await page.getByRole("button", { name: "Submit for review" }).click();
    const summary = page.getByRole("alert").filter({ hasText: /with what you entered/ });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("There are 13 problems with what you entered");
    await expect(page.getByLabel("Legal first name")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Legal first name")).toHaveAccessibleDescription(
      /Enter your legal first name\./,
    );
    await expect(page.getByLabel("Expiry date")).toHaveAccessibleDescription(
      "Enter the expiry date of your document.",
    );
    await summary.getByRole("link", { name: "Date of birth: Enter your date of birth." }).click();
    await expect(page.getByLabel("Date of birth")).toBeFocused();
    await expectAccessible(page);

    // A file that claims to be a PNG but is not: only the server can tell, and says which file.
    await fillKycForm(page, customer, [
      passportPdf(),
      { name: "scan.png", mimeType: "image/png", buffer: Buffer.from("not really an image") },
    ]);
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(summary).toContainText("There is a problem with what you entered");
    await expect(page.getByLabel("Photos or scans of your document")).toHaveAccessibleDescription(
      /scan\.png: This file is not a JPEG, PNG or PDF file\./,
    );
    await expectAccessible(page);

    await page.getByLabel("Photos or scans of your document").setInputFiles([passportPdf()]);
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(
      page.getByRole("heading", { name: "Thank you, we received your documents" }),
    ).toBeVisible();
    await expect(page.getByTestId("kyc-status")).toHaveText("Under review");

    // Staff reject; the reason is required.
    await signInStaff(staffPage);
    await openSubmissionFromQueue(staffPage, customer);
    await expect(
      staffPage.getByRole("link", { name: /^Open passport\.pdf \(PDF, \d+ bytes, new tab\)$/ }),
    ).toHaveAttribute("href", /^\/staff\/kyc\/documents\/[0-9a-f-]{36}$/);
    await staffPage.getByRole("button", { name: "Reject" }).click();
    const reason = staffPage.getByRole("textbox", { name: "Reason for the customer" });
    await expect(reason).toBeFocused();
    await expect(reason).toHaveAccessibleDescription(/Write the reason for the customer\./);
    await reason.fill(REASON);
    await staffPage.getByRole("button", { name: "Reject" }).click();
    await expect(
      staffPage
        .getByRole("status")
        .filter({ hasText: "Rejected. The customer has been told by e-mail" }),
    ).toBeVisible();
    await expectAccessible(staffPage);

    // The customer reads the reason, in the banner and on the KYC page.
    await page.goto("/");
    const banner = page.getByRole("region", { name: "Your identity documents were not accepted" });
    await expect(banner).toContainText(`Reason: ${REASON}`);
    await expect(banner).toContainText("We need them to open a real trading account.");
    await banner.getByRole("link", { name: "Send your documents again" }).click();
    await expect(page).toHaveURL(/\/kyc$/);
    await expect(page.getByTestId("kyc-status")).toHaveText("Rejected");
    await expect(page.getByRole("region", { name: "Your verification" })).toContainText(REASON);
    await expect(
      page.getByRole("region", { name: "Progress" }).locator('[aria-current="step"]'),
    ).toContainText(`Rejected (Not accepted)`);
    await expect(
      page.getByRole("heading", { name: "Send your details and documents again" }),
    ).toBeVisible();
    await expectAccessible(page);

    await submitWithKeyboard(page, customer);
    await expect(
      page.getByRole("heading", { name: "Thank you, we received your documents" }),
    ).toBeFocused();
    await expect(page.getByTestId("kyc-status")).toHaveText("Under review");
    await page.goto("/");
    await expect(
      page.getByRole("region", { name: /verify your identity|not accepted/ }),
    ).toHaveCount(0);

    // Staff see the new submission, with the earlier rejection in its history.
    await openSubmissionFromQueue(staffPage, customer);
    const history = staffPage.getByRole("table", { name: /Every submission of this customer/ });
    await expect(history.getByRole("row")).toHaveCount(3);
    await expect(history).toContainText(`Reason: ${REASON}`);
    await expect(
      staffPage.getByRole("img", { name: "Document 1 of 1: passport.png" }),
    ).toBeVisible();
  });
});
