// An ADMIN invites a new member from /staff/members; the invitation is read from the
// development mailbox; the invitee opens the link, chooses a password, enrols TOTP and
// lands on the staff pages their role allows (and no others).
import { latestMail } from "../../support/accounts";
import { uniqueEmail } from "../../support/identity";
import { enrolOnPage, expect, signInStaff, test } from "../../support/kyc";

const PASSWORD = "Invitee-Chosen-Pass-2026";

test("an ADMIN invites a KYC reviewer who sets a password, enrols and reaches the KYC queue only", async ({
  page,
  staffPage,
}) => {
  test.setTimeout(90_000);
  const email = uniqueEmail("staff-invite");
  await signInStaff(page);
  await page.goto("/staff/members");
  await expect(page.getByRole("heading", { level: 1, name: "Staff members" })).toBeVisible();
  await page.getByLabel("Work e-mail address").fill(email);
  await page.getByLabel("Full name").fill("Ines Invitee");
  await page.getByLabel("Role", { exact: true }).selectOption("KYC_REVIEWER");
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `Invitation sent to ${email}.` }),
  ).toBeVisible();
  const row = page.getByRole("row", { name: /Ines Invitee/ });
  await expect(row).toContainText("KYC reviewer");
  await expect(row).toContainText("Invitation sent, not accepted yet");

  const mail = await latestMail(page.request, email, "back-office access");
  const link = /https?:\/\/\S+\/staff\/enrol\/[A-Za-z0-9_-]{43}/.exec(mail.body)?.[0];
  expect(link, "the enrolment link in the invitation").toBeTruthy();
  const path = new URL(link!).pathname;

  // The invitee, in a browser of their own.
  await staffPage.goto(path);
  await expect(
    staffPage.getByRole("heading", { level: 1, name: "Choose your staff password" }),
  ).toBeVisible();
  await staffPage.getByLabel("New password", { exact: true }).fill(PASSWORD);
  await staffPage.getByLabel("New password, again").fill(PASSWORD);
  await staffPage.getByRole("button", { name: "Save the password and continue" }).click();
  await enrolOnPage(staffPage, email);
  // Enrolled: the staff home lists what the role allows, and the KYC queue opens.
  await expect(staffPage.getByRole("heading", { level: 1, name: "Staff home" })).toBeVisible();
  await expect(staffPage.getByRole("link", { name: "KYC review" }).first()).toBeVisible();
  await staffPage.goto("/staff/kyc");
  await expect(
    staffPage.getByRole("heading", { level: 1, name: "KYC review queue" }),
  ).toBeVisible();

  // The role's pages only.
  await staffPage.goto("/staff/members");
  await expect(
    staffPage.getByRole("heading", { level: 1, name: "Not part of your role" }),
  ).toBeVisible();

  // The link worked once.
  await staffPage.goto(path);
  await expect(
    staffPage.getByRole("heading", { level: 1, name: "This link no longer works" }),
  ).toBeVisible();

  // The ADMIN sees the member enrolled.
  await page.goto("/staff/members");
  await expect(page.getByRole("row", { name: /Ines Invitee/ })).toContainText(
    "Two-factor sign-in set up",
  );
});
