// Helpers for the KYC flows: customers are made and signed in without any screen (the
// tRPC HTTP endpoint and next-auth's own endpoints), staff sign in through the staff
// sign-in page, and a second checked page plays the staff member beside the customer.
import { randomBytes } from "node:crypto";
import { deflateSync } from "node:zlib";
import { DEMO_STAFF } from "@brokerage/db/seed";
import { expect, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { expectAccessible } from "../fixtures/accessibility";
import { test as base } from "../fixtures/test";
import { readRecoveryCodes, readSetupKey } from "./identity";
import { nextStaffCode, readStaffTotp, rememberStaffTotp, staffSignInCode, withStaffLock } from "./staff-totp";

export const CUSTOMER_PASSWORD = "Kyc-Flow-Passphrase-2026";

export interface TestCustomer {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  /** The name staff see in the queue: first and last name. */
  name: string;
}

/** Lower-case letters only: names must pass the KYC name rule. */
function letters(count: number): string {
  return Array.from(randomBytes(count), (b) => String.fromCharCode(97 + (b % 26))).join("");
}

/** A customer nobody else uses: a unique e-mail and a unique last name. */
export function uniqueCustomer(tag: string): TestCustomer {
  const suffix = letters(8);
  const lastName = `Tester${suffix[0]!.toUpperCase()}${suffix.slice(1)}`;
  return {
    email: `kyc-${tag}-${Date.now().toString(36)}-${suffix}@example.com`,
    password: CUSTOMER_PASSWORD,
    firstName: "Kim",
    lastName,
    name: `Kim ${lastName}`,
  };
}

// --- tRPC over HTTP (no transformer: plain JSON in, { result: { data } } out) ---------

export async function trpcMutation(
  request: APIRequestContext,
  path: string,
  input?: unknown,
): Promise<APIResponse> {
  return request.post(`/api/trpc/${path}`, input === undefined ? {} : { data: input });
}

export async function trpcQuery(
  request: APIRequestContext,
  path: string,
  input?: unknown,
): Promise<APIResponse> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return request.get(`/api/trpc/${path}${query}`);
}

async function dataOf<T>(response: APIResponse, what: string): Promise<T> {
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  expect(response.status(), `${what}: ${JSON.stringify(body.error ?? null)}`).toBe(200);
  return body.result!.data;
}

/** The domain code of a refused tRPC call. */
export async function appCodeOf(response: APIResponse): Promise<string | undefined> {
  const body = (await response.json()) as { error?: { data?: { appCode?: string } } };
  return body.error?.data?.appCode;
}

// --- customers ------------------------------------------------------------------------

export async function signUpCustomer(
  request: APIRequestContext,
  customer: TestCustomer,
): Promise<void> {
  await dataOf(
    await trpcMutation(request, "auth.signUp", {
      email: customer.email,
      password: customer.password,
      firstName: customer.firstName,
      lastName: customer.lastName,
    }),
    "auth.signUp",
  );
}

/**
 * Signs the page's browser context in as the customer through next-auth's own endpoints
 * (the customer sign-in screen belongs to another feature): the CSRF token, then the
 * `customer` Credentials callback as a form. The session cookie lands in the context.
 */
export async function signInCustomer(page: Page, customer: TestCustomer): Promise<void> {
  const csrf = await page.request.get("/api/auth/csrf");
  expect(csrf.status()).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await page.request.post("/api/auth/callback/customer", {
    form: { csrfToken, email: customer.email, password: customer.password, callbackUrl: "/" },
    maxRedirects: 0,
  });
  const location = callback.headers()["location"] ?? "";
  expect(callback.status(), `sign-in answered ${callback.status()} to ${location}`).toBe(302);
  expect(location, "next-auth refused the sign-in").not.toContain("error=");
  const session = await page.request.get("/api/auth/session");
  expect(await session.json()).toMatchObject({ kind: "customer" });
}

/** Reads the e-mailed 6-digit code from the development mailbox and verifies the address. */
export async function verifyCustomerEmail(page: Page, customer: TestCustomer): Promise<void> {
  const messages = await dataOf<Array<{ subject: string | null; body: string }>>(
    await trpcQuery(page.request, "dev.mailbox", { recipient: customer.email }),
    "dev.mailbox",
  );
  const code = messages.map((m) => /\b(\d{6})\b/.exec(m.body)?.[1]).find(Boolean);
  expect(code, `a verification code e-mailed to ${customer.email}`).toBeTruthy();
  await dataOf(
    await trpcMutation(page.request, "customer.verifyEmail", { code }),
    "customer.verifyEmail",
  );
}

