import type { StaffRole } from "@brokerage/db";
import { loginCustomer } from "../../src/auth/login";
import { hashPassword } from "../../src/passwords/password-hashing";
import { loginStaff } from "../../src/staff-auth/login-staff";
import type { Credential } from "../../src/context";
import { getDomainError } from "../../src/errors";
import type { SubmitKycRequest } from "../../src/kyc/submit.schema";
import { enrolledTotp, totpAt } from "../staff/fixtures";
import type { Harness } from "../support/harness";

export const PASSWORD = "Correct-Horse-42";
export const STAFF_PASSWORD = "Staff-Reviewer-2026";
export const request = { requestId: "test", ip: "198.51.100.7", userAgent: "vitest" };

/** The refusal's code, or "OK". */
export const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: unknown) => getDomainError(e)?.code ?? String(e),
  );

export const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    const domain = getDomainError(e);
    if (domain) return domain;
    throw e;
  }
  throw new Error("expected a refusal");
};

let passwordHash: Promise<string> | undefined;
const hashed = () => (passwordHash ??= hashPassword(PASSWORD));
let staffHash: Promise<string> | undefined;
const staffHashed = () => (staffHash ??= hashPassword(STAFF_PASSWORD));

export async function createCustomer(h: Harness, email: string, name = { firstName: "Olga", lastName: "Tester" }) {
  const brand =
    (await h.db.brand.findUnique({ where: { code: "default" } })) ??
    (await h.db.brand.create({ data: { code: "default", displayName: "Northwind Markets" } }));
  return h.db.customer.create({
    data: { brandId: brand.id, email, passwordHash: await hashed(), ...name, emailVerifiedAt: new Date() },
    select: { id: true, email: true },
  });
}

/** A customer signed in through the real login, with an API bearer token. */
export async function customerWithCredential(h: Harness, email: string, name?: { firstName: string; lastName: string }) {
  const customer = await createCustomer(h, email, name);
  const login = await loginCustomer(h, { email, password: PASSWORD }, request, "API");
  const credential: Credential = { type: "bearer", token: login.tokens!.token };
  return { ...customer, credential, sessionId: login.sessionId };
}

/** A staff member with a password; enrolled in TOTP (STAFF_TOTP_SECRET) unless `enrolled: false`. */
export async function createStaff(
  h: Harness,
  email: string,
  options: { enabled?: boolean; role?: StaffRole; enrolled?: boolean } = {},
) {
  return h.db.staff.create({
    data: {
      email,
      name: `Reviewer ${email.split("@")[0]}`,
      role: options.role ?? "KYC_REVIEWER",
      passwordHash: await staffHashed(),
      enabled: options.enabled ?? true,
      ...(options.enrolled === false ? {} : enrolledTotp()),
    },
    select: { id: true, email: true, name: true },
  });
}

/** An enrolled staff member signed in through loginStaff, with a TOTP code. */
export async function staffWithCredential(h: Harness, email: string, role: StaffRole = "KYC_REVIEWER") {
  const staff = await createStaff(h, email, { role });
  const login = await loginStaff(h, { email, password: STAFF_PASSWORD, otpCode: await totpAt(h) }, request);
  const credential: Credential = { type: "staff-session", sessionId: login.sessionId };
  return { ...staff, credential, sessionId: login.sessionId };
}

// Minimal files that start with each accepted signature, and two executables that do not.
export const bytesOf = {
  jpeg: (size = 2048) => withHeader([0xff, 0xd8, 0xff, 0xe0], size),
  png: (size = 2048) => withHeader([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], size),
  pdf: (size = 2048) => withHeader([...Buffer.from("%PDF-1.7\n")], size),
  elf: (size = 2048) => withHeader([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01], size),
  mz: (size = 2048) => withHeader([0x4d, 0x5a, 0x90, 0x00], size),
};

function withHeader(header: number[], size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x41);
  Buffer.from(header).copy(bytes);
  return bytes;
}

export const file = (fileName: string, bytes: Buffer) => ({ fileName, contentBase64: bytes.toString("base64") });

/** A complete, acceptable level-1 submission at the harness clock's date (2026-11-23). */
export function validSubmission(overrides: Partial<SubmitKycRequest> = {}): SubmitKycRequest {
  return {
    level: 1,
    firstName: "Olga",
    lastName: "Tester",
    dateOfBirth: "1990-05-17",
    nationality: "DE",
    countryOfResidence: "FR",
    address: { line1: "12 Rue de la Paix", city: "Paris", postalCode: "75002", country: "FR" },
    document: { type: "passport", number: "C01X00T47", expiryDate: "2031-03-01" },
    files: [file("passport.jpg", bytesOf.jpeg())],
    ...overrides,
  };
}

/** The keys of every stored KYC file. */
export async function storedFiles(h: Harness): Promise<string[]> {
  return (await h.db.kycDocumentBlob.findMany({ select: { key: true } })).map((b) => b.key);
}

/** What a refused submission must not leave behind. */
export async function kycFootprint(h: Harness) {
  return {
    submissions: await h.db.kycSubmission.count(),
    documents: await h.db.kycDocument.count(),
    files: (await storedFiles(h)).length,
  };
}
