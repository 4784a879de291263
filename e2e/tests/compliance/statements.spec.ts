// Monthly statements (issue 17) in real Chromium: a customer with a live account opened last
// month shows last month's statement and downloads it as a PDF and as a CSV.
import { readFileSync } from "node:fs";
import { createPrismaClient } from "@brokerage/db";
import { expect, test } from "../../fixtures/test";
import { customerWithLiveAccount } from "../../support/money";
import { readDatabaseUrl } from "../../support/state";

/** The account and its money as if opened and funded in the middle of last month (UTC). */
async function moveToLastMonth(accountId: number): Promise<string> {
  const now = new Date();
  const midLastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15, 12));
  const db = createPrismaClient(readDatabaseUrl(), { max: 1 });
  try {
    await db.account.update({ where: { id: accountId }, data: { createdAt: midLastMonth } });
    await db.moneyMovement.updateMany({ where: { accountId }, data: { createdAt: midLastMonth } });
  } finally {
    await db.$disconnect();
  }
  return midLastMonth.toISOString().slice(0, 7);
}

test.describe("monthly statements (issue 17)", () => {
  // KYC, compliance, an opening and a funding come first: generous on a loaded machine.
  test.describe.configure({ timeout: 300_000 });

  test("a customer shows last month's statement and downloads it as PDF and CSV", async ({ page, playwright, baseURL }) => {
    const { account } = await customerWithLiveAccount(page, playwright, baseURL!, "statements", "250.00");
    const month = await moveToLastMonth(account.accountId);

    // From the account's page.
    await page.goto(`/accounts/${account.accountId}`);
    await page.getByRole("link", { name: "Monthly statements" }).click();
    await page.waitForURL((url) => url.pathname === "/money/statements");
    await expect(page.getByRole("heading", { level: 1, name: "Monthly statements" })).toBeVisible();
    await expect(page.getByLabel("Account", { exact: true })).toHaveValue(String(account.accountId));
    await expect(page.getByLabel("Month", { exact: true })).toHaveValue(month);
    await page.getByRole("button", { name: "Show statement" }).click();

    const result = page.getByRole("status").filter({ hasText: `Statement for ${month}` });
    await expect(result).toBeVisible();
    await expect(result).toContainText("Opening balance");
    await expect(result).toContainText("$0.00");
    await expect(result).toContainText("$250.00");
    await expect(result).toContainText("1 movement");

    const [pdf] = await Promise.all([page.waitForEvent("download"), result.getByRole("link", { name: "Download PDF" }).click()]);
    expect(pdf.suggestedFilename()).toBe(`statement-${account.login}-${month}.pdf`);
    const pdfBytes = readFileSync((await pdf.path())!);
    expect(pdfBytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const [csv] = await Promise.all([page.waitForEvent("download"), result.getByRole("link", { name: "Download CSV" }).click()]);
    expect(csv.suggestedFilename()).toBe(`statement-${account.login}-${month}.csv`);
    const text = readFileSync((await csv.path())!, "utf8");
    expect(text).toContain("CLOSING_BALANCE");
    expect(text).toContain("250.00");

    // The route itself: an attachment no shared cache keeps; another account id is 404.
    const direct = await page.request.get(`/money/statements/${account.accountId}/${month}.pdf`);
    expect(direct.status()).toBe(200);
    expect(direct.headers()["content-type"]).toBe("application/pdf");
    expect(direct.headers()["content-disposition"]).toBe(`attachment; filename="statement-${account.login}-${month}.pdf"`);
    expect(direct.headers()["cache-control"]).toContain("no-store");
    expect((await direct.body()).equals(pdfBytes)).toBe(true);
    expect((await page.request.get(`/money/statements/999999999/${month}.pdf`)).status()).toBe(404);
  });
});
