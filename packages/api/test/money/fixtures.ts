// Money in and out: customers with funded accounts, paying on the simulator's page, and
// the sums the property checks read.
import type { Harness } from "../support/harness";
import { newCustomer, openFrom } from "../accounts/fixtures";
import { staffMember } from "../staff/fixtures";

export const CARD_PAYS = "4242 4242 4242 4242";
export const CARD_DECLINED = "4000 0000 0000 0002";

/** A KYC-approved customer with a REAL USD account, a USD wallet and a demo account. */
export async function moneyCustomer(h: Harness) {
  const c = await newCustomer(h, { kycApproved: true });
  const real = await openFrom(c.api, "real-usd");
  const wallet = await openFrom(c.api, "wallet-usd");
  const demo = await openFrom(c.api, "demo-usd");
  return { ...c, real, wallet, demo };
}

/** Pays (or declines) on the hosted page as a browser would: GET the form, POST it. */
export async function payOnPage(h: Harness, pageUrl: string, cardNumber = CARD_PAYS): Promise<Response> {
  const page = await h.payments.handle(new Request(pageUrl));
  if (!page) throw new Error(`no page at ${pageUrl}`);
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
  if (!action || !token) throw new Error("the page has no payment form");
  const response = await h.payments.handle(
    new Request(new URL(action.replaceAll("&amp;", "&"), pageUrl), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token, action: "pay", cardNumber, expiry: "12/30", cvc: "123", name: "Tina Trader" }).toString(),
    }),
  );
  if (!response) throw new Error("the simulator did not answer the form");
  return response;
}

let keys = 0;
export const key = (prefix = "k") => `${prefix}-${Date.now()}-${++keys}-key`;

/** Deposits `amount` by card through the page and the webhook: credited when it returns. */
export async function depositByCard(h: Harness, api: Awaited<ReturnType<typeof newCustomer>>["api"], accountId: number, amount: string) {
  const deposit = await api.deposits.create({ accountId, amount, idempotencyKey: key("dep") });
  await payOnPage(h, deposit.paymentPageUrl!);
  await h.payments.deliverDueWebhooks();
  return api.deposits.get({ depositId: deposit.id });
}

export const finance = (h: Harness) => staffMember(h, "FINANCE");

export const IBAN = "DE89 3704 0044 0532 0130 00";
export const BIC = "COBADEFFXXX";
