import { seedDemoData } from "@brokerage/db/seed";
import type { Credential } from "../../src/context";
import { hashPassword } from "../../src/identity/password-hashing";
import { createSession } from "../../src/identity/sessions";
import type { Harness } from "../support/harness";

let counter = 0;

/** The demo data of product.md (brand `default`, its groups), once per test database. */
export async function seedGroups(h: Harness) {
  return seedDemoData(h.db);
}

/** A customer of the default brand with a signed-in API session. */
export async function newCustomer(h: Harness, options: { emailVerified?: boolean; kycApproved?: boolean } = {}) {
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
  const { sessionId } = await createSession(h.db, {
    customerId: customer.id,
    kind: "WEB",
    request: { requestId: "t", ip: null, userAgent: null },
    now: h.clock.now(),
  });
  const credential: Credential = { type: "customer-session", sessionId };
  return { customer, credential, api: h.caller(credential) };
}
