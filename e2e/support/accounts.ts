// What the account flows need that is not theirs to test: customers signed in without
// the sign-in UI (built elsewhere), verified e-mail, KYC approved by staff, money put on
// accounts by staff. Everything goes through the portal's public HTTP surface: the tRPC
// endpoint and next-auth's own endpoints.
import { randomUUID } from "node:crypto";
import { PASSING_ANSWERS } from "@brokerage/db/compliance-data";
import { DEMO_STAFF } from "@brokerage/db/seed";
import { expect, type APIRequestContext, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import { nextStaffCode, readStaffTotp, rememberStaffTotp, staffSignInCode, withStaffLock } from "./staff-totp";

export interface Customer {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
}

/** A customer no other test (or earlier run) uses. */
export function newCustomer(tag: string): Customer {
  const unique = `${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
  return {
    email: `accounts-${tag}-${unique}@example.com`,
    password: `Trader-${unique}-Pw`,
    firstName: "Alex",
    lastName: "Accounts",
  };
}

interface TrpcFailure {
  status: number;
  appCode?: string;
  body: unknown;
}

export class TrpcCallFailed extends Error {
  constructor(
    readonly path: string,
    readonly failure: TrpcFailure,
  ) {
    super(`${path} answered ${failure.status} ${failure.appCode ?? ""}: ${JSON.stringify(failure.body).slice(0, 500)}`);
  }
}

async function unwrap<T>(path: string, response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  const body = (await response.json().catch(() => null)) as
    | { result?: { data?: T }; error?: { data?: { appCode?: string } } }
    | null;
  if (response.status() !== 200 || !body?.result) {
    throw new TrpcCallFailed(path, { status: response.status(), appCode: body?.error?.data?.appCode, body });
  }
  return body.result.data as T;
}

/** A tRPC mutation over plain HTTP (no transformer: the body is the input). */
export async function trpcMutation<T = unknown>(request: APIRequestContext, path: string, input?: unknown): Promise<T> {
  const response = await request.post(`/api/trpc/${path}`, input === undefined ? {} : { data: input });
  return unwrap<T>(path, response);
}

export async function trpcQuery<T = unknown>(request: APIRequestContext, path: string, input?: unknown): Promise<T> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return unwrap<T>(path, await request.get(`/api/trpc/${path}${query}`));
}

/** Signs in through next-auth's Credentials endpoint; the request context (and its browser context) keeps the cookie. */
async function signInWith(
  request: APIRequestContext,
  provider: "customer" | "staff",
  email: string,
  password: string,
  otpCode?: string,
) {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.status()).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post(`/api/auth/callback/${provider}`, {
    form: { csrfToken, email, password, ...(otpCode ? { otpCode } : {}) },
    maxRedirects: 0,
  });
  const location = response.headers()["location"] ?? "";
  expect(response.status(), `sign-in as ${email}: ${location}`).toBe(302);
  expect(location, `sign-in as ${email} was refused`).not.toMatch(/error=/);
  const session = (await (await request.get("/api/auth/session")).json()) as { kind?: string } | null;
  expect(session?.kind, `a ${provider} session for ${email}`).toBe(provider);
}

interface MailboxMessage {
  recipient: string;
  subject: string | null;
  body: string;
}

/** The newest e-mail to `email` whose subject contains `subject`, waiting briefly for the outbox. */
export async function latestMail(request: APIRequestContext, email: string, subject: string): Promise<MailboxMessage> {
  let found: MailboxMessage | undefined;
  await expect
    .poll(
      async () => {
        const messages = await trpcQuery<MailboxMessage[]>(request, "dev.mailbox", { recipient: email });
        found = messages.find((m) => m.subject?.includes(subject));
        return found !== undefined;
      },
      { message: `an e-mail "${subject}" to ${email}`, timeout: 10_000 },
    )
    .toBe(true);
  return found!;
}

export function sixDigitCode(body: string): string {
  const code = /\b(\d{6})\b/.exec(body)?.[1];
  if (!code) throw new Error(`no 6-digit code in: ${body}`);
  return code;
}

/**
 * A new customer, signed in in the page's browser context (page.request shares its
 * cookies), with the e-mail verified unless asked otherwise.
 */
export async function signedInCustomer(page: Page, tag: string, options: { verifyEmail?: boolean } = {}): Promise<Customer> {
  const customer = newCustomer(tag);
  await trpcMutation(page.request, "auth.signUp", {
    email: customer.email,
    password: customer.password,
    firstName: customer.firstName,
    lastName: customer.lastName,
  });
  await signInWith(page.request, "customer", customer.email, customer.password);
  if (options.verifyEmail ?? true) {
    const mail = await latestMail(page.request, customer.email, "verification code");
    await trpcMutation(page.request, "customer.verifyEmail", { code: sixDigitCode(mail.body) });
  }
  return customer;
}

/**
 * A request context of its own, signed in as a staff member (the seeded ADMIN unless
 * told), with a TOTP code. Dispose it after use. The member's first sign-in in the run
 * enrols TOTP over tRPC (staffAuth.enrolment.*); the secret is kept in the run's state
 * folder for later sign-ins (staff-totp.ts), shared with signInStaff.
 */
export async function staffRequest(
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string,
  email: string = DEMO_STAFF.email,
  password: string = DEMO_STAFF.password,
): Promise<APIRequestContext> {
  const staff = await playwright.request.newContext({ baseURL });
  await withStaffLock(email, async () => {
    const known = readStaffTotp(email);
    if (known) {
      const { code, after } = await staffSignInCode(known);
      await signInWith(staff, "staff", email, password, code);
      rememberStaffTotp(email, after);
      return;
    }
    // First sign-in: a session that can only enrol.
    await signInWith(staff, "staff", email, password);
    const setup = await trpcMutation<{ secret: string }>(staff, "staffAuth.enrolment.setup", {});
    const { code, step } = await nextStaffCode({ secret: setup.secret, lastStep: null });
    const { recoveryCodes } = await trpcMutation<{ recoveryCodes: string[] }>(staff, "staffAuth.enrolment.enable", { code });
    rememberStaffTotp(email, { secret: setup.secret, lastStep: step, recoveryCodes });
  });
  return staff;
}

// The smallest valid PNG (1x1): the upload check looks at the file's first bytes.
const TINY_PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

/** The customer submits level-1 KYC (personal data, a passport, a scan). */
export async function submitKyc(request: APIRequestContext, customer: Customer): Promise<void> {
  const expiry = new Date();
  expiry.setUTCFullYear(expiry.getUTCFullYear() + 5);
  await trpcMutation(request, "kyc.submit", {
    level: 1,
    firstName: customer.firstName,
    lastName: customer.lastName,
    dateOfBirth: "1990-04-12",
    nationality: "DE",
    countryOfResidence: "DE",
    address: { line1: "Hauptstrasse 1", city: "Berlin", postalCode: "10115", country: "DE" },
    document: { type: "passport", number: "C01X00T47", expiryDate: expiry.toISOString().slice(0, 10) },
    files: [{ fileName: "passport.png", contentBase64: TINY_PNG }],
  });
}

interface QueueItem {
  submissionId: number;
  customer: { email: string };
}

/** Staff approve the customer's pending submission. */
export async function approveKyc(staff: APIRequestContext, email: string): Promise<void> {
  const queue = await trpcQuery<{ items: QueueItem[] }>(staff, "kycReview.queue", { limit: 100, offset: 0 });
  const submission = queue.items.find((item) => item.customer.email === email);
  expect(submission, `a pending KYC submission of ${email}`).toBeTruthy();
  await trpcMutation(staff, "kycReview.approve", { submissionId: submission!.submissionId });
}

/**
 * The compliance steps of issue 17 through the API: the appropriateness questionnaire
 * passed, the current terms accepted. For flows that open REAL accounts but do not test it.
 */
export async function completeCompliance(request: APIRequestContext): Promise<void> {
  const questionnaire = await trpcQuery<{ version: number; status: string }>(request, "compliance.questionnaire");
  if (questionnaire.status !== "PASSED") {
    await trpcMutation(request, "compliance.submitAppropriateness", { version: questionnaire.version, answers: PASSING_ANSWERS });
  }
  const terms = await trpcQuery<{ version: number; accepted: boolean }>(request, "compliance.terms");
  if (!terms.accepted) await trpcMutation(request, "compliance.acceptTerms", { version: terms.version, accepted: true });
}

/** Submit and approve in one go (and the compliance steps), for flows that need KYC but do not test it. */
export async function withApprovedKyc(
  request: APIRequestContext,
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string,
  customer: Customer,
): Promise<void> {
  await submitKyc(request, customer);
  const staff = await staffRequest(playwright, baseURL);
  try {
    await approveKyc(staff, customer.email);
  } finally {
    await staff.dispose();
  }
  await completeCompliance(request);
}

export interface Opened {
  accountId: number;
  login: number;
  temporaryPassword: string | null;
}

export async function openAccount(
  request: APIRequestContext,
  group: string,
  extra: { leverage?: number; startAmount?: string } = {},
): Promise<Opened> {
  return trpcMutation<Opened>(request, "accounts.open", { group, ...extra, idempotencyKey: randomUUID() });
}

/**
 * Staff deposit money on an account (how real money enters until payments exist). Only
 * amounts up to the four-eyes threshold (1,000.00 by default) apply at once; larger ones
 * wait for a second staff member, which this helper does not play.
 */
export async function deposit(staff: APIRequestContext, accountId: number, amount: string): Promise<void> {
  const result = await trpcMutation<{ status: string }>(staff, "staff.adjustBalance", {
    accountId,
    type: "deposit",
    amount,
    comment: "e2e funding",
    idempotencyKey: randomUUID(),
  });
  expect(result.status, `a deposit of ${amount} above the approval threshold waits for a second staff member`).toBe("APPLIED");
}

export async function liveBalance(request: APIRequestContext, accountId: number): Promise<string> {
  return (await trpcQuery<{ balance: string }>(request, "accounts.live", { accountId })).balance;
}

/** The trading password policy (issue #7). */
export const TRADING_PASSWORD_POLICY = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[\x21-\x7e]{8,16}$/;

/** The value shown under a term of a description list (e.g. "Balance") inside `scope`. */
export function termValue(scope: Page | ReturnType<Page["locator"]>, term: string) {
  return scope.locator("dt", { hasText: new RegExp(`^${term}$`) }).locator("xpath=following-sibling::dd[1]");
}

/** The logins of the listed accounts, in the order the page shows them. */
export async function listedLogins(page: Page): Promise<number[]> {
  const items = page.getByRole("main").getByRole("article");
  return (await termValue(items, "Login").allInnerTexts()).map((text) => Number(text.trim()));
}
