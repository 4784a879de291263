// Shared helpers of the identity tests: a brand, sign-up and log-in through the real
// router, callers with request metadata, codes read back from the outbox, row counts.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { createContextInner, type Credential, type RequestMeta } from "../../src/context";
import { type DomainError, getDomainError } from "../../src/errors";
import { loginCustomer } from "../../src/auth/login";
import { createCaller } from "../../src/index";
import { renderMessageBody } from "../../src/messaging";
import { createLogger } from "../../src/logger";
import type { Harness } from "../support/harness";
import { enrolledTotp } from "../staff/fixtures";

const silent = createLogger({ level: "silent" });

/** A caller of the real router whose context carries a client address and user agent. */
export function callerAs(h: Harness, credential: Credential | null, request: Partial<RequestMeta> = {}) {
  return createCaller(
    createContextInner({
      deps: { db: h.db, core: h.core, clock: h.clock, logger: silent, rateLimits: h.rateLimits },
      credential,
      request,
    }),
  );
}

export const web = (sessionId: string): Credential => ({ type: "customer-session", sessionId });
export const bearer = (token: string): Credential => ({ type: "bearer", token });
export const staffCredential = (sessionId: string): Credential => ({ type: "staff-session", sessionId });

/** Creates the `default` brand (and any other the test asks for). */
export async function createBrand(
  h: Harness,
  data: { code?: string; displayName?: string; selfServiceRegistration?: boolean } = {},
) {
  return h.db.brand.create({
    data: {
      code: data.code ?? "default",
      displayName: data.displayName ?? "Northwind Markets",
      selfServiceRegistration: data.selfServiceRegistration ?? true,
    },
  });
}

/** An address nobody else uses: the rate limiter runs on real time, so tests never share keys. */
export function uniqueEmail(tag = "c"): string {
  return `${tag}-${randomUUID().slice(0, 8)}@example.com`;
}

let phoneCounter = 0;
/** An E.164 number of its own. */
export function uniquePhone(): string {
  phoneCounter += 1;
  return `+3579${String(process.pid % 1000).padStart(3, "0")}${String(phoneCounter).padStart(4, "0")}`;
}

let ipCounter = 0;
/** A client address of its own (TEST-NET-2 range plus a per-process counter). */
export function uniqueIp(): string {
  ipCounter += 1;
  return `198.51.${100 + Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

/** A password that passes the policy and is easy to search for in rows. */
export function strongPassword(tag = "pw"): string {
  return `Vx7-${tag}-${randomUUID().slice(0, 12)}`;
}

/** The domain code of a refusal, or "OK" when the call succeeded. */
export const codeOf = (p: Promise<unknown>): Promise<string | undefined> =>
  p.then(
    () => "OK",
    (e: unknown) => getDomainError(e)?.code ?? `not a domain error: ${String(e)}`,
  );

/** The domain error a call was refused with (fails the test if it succeeded). */
export async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "the call should have been refused").toBeDefined();
  const domain = getDomainError(error);
  expect(domain, `not a domain error: ${String(error)}`).toBeDefined();
  return domain!;
}

/** Rows a refused call must not add. */
export async function rowCounts(h: Harness) {
  const [customers, messages, auditEvents, sessions, codes, apiTokens] = await Promise.all([
    h.db.customer.count(),
    h.db.message.count(),
    h.db.auditEvent.count(),
    h.db.session.count(),
    h.db.verificationCode.count(),
    h.db.apiToken.count(),
  ]);
  return { customers, messages, auditEvents, sessions, codes, apiTokens };
}

export async function messageIds(h: Harness, recipient: string): Promise<Set<string>> {
  const rows = await h.db.message.findMany({ where: { recipient }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

/** Reads the one code of a message body ("Your code is 123456" / "Ihr Code lautet 1234."). */
export function codeInBody(body: string, digits: number): string {
  const match = new RegExp(`(?:code is|Code lautet) (\\d+)\\b`, "i").exec(body);
  expect(match, `no code in: ${body}`).not.toBeNull();
  expect(match![1]).toHaveLength(digits);
  return match![1]!;
}

/** The messages sent to `recipient` that were not there before (ids in `before`). */
export async function newMessages(h: Harness, recipient: string, before: Set<string>) {
  const rows = await h.db.message.findMany({ where: { recipient }, orderBy: { createdAt: "asc" } });
  // As the recipient reads them: the secret (code, link) rendered into the body.
  return rows.filter((r) => !before.has(r.id)).map((r) => ({ ...r, body: renderMessageBody(r) }));
}

/** Runs `action` and returns the code of the one message it sent to `recipient`. */
export async function codeSentBy(
  h: Harness,
  recipient: string,
  digits: number,
  action: () => Promise<unknown>,
): Promise<string> {
  const before = await messageIds(h, recipient);
  await action();
  const sent = await newMessages(h, recipient, before);
  expect(sent).toHaveLength(1);
  return codeInBody(sent[0]!.body, digits);
}

export interface Registered {
  customerId: number;
  email: string;
  password: string;
  phone: string | undefined;
  emailCode: string;
  smsCode: string | undefined;
}

/** Signs a customer up through `auth.signUp` and reads the codes it was sent. */
export async function registerCustomer(
  h: Harness,
  options: {
    email?: string;
    password?: string;
    phone?: string;
    firstName?: string;
    lastName?: string;
    request?: Partial<RequestMeta>;
  } = {},
): Promise<Registered> {
  const email = options.email ?? uniqueEmail();
  const password = options.password ?? strongPassword();
  const lowered = email.toLowerCase();
  const beforeMail = await messageIds(h, lowered);
  const beforeSms = options.phone ? await messageIds(h, options.phone) : new Set<string>();
  const result = await callerAs(h, null, options.request).auth.signUp({
    email,
    password,
    firstName: options.firstName ?? "Jane",
    lastName: options.lastName ?? "Doe",
    ...(options.phone ? { phone: options.phone } : {}),
  });
  const mails = await newMessages(h, lowered, beforeMail);
  expect(mails).toHaveLength(1);
  let smsCode: string | undefined;
  if (options.phone) {
    const sms = await newMessages(h, options.phone, beforeSms);
    expect(sms).toHaveLength(1);
    smsCode = codeInBody(sms[0]!.body, 4);
  }
  return {
    customerId: result.customerId,
    email: lowered,
    password,
    phone: options.phone,
    emailCode: codeInBody(mails[0]!.body, 6),
    smsCode,
  };
}

/** A web session (what next-auth's Credentials sign-in does): its id. */
export async function webLogin(
  h: Harness,
  email: string,
  password: string,
  request: Partial<RequestMeta> = {},
): Promise<string> {
  const result = await loginCustomer(
    { db: h.db, clock: h.clock, rateLimits: h.rateLimits },
    { email, password },
    { requestId: randomUUID(), ip: request.ip ?? null, userAgent: request.userAgent ?? null },
    "WEB",
  );
  return result.sessionId;
}

/** Seed 002's login for API clients through `auth.login`. */
export function apiLogin(h: Harness, email: string, password: string, request: Partial<RequestMeta> = {}) {
  return callerAs(h, null, request).auth.login({ email, password });
}

/** A staff member with a live staff session. */
export async function createStaffSession(h: Harness) {
  const now = h.clock.now();
  const staff = await h.db.staff.create({
    data: { email: uniqueEmail("staff"), passwordHash: "not-used", name: "Sam Staff", role: "ADMIN", ...enrolledTotp() },
  });
  const session = await h.db.staffSession.create({
    data: { staffId: staff.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 12 * 3600_000) },
  });
  return { staffId: staff.id, sessionId: session.id };
}
