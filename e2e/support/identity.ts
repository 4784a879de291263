// Helpers of the identity and two-factor flows: fresh customers, codes from the
// development mailbox, signing in through the form, and TOTP codes computed from a
// secret the way an authenticator app does (RFC 6238: HMAC-SHA1, 6 digits, 30 s).
import { createHmac, randomBytes } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** A new address per call: tests never share a customer. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${randomBytes(3).toString("hex")}@example.com`;
}

/** Long, random enough to be in no list of common passwords. */
export function newPassword(): string {
  return `Kestrel-${randomBytes(6).toString("base64url")}-42`;
}

export interface TestCustomer {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
}

/** Registers a customer through the API (auth.signUp), for flows that start signed out. */
export async function registerCustomer(
  request: APIRequestContext,
  label: string,
): Promise<TestCustomer> {
  const customer = {
    email: uniqueEmail(label),
    password: newPassword(),
    firstName: "Test",
    lastName: "Customer",
  };
  const response = await request.post("/api/trpc/auth.signUp", {
    data: { ...customer, preferredLanguage: "en" },
  });
  expect(response.status(), await response.text()).toBe(200);
  return customer;
}

interface MailboxMessage {
  recipient: string;
  subject: string | null;
  body: string;
  createdAt: string;
}

/**
 * The code in the newest message to `recipient` whose subject (e-mail) or body (SMS)
 * matches `about`. Messages are written with the change that caused them, so they are
 * there as soon as the page has answered; the poll only covers a slow read.
 */
export async function readCode(
  request: APIRequestContext,
  recipient: string,
  options: { digits: number; about: RegExp },
): Promise<string> {
  const pattern = new RegExp(`(?:code is|Code lautet) (\\d{${options.digits}})\\b`);
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const input = encodeURIComponent(JSON.stringify({ recipient }));
        const response = await request.get(`/api/trpc/dev.mailbox?input=${input}`);
        const messages = ((await response.json()) as { result: { data: MailboxMessage[] } }).result
          .data;
        const message = messages.find((m) => options.about.test(m.subject ?? m.body));
        code = message ? pattern.exec(message.body)?.[1] : undefined;
        return code;
      },
      { message: `a code for ${recipient}`, timeout: 5_000 },
    )
    .toBeTruthy();
  return code!;
}

export const EMAIL_VERIFICATION = { digits: 6, about: /verification code/i } as const;
export const PASSWORD_RESET = { digits: 6, about: /password reset code/i } as const;
export const PHONE_VERIFICATION = { digits: 4, about: /your code is/i } as const;
export const STEP_UP_CODE = { digits: 6, about: /confirmation code/i } as const;

/**
 * Confirms the step-up prompt ("Confirm this operation", issue 16) of a customer without
 * two-factor: the code goes to their e-mail address, read from the development mailbox.
 */
export async function confirmStepUpByEmail(page: Page, email: string): Promise<void> {
  const prompt = page.getByRole("form", { name: "Confirm this operation" });
  await expect(prompt).toBeVisible();
  await prompt.getByRole("button", { name: "Send code" }).click();
  await expect(prompt.getByRole("status")).toContainText("Code sent");
  const code = await readCode(page.request, email, STEP_UP_CODE);
  await prompt.getByLabel("Confirmation code").fill(code);
  await prompt.getByRole("button", { name: "Confirm" }).click();
  await expect(prompt).toBeHidden();
}

/** Fills and submits the sign-in form's first step. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Signs in through the form (no two-factor) and waits for the page it leads to. */
export async function signIn(
  page: Page,
  customer: Pick<TestCustomer, "email" | "password">,
  next: string,
): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await submitSignIn(page, customer.email, customer.password);
  await expect(page).toHaveURL(next);
}

/** A form's refusal (not Next's route announcer, which is an alert too). */
export function formAlert(page: Page) {
  return page.getByRole("main").getByRole("alert");
}

/** The header's sign-out button (every page has it for a signed-in customer). */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
}

// --- TOTP -------------------------------------------------------------------------

const PERIOD_MS = 30_000;

function base32Decode(input: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const clean = input.replace(/[\s=-]/g, "").toUpperCase();
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of clean) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The TOTP time step of a moment. */
export function totpStep(at: number = Date.now()): number {
  return Math.floor(at / PERIOD_MS);
}

/** The 6-digit code of `secret` for a time step. */
export function totpCode(secret: string, step: number = totpStep()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = createHmac("sha1", base32Decode(secret)).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const binary = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(binary).padStart(6, "0");
}

/**
 * A code of a time step after `usedStep`: the server accepts no code twice (nor an
 * older one), so a second use of the same secret waits for the next 30-second step.
 */
export async function nextTotpCode(
  page: Page,
  secret: string,
  usedStep: number,
): Promise<{ code: string; step: number }> {
  const wait = (usedStep + 1) * PERIOD_MS - Date.now();
  if (wait > 0) await page.waitForTimeout(wait + 250);
  const step = totpStep();
  return { code: totpCode(secret, step), step };
}

/** The setup key shown on /security, without its grouping spaces. */
export async function readSetupKey(page: Page): Promise<string> {
  const grouped = await page.getByTestId("otp-secret").innerText();
  expect(grouped).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
  return grouped.replace(/\s+/g, "");
}

/** The recovery codes of the panel that shows them once. */
export async function readRecoveryCodes(page: Page): Promise<string[]> {
  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  return (await list.getByRole("listitem").allInnerTexts()).map((code) => code.trim());
}

/**
 * Turns two-factor authentication on from /security with a code computed from the key
 * on the screen; returns the key, the time step its code used and the recovery codes.
 */
export async function setUpTwoFactor(
  page: Page,
): Promise<{ secret: string; step: number; recoveryCodes: string[] }> {
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(page.getByRole("heading", { name: "Set up your authenticator app" })).toBeFocused();
  const secret = await readSetupKey(page);
  const step = totpStep();
  await page.getByLabel("Code from your app").fill(totpCode(secret, step));
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeFocused();
  return { secret, step, recoveryCodes: await readRecoveryCodes(page) };
}

/** A 6-digit code that is none of the codes `secret` accepts around now. */
export function wrongTotpCode(secret: string): string {
  const valid = new Set([-1, 0, 1].map((offset) => totpCode(secret, totpStep() + offset)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, "0");
    if (!valid.has(candidate)) return candidate;
  }
}