/** A new customer, signed in on `page`. */
export async function signedInCustomer(page: Page, tag: string): Promise<TestCustomer> {
  const customer = uniqueCustomer(tag);
  await signUpCustomer(page.request, customer);
  await signInCustomer(page, customer);
  return customer;
}

/**
 * A new, signed-in customer asked for KYC the way the product asks: a verified e-mail,
 * then an attempt to open a real account, which answers 403 KYC_REQUIRED and raises the
 * requirement (level 1, real_account_required).
 */
export async function customerAskedForKyc(page: Page, tag: string): Promise<TestCustomer> {
  const customer = await signedInCustomer(page, tag);
  await verifyCustomerEmail(page, customer);
  const open = await trpcMutation(page.request, "accounts.open", { group: "real-usd" });
  expect(open.status()).toBe(403);
  expect(await appCodeOf(open)).toBe("KYC_REQUIRED");
  return customer;
}

// --- documents ------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A small, valid RGB PNG (a gradient), so the staff page really has an image to show. */
export function pngImage(width = 96, height = 60): Buffer {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    rows[row] = 0; // no filter
    for (let x = 0; x < width; x++) {
      rows[row + 1 + x * 3] = Math.round((x / width) * 255);
      rows[row + 2 + x * 3] = Math.round((y / height) * 255);
      rows[row + 3 + x * 3] = 160;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(rows)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A one-page PDF with a correct cross-reference table. */
export function pdfDocument(text = "Proof of identity"): Buffer {
  const stream = `BT /F1 18 Tf 40 100 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export const passportPng = (): UploadFile => ({
  name: "passport.png",
  mimeType: "image/png",
  buffer: pngImage(),
});
export const passportPdf = (): UploadFile => ({
  name: "passport.pdf",
  mimeType: "application/pdf",
  buffer: pdfDocument(),
});

/** What a complete, valid form holds (the customer's legal name is the sign-up name). */
export function kycDetails(customer: TestCustomer) {
  return {
    firstName: customer.firstName,
    lastName: customer.lastName,
    dateOfBirth: "1990-04-12",
    nationality: { code: "DE", name: "Germany" },
    countryOfResidence: { code: "CY", name: "Cyprus" },
    line1: "1 Harbour Road",
    city: "Limassol",
    postalCode: "3035",
    addressCountry: { code: "CY", name: "Cyprus" },
    documentType: "passport",
    documentNumber: "C01X00T47",
    expiryDate: "2034-01-31",
  };
}

/** Fills the KYC form on /kyc (every field, and the files). */
export async function fillKycForm(
  page: Page,
  customer: TestCustomer,
  files: UploadFile[],
): Promise<void> {
  const d = kycDetails(customer);
  await page.getByLabel("Legal first name").fill(d.firstName);
  await page.getByLabel("Legal last name").fill(d.lastName);
  await page.getByLabel("Date of birth").fill(d.dateOfBirth);
  await page.getByLabel("Nationality").selectOption(d.nationality.code);
  await page.getByLabel("Country of residence").selectOption(d.countryOfResidence.code);
  await page.getByLabel("Address line 1").fill(d.line1);
  await page.getByLabel("Town or city").fill(d.city);
  await page.getByLabel("Postal code").fill(d.postalCode);
  await page.getByLabel("Country", { exact: true }).selectOption(d.addressCountry.code);
  await page.getByLabel("Type of document").selectOption(d.documentType);
  await page.getByLabel("Document number").fill(d.documentNumber);
  await page.getByLabel("Expiry date").fill(d.expiryDate);
  await page.getByLabel("Photos or scans of your document").setInputFiles(files);
}

/** kyc.submit through the tRPC HTTP endpoint, for flows that do not test the form. */
export async function submitKycOverHttp(
  page: Page,
  customer: TestCustomer,
  file: UploadFile,
): Promise<number> {
  const d = kycDetails(customer);
  const submitted = await dataOf<{ submissionId: number }>(
    await trpcMutation(page.request, "kyc.submit", {
      level: 1,
      firstName: d.firstName,
      lastName: d.lastName,
      dateOfBirth: d.dateOfBirth,
      nationality: d.nationality.code,
      countryOfResidence: d.countryOfResidence.code,
      address: {
        line1: d.line1,
        city: d.city,
        postalCode: d.postalCode,
        country: d.addressCountry.code,
      },
      document: { type: d.documentType, number: d.documentNumber, expiryDate: d.expiryDate },
      files: [{ fileName: file.name, contentBase64: file.buffer.toString("base64") }],
    }),
    "kyc.submit",
  );
  return submitted.submissionId;
}

// --- staff ----------------------------------------------------------------------------

/**
 * Signs a staff member in through the staff sign-in page, with a TOTP code, and ends on
 * the page staff land on after sign-in. Staff TOTP is mandatory: the member's first
 * sign-in in the run enrols an authenticator through the enrolment page (the secret is
 * kept in the run's state folder, see staff-totp.ts); later ones compute the code.
 */
export async function signInStaff(
  page: Page,
  email: string = DEMO_STAFF.email,
  password: string = DEMO_STAFF.password,
): Promise<void> {
  await withStaffLock(email, async () => {
    const known = readStaffTotp(email);
    await page.goto("/staff/sign-in");
    await page.getByLabel("Work e-mail address").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    if (known) {
      const codeField = page.getByLabel("Authentication code");
      await expect(codeField).toBeVisible();
      const { code, after } = await staffSignInCode(known);
      await codeField.fill(code);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).not.toHaveURL(/\/staff\/sign-in/);
      rememberStaffTotp(email, after);
    } else {
      await enrolOnPage(page, email);
    }
    await expect(page).toHaveURL(/\/staff(\/|$|\?)/);
    await expect(page).not.toHaveURL(/\/staff\/(sign-in|enrol)/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
  await expectAccessible(page);
}

/**
 * On the enrolment page (where a member without TOTP lands): shows the key, confirms
 * with a code computed from it, reads the recovery codes and goes on. Returns them.
 */
export async function enrolOnPage(page: Page, email: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  await expect(page).toHaveURL(/\/staff\/enrol/);
  await expect(page.getByRole("heading", { level: 1, name: "Set up two-factor sign-in" })).toBeVisible();
  await page.getByRole("button", { name: "Show the key for my authenticator app" }).click();
  await expect(page.getByRole("img", { name: /^QR code that adds .+ at .+ to an authenticator app$/ })).toBeVisible();
  const secret = await readSetupKey(page);
  const { code, step } = await nextStaffCode({ secret, lastStep: null });
  await page.getByLabel("Code from your app").fill(code);
  await page.getByRole("button", { name: "Confirm the code and turn on two-factor sign-in" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  const recoveryCodes = await readRecoveryCodes(page);
  rememberStaffTotp(email, { secret, lastStep: step, recoveryCodes });
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(page).not.toHaveURL(/\/staff\/enrol/);
  return { secret, recoveryCodes };
}

/** Opens the customer's submission from the queue (oldest first; ours is found by name). */
export async function openSubmissionFromQueue(page: Page, customer: TestCustomer): Promise<void> {
  await page.goto("/staff/kyc");
  const row = page.getByRole("row", { name: new RegExp(customer.name) });
  await expect(row).toBeVisible();
  await expect(row).toContainText(customer.email);
  await expect(row).toContainText("1: identity");
  await row.getByRole("link", { name: customer.name }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Review: ${customer.name}` }),
  ).toBeVisible();
  await expectAccessible(page);
}

// --- a second checked page ------------------------------------------------------------

const EXPECTED_CONSOLE_NOISE =
  /^Failed to load resource: the server responded with a status of 4\d\d/;

/**
 * `test` with `staffPage`: a page in a browser context of its own (a second person),
 * checked like the fixture's `page`: axe after every goto, no errors in the console.
 */
export const test = base.extend<{ staffPage: Page }>({
  staffPage: async ({ browser, baseURL }, use) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && !EXPECTED_CONSOLE_NOISE.test(message.text()))
        problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      await expectAccessible(page);
      return response;
    };
    await use(page);
    await context.close();
    expect(problems, "errors in the staff browser's console").toEqual([]);
  },
});

export { expect, expectAccessible };
