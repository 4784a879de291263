// Staff TOTP is mandatory: a new member signs in with the password alone, reaches no staff
// page before enrolling (every one leads to the enrolment, every staff procedure is 403),
// enrols with a code computed from the key on the screen, sees the recovery codes once,
// then reaches the staff pages; the next sign-in asks for a code.
import { latestMail, staffRequest, trpcMutation } from "../../support/accounts";
import { uniqueEmail } from "../../support/identity";
import { appCodeOf, enrolOnPage, expect, signInStaff, test, trpcQuery } from "../../support/kyc";
import { readStaffTotp } from "../../support/staff-totp";

const PASSWORD = "Enrolment-Flow-Pass-2026";

test.describe("staff enrolment", () => {
  test("a fresh member enrols TOTP before any staff page, then signs in with a code", async ({
    page,
    playwright,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    // An ADMIN invites a KYC reviewer; the new member chooses a password through the link.
    const email = uniqueEmail("staff-enrol");
    const admin = await staffRequest(playwright, baseURL!);
    try {
      await trpcMutation(admin, "staffMembers.invite", {
        email,
        name: "Erin Enrol",
        role: "KYC_REVIEWER",
      });
      const mail = await latestMail(admin, email, "back-office access");
      const token = /\/staff\/enrol\/([A-Za-z0-9_-]{43})/.exec(mail.body)?.[1];
      expect(token, "the enrolment link in the invitation").toBeTruthy();
      await trpcMutation(admin, "staffAuth.enrolmentLink.setPassword", {
        token,
        password: PASSWORD,
        passwordConfirmation: PASSWORD,
      });
    } finally {
      await admin.dispose();
    }

    // The password alone gives a session that can only enrol.
    await page.goto("/staff/sign-in?returnTo=%2Fstaff%2Fkyc");
    await page.getByLabel("Work e-mail address").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/staff\/enrol\?returnTo=%2Fstaff%2Fkyc$/);
    await expect(
      page.getByRole("heading", { level: 1, name: "Set up two-factor sign-in" }),
    ).toBeVisible();

    for (const path of ["/staff/kyc", "/staff/sessions", "/staff"]) {
      await page.goto(path);
      await expect(page, `${path} before enrolment`).toHaveURL(/\/staff\/enrol/);
    }
    const refused = await trpcQuery(page.request, "kycReview.queue", { limit: 1, offset: 0 });
    expect(refused.status()).toBe(403);
    expect(await appCodeOf(refused)).toBe("FORBIDDEN");

    // The QR code and the key to type; a code from the key; the recovery codes once.
    await page.goto("/staff/enrol?returnTo=%2Fstaff%2Fkyc");
    const { recoveryCodes } = await enrolOnPage(page, email);
    expect(recoveryCodes).toHaveLength(10);
    await expect(page).toHaveURL(/\/staff\/kyc$/);
    await expect(page.getByRole("heading", { level: 1, name: "KYC review queue" })).toBeVisible();

    // Own sessions are listed.
    await page.goto("/staff/sessions");
    await expect(
      page.getByRole("heading", { level: 1, name: "Your staff sessions" }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out of this browser" })).toBeVisible();

    // Signing in again asks for a code (signInStaff computes it from the enrolled key).
    expect(readStaffTotp(email)).not.toBeNull();
    await page.context().clearCookies();
    await page.goto("/staff/kyc");
    await expect(page).toHaveURL(/\/staff\/sign-in/);
    await signInStaff(page, email, PASSWORD);
    await page.goto("/staff/kyc");
    await expect(page.getByRole("heading", { level: 1, name: "KYC review queue" })).toBeVisible();
  });
});
