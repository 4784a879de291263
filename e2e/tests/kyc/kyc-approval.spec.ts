import {
  customerAskedForKyc,
  expect,
  expectAccessible,
  fillKycForm,
  openSubmissionFromQueue,
  passportPng,
  signInStaff,
  test,
} from "../../support/kyc";

const RETURN_TO = "/accounts/open?group=real-usd";

test.describe("KYC: asked, submitted, approved", () => {
  test("a customer asked for KYC submits a document, staff approve it, the customer is verified", async ({
    page,
    staffPage,
  }) => {
    test.setTimeout(120_000);
    const customer = await customerAskedForKyc(page, "approve");

    // The banner says what is asked and why, on every customer page.
    await page.goto("/");
    const banner = page.getByRole("region", { name: "Please verify your identity" });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText("We need it to open a real trading account.");
    await expect(banner.getByRole("link", { name: "Verify your identity" })).toHaveAttribute(
      "href",
      "/kyc",
    );

    // The account-opening screen sends the customer here with where to come back to.
    await page.goto(`/kyc?returnTo=${RETURN_TO}`);
    await expect(
      page.getByRole("heading", { level: 1, name: "Identity verification" }),
    ).toBeVisible();
    await expect(page.getByTestId("kyc-status")).toHaveText("Verification needed");
    // The KYC page itself says all the banner says: no banner here.
    await expect(page.getByRole("region", { name: "Please verify your identity" })).toHaveCount(0);
    await expect(
      page.getByText("Level 1: identity (your personal details and an identity document)"),
    ).toBeVisible();
    const why = page.getByRole("list").filter({ hasText: "to open a real trading account" });
    await expect(why).toBeVisible();
    const progress = page.getByRole("region", { name: "Progress" });
    await expect(progress.locator('[aria-current="step"]')).toContainText(
      "Send your details and documents",
    );
    await expect(page.getByRole("heading", { name: "What to upload" })).toBeVisible();

    await fillKycForm(page, customer, [passportPng()]);
    await expect(page.getByRole("list", { name: "Selected files" })).toContainText(
      /passport\.png \(\d+ KB\)/,
    );
    await page.getByRole("button", { name: "Submit for review" }).click();

    const thanks = page.getByRole("heading", { name: "Thank you, we received your documents" });
    await expect(thanks).toBeVisible();
    await expect(thanks).toBeFocused();
    await expect(page.getByRole("link", { name: "Continue where you left off" })).toHaveAttribute(
      "href",
      RETURN_TO,
    );
    await expect(page.getByTestId("kyc-status")).toHaveText("Under review");
    await expect(progress.locator('[aria-current="step"]')).toContainText("Review by our team");
    await expectAccessible(page);

    // Staff: the queue, the submission, the document, the decision.
    await signInStaff(staffPage);
    await openSubmissionFromQueue(staffPage, customer);
    const data = staffPage.getByRole("region", { name: "Data as submitted" });
    await expect(data).toContainText(customer.lastName);
    await expect(data).toContainText("Germany (DE)");
    await expect(data).toContainText("April 12, 1990 (1990-04-12)");
    await expect(data).toContainText("Passport");
    const image = staffPage.getByRole("img", { name: "Document 1 of 1: passport.png" });
    await expect(image).toBeVisible();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(96);

    await staffPage.getByRole("button", { name: "Approve" }).click();
    await expect(
      staffPage
        .getByRole("status")
        .filter({ hasText: "Approved. The customer has been told by e-mail." }),
    ).toBeVisible();
    await expect(staffPage.getByRole("button", { name: "Approve" })).toHaveCount(0);
    await expect(staffPage.getByText("Approved by Sam Staff")).toBeVisible();
    await expectAccessible(staffPage);

    // The customer is verified and the banner is gone.
    await page.goto("/kyc");
    await expect(page.getByTestId("kyc-status")).toHaveText("Approved");
    await expect(page.getByRole("region", { name: "Progress" })).toContainText("Approved (Done)");
    await expect(page.getByRole("button", { name: "Submit for review" })).toHaveCount(0);
    await page.goto("/");
    await expect(
      page.getByRole("region", { name: /verify your identity|not accepted/ }),
    ).toHaveCount(0);
  });
});
