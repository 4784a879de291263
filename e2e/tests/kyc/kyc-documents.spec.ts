import {
  expect,
  openSubmissionFromQueue,
  passportPng,
  signedInCustomer,
  signInStaff,
  submitKycOverHttp,
  test,
} from "../../support/kyc";

test.describe("KYC documents and staff pages are for staff only", () => {
  test("the document route serves staff, refuses customers (403) and anonymous callers (401)", async ({
    page,
    staffPage,
    request,
  }) => {
    test.setTimeout(90_000);
    const customer = await signedInCustomer(page, "documents");
    const file = passportPng();
    const submissionId = await submitKycOverHttp(page, customer, file);

    await signInStaff(staffPage);
    await openSubmissionFromQueue(staffPage, customer);
    expect(staffPage.url()).toMatch(new RegExp(`/staff/kyc/${submissionId}$`));
    const src = await staffPage
      .getByRole("img", { name: "Document 1 of 1: passport.png" })
      .getAttribute("src");
    expect(src).toMatch(/^\/staff\/kyc\/documents\/[0-9a-f-]{36}$/);

    const asStaff = await staffPage.request.get(src!);
    expect(asStaff.status()).toBe(200);
    const headers = asStaff.headers();
    expect(headers["content-type"]).toBe("image/png");
    expect(headers["content-disposition"]).toBe(
      `attachment; filename="passport.png"; filename*=UTF-8''passport.png`,
    );
    expect(headers["content-security-policy"]).toBe("sandbox; default-src 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["cache-control"]).toContain("no-store");
    expect(Buffer.compare(await asStaff.body(), file.buffer)).toBe(0);

    const unknown = await staffPage.request.get(
      "/staff/kyc/documents/00000000-0000-4000-8000-000000000000",
    );
    expect(unknown.status()).toBe(404);
    expect((await staffPage.request.get("/staff/kyc/documents/not-a-uuid")).status()).toBe(404);

    // The customer who uploaded it cannot read it back, nor can anyone without a session.
    const asCustomer = await page.request.get(src!);
    expect(asCustomer.status()).toBe(403);
    expect(asCustomer.headers()["content-type"]).not.toContain("image/");
    expect(await asCustomer.json()).toEqual({ error: "FORBIDDEN" });

    const anonymous = await request.get(src!, { maxRedirects: 0 });
    expect(anonymous.status()).toBe(401);
    expect(await anonymous.json()).toEqual({ error: "INVALID_CUSTOMER_SESSION" });
  });

  test("staff pages send anonymous visitors to the staff sign-in and tell customers they are for staff", async ({
    page,
    request,
  }) => {
    // Anonymous: to the staff sign-in, which brings them back afterwards.
    const redirect = await request.get("/staff/kyc/12", { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expect(redirect.headers()["location"]).toBe("/staff/sign-in?returnTo=%2Fstaff%2Fkyc%2F12");
    await page.goto("/staff/kyc");
    await expect(page).toHaveURL(/\/staff\/sign-in\?returnTo=%2Fstaff%2Fkyc$/);
    await expect(page.getByRole("heading", { level: 1, name: "Staff sign-in" })).toBeVisible();

    // A wrong password is refused in words.
    await page.getByLabel("Work e-mail address").fill("staff@example.com");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: "The e-mail address or the password is incorrect." }),
    ).toBeVisible();
    await expect(page.getByLabel("Work e-mail address")).toHaveValue("staff@example.com");

    // A customer: a clear "staff only" page, and no staff data.
    await signedInCustomer(page, "forbidden");
    for (const path of ["/staff/kyc", "/staff/kyc/1"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: "Staff only" })).toBeVisible();
      await expect(page.getByText("You are signed in as a customer")).toBeVisible();
      await expect(page.getByRole("table")).toHaveCount(0);
    }
    await page.goto("/staff/sign-in");
    await expect(page.getByText("You are signed in as a customer. Sign out first")).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in" })).toHaveCount(0);
  });
});
