// A real `node:http` server on 127.0.0.1 (a free port) serving the customer HTTP API
// over the harness's database and simulated core, and a small `fetch` client for it.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { seedDemoData } from "@brokerage/db/seed";
import { expect } from "vitest";
import type { ApiDeps } from "../../src/context";
import { createCustomerHttpApi, type CustomerHttpApiOptions } from "../../src/http-api/handler";
import { toNodeHandler } from "../../src/http-api/node";
import { hashPassword } from "../../src/passwords/password-hashing";
import { createLogger } from "../../src/logger";
import { createHarness, type Harness } from "../support/harness";
import { completeCompliance } from "../support/compliance";

export const PASSWORD = "Correct-Horse-42";
export const ALLOWED_ORIGIN = "https://terminal.example.com";
export const JSON_TYPE = "application/json; charset=utf-8";

export interface HttpReply {
  status: number;
  headers: Headers;
  /** The parsed body (null for an empty body). */
  body: Record<string, unknown> & { error?: string; message?: string };
  text: string;
}

export interface CallOptions {
  /** JSON-encoded unless it is already a string. */
  body?: unknown;
  token?: string | null;
  headers?: Record<string, string>;
}

export interface ApiServer {
  url: string;
  server: Server;
  call(method: string, path: string, options?: CallOptions): Promise<HttpReply>;
  close(): Promise<void>;
}

export function harnessDeps(h: Harness): ApiDeps {
  return {
    db: h.db,
    core: h.core,
    rateLimits: h.rateLimits,
    clock: h.clock,
    logger: createLogger({ level: "silent" }),
    documents: h.documents,
  };
}

export async function startApiServer(
  deps: ApiDeps,
  options: Omit<CustomerHttpApiOptions, "deps"> = {},
): Promise<ApiServer> {
  const api = createCustomerHttpApi({ deps, allowedOrigins: [ALLOWED_ORIGIN], ...options });
  const server = createServer(toNodeHandler(api));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    server,
    async call(method, path, callOptions = {}) {
      const headers: Record<string, string> = { ...callOptions.headers };
      if (callOptions.token) headers.authorization = `Bearer ${callOptions.token}`;
      let body: string | undefined;
      if (callOptions.body !== undefined) {
        body = typeof callOptions.body === "string" ? callOptions.body : JSON.stringify(callOptions.body);
        headers["content-type"] ??= "application/json";
      }
      const response = await fetch(`${url}${path}`, { method, headers, body });
      const text = await response.text();
      // Every answer, whatever it is, is JSON with a correlation id.
      expect(response.headers.get("content-type"), `${method} ${path}`).toBe(JSON_TYPE);
      expect(response.headers.get("x-request-id"), `${method} ${path}`).toBeTruthy();
      return {
        status: response.status,
        headers: response.headers,
        body: text ? (JSON.parse(text) as HttpReply["body"]) : (null as unknown as HttpReply["body"]),
        text,
      };
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, "close").catch(() => undefined);
    },
  };
}

export interface Setup {
  h: Harness;
  api: ApiServer;
}

/** A harness with the demo data (product.md) and the API server over it. */
export async function setUp(): Promise<Setup> {
  const h = await createHarness({ poolSize: 10 });
  await seedDemoData(h.db);
  const api = await startApiServer(harnessDeps(h));
  return { h, api };
}

export async function tearDown(s: Setup | undefined) {
  await s?.api.close();
  await s?.h.close();
}

let counter = 0;

/** A customer of the default brand, signed up with PASSWORD. */
export async function newCustomer(
  h: Harness,
  data: {
    brand?: string;
    emailVerified?: boolean;
    kycApproved?: boolean;
    /** The compliance steps of issue 17 done; defaults to `kycApproved`. */
    compliance?: boolean;
    status?: number;
    phone?: string;
    deskId?: number;
    managerId?: number;
  } = {},
) {
  const brand = await h.db.brand.findUniqueOrThrow({ where: { code: data.brand ?? "default" } });
  counter++;
  const customer = await h.db.customer.create({
    data: {
      brandId: brand.id,
      email: `http${counter}-${Date.now()}@example.com`,
      passwordHash: await hashPassword(PASSWORD),
      firstName: "John",
      lastName: "Smith",
      phone: data.phone ?? null,
      deskId: data.deskId ?? null,
      managerId: data.managerId ?? null,
      status: data.status ?? 0,
      emailVerifiedAt: data.emailVerified === false ? null : new Date(),
    },
  });
  if (data.kycApproved) {
    await h.db.kycProfile.create({ data: { customerId: customer.id, status: 3, currentLevel: 1, requiredLevel: 1 } });
  }
  if (data.compliance ?? data.kycApproved) await completeCompliance(h.db, customer.id);
  return customer;
}

/** Logs in through the HTTP API; fails the test when it does not answer 200. */
export async function login(api: ApiServer, email: string, otpCode?: string) {
  const reply = await api.call("POST", "/customer/auth/login", {
    body: { email, password: PASSWORD, ...(otpCode ? { otp_code: otpCode } : {}) },
  });
  if (reply.status !== 200) throw new Error(`login answered ${reply.status}: ${reply.text}`);
  return reply.body as Record<string, unknown> & { __token: string; refresh_token: string; customer_id: number };
}

/** A customer signed in over HTTP. */
export async function signedIn(s: Setup, data: Parameters<typeof newCustomer>[1] = {}) {
  const customer = await newCustomer(s.h, data);
  const session = await login(s.api, customer.email);
  return { customer, token: session.__token, refreshToken: session.refresh_token };
}

export const keysOf = (value: unknown) => Object.keys(value as object).sort();
