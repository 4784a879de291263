import { readFileSync } from "node:fs";
import { expect, expectAccessible, test } from "../../fixtures/test";
import { deposit, openAccount, signedInCustomer, staffRequest, withApprovedKyc } from "../../support/accounts";

test.describe("history and the dashboard (issue #13)", () => {
  test.describe.configure({ timeout: 90_000 });

  test("a transfer made in the browser is in the history and in the CSV; the dashboard shows the total", async ({ page, playwright, baseURL }) => {
    const customer = await signedInCustomer(page, "history");
    await withApprovedKyc(page.request, playwright, baseURL!, customer);
    const real = await openAccount(page.request, "real-usd");
    const wallet = await openAccount(page.request, "wallet-usd");
    await openAccount(page.request, "demo-usd");
    const staff = await staffRequest(playwright, baseURL!);
    try {
      await deposit(staff, real.accountId, "250.00");
    } finally {
      await staff.dispose();
    }

    // The accounts list shows each balance.
    await page.goto("/accounts");
    const realCard = page.getByRole("article", { name: "real-usd" });
    await expect(realCard.getByRole("definition").filter({ hasText: "$250.00" })).toBeVisible();

    // A transfer, in the browser.
    await page.goto(`/accounts/${real.accountId}`);
    const transfer = page.getByRole("region", { name: "Transfer" });
    await transfer.getByLabel("Amount in USD").fill("40.25");
    await transfer.getByRole("button", { name: "Transfer" }).click();
    await expect(transfer.getByRole("status")).toContainText("$40.25 moved");

    // The history shows both legs, newest first.
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "History", exact: true }).click();
    await expect(page).toHaveURL(/\/money\/history$/);
    await expect(page.getByRole("heading", { level: 1, name: "Money history" })).toBeVisible();
    await expectAccessible(page);
    const table = page.getByRole("table", { name: "Money movements, newest first" });
    const debit = table.getByRole("row").filter({ hasText: "-$40.25" });
    await expect(debit).toContainText("real-usd");
    await expect(debit).toContainText("Transfer");
    await expect(debit).toContainText("Completed");
    await expect(debit).toContainText(`To wallet-usd (${wallet.login})`);
    await expect(table.getByRole("row").filter({ hasText: `From real-usd (${real.login})` })).toContainText("$40.25");

    // Filter to the wallet: only its leg remains.
    await page.getByLabel("Account", { exact: true }).selectOption({ label: `wallet-usd (${wallet.login}, USD)` });
    await page.getByLabel("Type", { exact: true }).selectOption("TRANSFER");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`account=${wallet.accountId}`));
    await expect(table.getByRole("row")).toHaveCount(2); // the header and one movement
    await expect(table.getByRole("row").nth(1)).toContainText("$40.25");

    // The CSV of the same filters downloads with the transfer in it.
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^history-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await file.path())!, "utf8");
    const lines = csv.replace(/^\ufeff/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("Date (UTC),Account login,Account,Kind,Status,Amount,Currency,Counterparty login,Counterparty,Description,Id");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,${wallet.login},wallet-usd,TRANSFER,COMPLETED,40.25,USD,${real.login},real-usd,`);

    // The session's own request: an attachment, never cached; the 11th export in 10 minutes is refused.
    const again = await page.request.get(`/money/history/export.csv?account=${wallet.accountId}`);
    expect(again.status()).toBe(200);
    expect(again.headers()["content-disposition"]).toMatch(/^attachment; filename="history-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(again.headers()["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
    expect(again.headers()["cache-control"]).toBe("no-store");
    for (let i = 0; i < 8; i++) expect((await page.request.get("/money/history/export.csv")).status()).toBe(200);
    const throttled = await page.request.get("/money/history/export.csv");
    expect(throttled.status()).toBe(429);
    expect(Number(throttled.headers()["retry-after"])).toBeGreaterThan(0);
    expect(await throttled.json()).toMatchObject({ error: "TOO_MANY_ATTEMPTS" });

    // Anonymous: no file.
    const anonymous = await playwright.request.newContext({ baseURL });
    try {
      const refused = await anonymous.get("/money/history/export.csv");
      expect(refused.status()).toBe(401);
      expect(await refused.json()).toMatchObject({ error: "INVALID_CUSTOMER_SESSION" });
    } finally {
      await anonymous.dispose();
    }

    // The dashboard: USD 209.75 + 40.25 = 250.00 of real money; the demo account apart.
    await nav.getByRole("link", { name: "Dashboard", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByLabel("Total of your live accounts and wallets in USD")).toHaveText("$250.00");
    await expect(page.getByRole("table", { name: "Demo accounts by currency" })).toContainText("$10,000.00");
    await expect(page.getByRole("table", { name: "Your five latest money movements" }).getByRole("row").filter({ hasText: "-$40.25" })).toBeVisible();
    await expectAccessible(page);

    // In euros: the simulator's mid rate USD->EUR is 0.92, so 250.00 USD = 230.00 EUR.
    await page.getByLabel("Show totals in").selectOption("EUR");
    await page.getByRole("button", { name: "Save display currency" }).click();
    await expect(page.getByText("Totals are now shown in EUR.")).toBeVisible();
    await expect(page.getByLabel("Total of your live accounts and wallets in EUR")).toHaveText("€230.00");
  });
});
