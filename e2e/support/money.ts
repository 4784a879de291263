// What the money flows share: a KYC-approved customer with a live USD account (funded by
// staff when asked), the payment simulator's card form, and sessions made "old" so a
// change asks for the password again.
import { createPrismaClient } from "@brokerage/db";
import type { Page, PlaywrightWorkerArgs } from "@playwright/test";
import { deposit, openAccount, signedInCustomer, staffRequest, withApprovedKyc, type Customer, type Opened } from "./accounts";
import { readDatabaseUrl } from "./state";

export const PAYING_CARD = "4242 4242 4242 4242";
export const DECLINED_CARD = "4000 0000 0000 0002";
/** A valid German IBAN (the standard example) and its bank's BIC. */
export const TEST_IBAN = "DE89 3704 0044 0532 0130 00";
export const TEST_BIC = "COBADEFFXXX";

/** A new customer with approved KYC and an open `real-usd` account, funded by staff when `funds` is given (up to 1,000.00). */
export async function customerWithLiveAccount(
  page: Page,
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string,
  tag: string,
  funds?: string,
): Promise<{ customer: Customer; account: Opened }> {
  const customer = await signedInCustomer(page, tag);
  await withApprovedKyc(page.request, playwright, baseURL, customer);
  const account = await openAccount(page.request, "real-usd");
  if (funds) {
    const staff = await staffRequest(playwright, baseURL);
    try {
      await deposit(staff, account.accountId, funds);
    } finally {
      await staff.dispose();
    }
  }
  return { customer, account };
}

/** The simulator's hosted page: fills the card and pays. */
export async function payOnSimulatorPage(page: Page, card: string, amountLabel: string): Promise<void> {
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry (MM/YY)").fill("12/35");
  await page.getByLabel("Security code (CVC)").fill("123");
  await page.getByLabel("Name on card").fill("Alex Accounts");
  await page.getByRole("button", { name: `Pay ${amountLabel}` }).click();
}

/** As far as the server knows, the customer signed in 10 minutes ago: sensitive changes ask for the password. */
export async function ageSessions(email: string): Promise<void> {
  const db = createPrismaClient(readDatabaseUrl(), { max: 1 });
  try {
    await db.$executeRaw`
      UPDATE "Session" SET "createdAt" = "createdAt" - interval '10 minutes', "reauthenticatedAt" = NULL
      WHERE "customerId" = (SELECT "id" FROM "Customer" WHERE "email" = ${email})`;
  } finally {
    await db.$disconnect();
  }
}
