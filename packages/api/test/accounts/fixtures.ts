import { autoConfirming } from "../step-up/fixtures";
import { renderMessageBody } from "../../src/messaging";
import { randomUUID } from "node:crypto";
import { seedDemoData } from "@brokerage/db/seed";
import type { Credential } from "../../src/context";
import { getDomainError } from "../../src/errors";
import { hashPassword } from "../../src/passwords/password-hashing";
import { createSession } from "../../src/session/sessions";
import { completeCompliance } from "../support/compliance";
import type { Harness } from "../support/harness";
import { enrolledTotp } from "../staff/fixtures";

let counter = 0;

/** The demo data of product.md (brand `default`, its groups), once per test database. */
export async function seedGroups(h: Harness) {
  return seedDemoData(h.db);
}

/** A customer of the default brand with a signed-in API session. */
/**
 * `kycApproved` also does the compliance steps of issue 17 (questionnaire passed, terms
 * accepted) unless `compliance: false`, so a REAL opening succeeds.
 */
export async function newCustomer(
  h: Harness,
  options: { emailVerified?: boolean; kycApproved?: boolean; compliance?: boolean } = {},
) {
  const brand = await h.db.brand.findUniqueOrThrow({ where: { code: "default" } });
  counter++;
  const customer = await h.db.customer.create({
    data: {
      brandId: brand.id,
      email: `trader${counter}-${Date.now()}@example.com`,
      passwordHash: await hashPassword("Correct-Horse-42"),
      firstName: "Tina",
      lastName: `Trader${counter}`,
      emailVerifiedAt: options.emailVerified === false ? null : new Date(),
    },
  });
  if (options.kycApproved) {
    await h.db.kycProfile.create({ data: { customerId: customer.id, status: 3, currentLevel: 1, requiredLevel: 1 } });
  }
  if (options.compliance ?? options.kycApproved) await completeCompliance(h.db, customer.id);
  const { sessionId } = await createSession(h.db, {
    customerId: customer.id,
    kind: "WEB",
    request: { requestId: "t", ip: null, userAgent: null },
    now: h.clock.now(),
  });
  const credential: Credential = { type: "customer-session", sessionId };
  // `api` confirms step-up operations by e-mail as the customer would; `plainApi` does not.
  return { customer, credential, api: autoConfirming(h, h.caller(credential), customer.id), plainApi: h.caller(credential) };
}

// ---- managing accounts (issue #7) ----

/** The refusal a call ended with (undefined when it succeeded). */
export const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => getDomainError(e),
  );

/** The refusal's code, or "OK". */
export const codeOf = async (p: Promise<unknown>) => (await failure(p))?.code ?? "OK";

type Api = Awaited<ReturnType<typeof newCustomer>>["api"];

/** Opens an account from a seeded group and answers its portal id and core login. */
export async function openFrom(api: Api, group: string, options: { startAmount?: string } = {}) {
  const opened = await api.accounts.open({ group, ...options });
  return { id: opened.accountId, login: opened.login, temporaryPassword: opened.temporaryPassword };
}

/** Real money enters through the core's balance operation (as staff.adjustBalance does). */
export async function fund(h: Harness, login: number, amount: string) {
  await h.core.balanceOperation({ idempotencyKey: `fund-${randomUUID()}`, login, type: "deposit", amount });
}

export async function coreBalance(h: Harness, login: number) {
  return (await h.core.getAccount(login)).balance;
}

/** The sum of every balance the core holds: money moved between accounts leaves it unchanged. */
export async function sumOfBalances(h: Harness): Promise<string> {
  const rows = await h.db.$queryRaw<Array<{ total: string | null }>>`SELECT sum(balance)::text AS total FROM core_sim.accounts`;
  return rows[0]?.total ?? "0";
}

/** A staff member with a live staff session (made directly: the sign-in has its own tests). */
export async function newStaff(h: Harness) {
  counter++;
  const staff = await h.db.staff.create({
    data: { email: `staff${counter}-${Date.now()}@broker.example`, name: "Sam Staff", role: "ADMIN", passwordHash: "not-used", ...enrolledTotp() },
  });
  const now = h.clock.now();
  const session = await h.db.staffSession.create({
    data: { staffId: staff.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 12 * 3600_000) },
  });
  const credential: Credential = { type: "staff-session", sessionId: session.id };
  return { staff, credential, api: h.caller(credential) };
}

/** The newest e-mail the outbox holds for a customer (of a template), as its recipient reads it. */
export const lastEmail = (h: Harness, customerId: number, template?: string) => lastMessage(h, customerId, template, "EMAIL");

/** The same for either channel. */
export async function lastMessage(h: Harness, customerId: number, template: string | undefined, channel: "EMAIL" | "SMS") {
  const row = await h.db.message.findFirstOrThrow({
    where: { customerId, channel, ...(template ? { template } : {}) },
    orderBy: { createdAt: "desc" },
  });
  // As the recipient reads it: the secret (code, link) rendered into the body.
  return { ...row, body: renderMessageBody(row) };
}
