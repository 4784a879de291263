// The client address against the production start (scripts/start.ts): a client that
// makes up X-Forwarded-For (and X-Real-IP, Forwarded, our own header) on every request
// is still one address to the per-address sign-in throttle on all three sign-in paths,
// and the audit log records the socket's address, not the made-up ones.
import { createPrismaClient } from "@brokerage/db";
import { cookiesOf, loopbackAddress, madeUpAddress, portOf, rawRequest, type RawReply } from "../../support/raw-http";
import { uniqueEmail } from "../../support/identity";
import { readDatabaseUrl } from "../../support/state";
import { expect, test } from "../../fixtures/test";

type Attempt = (from: string, spoof: Record<string, string>) => Promise<{ status: number; code: string | undefined }>;

function spoofedHeaders(): { headers: Record<string, string>; addresses: string[] } {
  const addresses = [madeUpAddress(), madeUpAddress(), madeUpAddress(), madeUpAddress()];
  return {
    addresses,
    headers: {
      "x-forwarded-for": `${addresses[0]}, ${addresses[1]}`,
      "x-real-ip": addresses[2]!,
      forwarded: `for=${addresses[3]}`,
      "x-portal-client-address": addresses[1]!,
      "x-portal-edge-token": "forged-token-forged-token-forged-token-00",
    },
  };
}

const codeFromUrl = (url: string | undefined) => (url ? (new URL(url, "http://x").searchParams.get("code") ?? undefined) : undefined);

function paths(port: number): Record<string, Attempt> {
  const origin = { origin: `http://localhost:${port}` };
  const credentials = () => ({ email: uniqueEmail("spoof"), password: "Wrong-Password-123" });
  return {
    "REST /customer/auth/login": async (from, spoof) => {
      const reply = await rawRequest(port, from, "POST", "/customer/auth/login", {
        headers: { "content-type": "application/json", ...spoof },
        body: JSON.stringify(credentials()),
      });
      return { status: reply.status, code: reply.json().error as string };
    },
    "tRPC auth.login": async (from, spoof) => {
      const reply = await rawRequest(port, from, "POST", "/api/trpc/auth.login", {
        headers: { "content-type": "application/json", ...origin, ...spoof },
        body: JSON.stringify(credentials()),
      });
      const error = reply.json().error as { data?: { appCode?: string } } | undefined;
      return { status: reply.status, code: error?.data?.appCode };
    },
    "next-auth credentials": async (from, spoof) => {
      const csrf = await rawRequest(port, from, "GET", "/api/auth/csrf", { headers: spoof });
      const { csrfToken } = csrf.json() as { csrfToken: string };
      const form = new URLSearchParams({ ...credentials(), otpCode: "", csrfToken, callbackUrl: "/accounts" });
      const reply: RawReply = await rawRequest(port, from, "POST", "/api/auth/callback/customer", {
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-auth-return-redirect": "1",
          cookie: cookiesOf(csrf),
          ...origin,
          ...spoof,
        },
        body: form.toString(),
      });
      const url = reply.headers.location ?? ((reply.headers["content-type"] ?? "").includes("json") ? (reply.json().url as string) : undefined);
      const code = codeFromUrl(url);
      return { status: code === "TOO_MANY_ATTEMPTS" ? 429 : reply.status, code };
    },
  };
}

test.describe("client address behind the production start", () => {
  for (const name of ["REST /customer/auth/login", "tRPC auth.login", "next-auth credentials"]) {
    test(`made-up forwarding headers do not escape the per-address throttle: ${name}`, async ({ baseURL }) => {
      test.setTimeout(90_000);
      const port = portOf(baseURL);
      const attempt = paths(port)[name]!;
      const from = loopbackAddress();
      const started = new Date();
      const spoofed = new Set<string>();

      let throttledAfter: number | undefined;
      for (let i = 1; i <= 60 && throttledAfter === undefined; i++) {
        const spoof = spoofedHeaders();
        spoof.addresses.forEach((a) => spoofed.add(a));
        const result = await attempt(from, spoof.headers);
        if (result.status === 429) {
          expect(result.code).toBe("TOO_MANY_ATTEMPTS");
          throttledAfter = i;
        } else {
          expect([i, result.code]).toEqual([i, "CUSTOMER_NOT_FOUND_OR_INCORRECT"]);
        }
      }
      // Throttled although every request claimed to come from somewhere else.
      expect(throttledAfter).toBeDefined();
      expect(throttledAfter).toBeGreaterThan(1);
      // Still throttled with yet another made-up address ...
      expect((await attempt(from, spoofedHeaders().headers)).status).toBe(429);
      // ... while a really different address is not: the key is the socket's address.
      const other = await attempt(loopbackAddress(), {});
      expect(other.code).toBe("CUSTOMER_NOT_FOUND_OR_INCORRECT");

      const db = createPrismaClient(readDatabaseUrl());
      try {
        const rows = await db.auditEvent.findMany({
          where: { kind: "customer.login_failed", createdAt: { gte: started } },
          select: { ip: true },
        });
        const ips = rows.map((r) => r.ip);
        expect(ips.filter((ip) => ip === from).length).toBeGreaterThanOrEqual(throttledAfter! - 1);
        expect(ips.filter((ip) => ip !== null && spoofed.has(ip))).toEqual([]);
      } finally {
        await db.$disconnect();
      }
    });
  }
});
