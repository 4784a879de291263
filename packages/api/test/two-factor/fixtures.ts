import { generate } from "otplib";
import { loginCustomer } from "../../src/auth/login";
import { hashPassword } from "../../src/passwords/password-hashing";
import type { Harness } from "../support/harness";

export const PASSWORD = "Correct-Horse-42";

export async function createCustomer(h: Harness, email: string) {
  const brand =
    (await h.db.brand.findUnique({ where: { code: "default" } })) ??
    (await h.db.brand.create({ data: { code: "default", displayName: "Northwind Markets" } }));
  return h.db.customer.create({
    data: {
      brandId: brand.id,
      email,
      passwordHash: await hashPassword(PASSWORD),
      firstName: "Olga",
      lastName: "Tester",
      emailVerifiedAt: new Date(),
    },
  });
}

const request = { requestId: "test", ip: "198.51.100.4", userAgent: "vitest" };

/** Signs in through the real login; API sessions come with a bearer token. */
export async function signIn(h: Harness, email: string, otpCode?: string) {
  const result = await loginCustomer(h, { email, password: PASSWORD, otpCode }, request, "API");
  return { ...result, credential: { type: "bearer" as const, token: result.tokens!.token } };
}

/** The code an authenticator app shows for `secret` at the harness clock's time. */
export const codeAt = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
