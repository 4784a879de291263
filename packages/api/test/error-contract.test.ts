import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { createPrismaClient } from "@brokerage/db";
import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter, createContextInner, createLogger, ERROR_CATALOG, getDomainError, isErrorCode, trpcResponseStatus } from "../src/index";
import { createHarness, type Harness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await h.db.brand.create({ data: { code: "default", displayName: "Northwind Markets" } });
});
afterAll(() => h.close());

describe("the error contract through createCaller", () => {
  it("hands server-side callers the domain error as the cause", async () => {
    const error = await h.caller().brand.get({ code: "nope" }).catch((e: unknown) => e);
    const domain = getDomainError(error);
    expect(domain?.code).toBe("NOT_FOUND");
    expect(domain?.httpStatus).toBe(404);
    expect((error as { code: string }).code).toBe("NOT_FOUND");
  });

  it("turns a schema failure into INVALID_DATA with field errors", async () => {
    const error = await h.caller()
      .brand.get({ code: "", extra: 1 } as never)
      .catch((e: unknown) => e);
    const domain = getDomainError(error);
    expect(domain?.code).toBe("INVALID_DATA");
    expect(domain?.httpStatus).toBe(400);
    expect(Object.keys(domain?.fieldErrors ?? {})).toEqual(expect.arrayContaining(["code"]));
    expect(domain?.fieldErrors?._form?.join(" ")).toMatch(/extra/);
    // Beside the messages, the same keys with machine codes.
    expect(domain?.fieldCodes).toEqual({ code: ["REQUIRED"], _form: ["UNKNOWN_FIELD"] });
  });

  it("tells a missing field (REQUIRED) from a wrong type and a too-long value in fieldCodes", async () => {
    const codesOf = async (input: unknown) =>
      getDomainError(await h.caller().brand.get(input as never).catch((e: unknown) => e))?.fieldCodes;
    expect(await codesOf({ code: 5 })).toEqual({ code: ["INVALID_TYPE"] });
    expect(await codesOf({ code: "x".repeat(65) })).toEqual({ code: ["TOO_LONG"] });
  });

  it("answers a value when all is well", async () => {
    await expect(h.caller().brand.get()).resolves.toEqual({
      code: "default",
      displayName: "Northwind Markets",
      allowDemoOpening: true,
      allowRealOpening: true,
      kycRequiredForReal: true,
      selfServiceRegistration: true,
    });
  });

  it("exports the union of codes and a guard", () => {
    expect(isErrorCode("KYC_REQUIRED")).toBe(true);
    expect(isErrorCode("kyc_required")).toBe(false);
    expect(ERROR_CATALOG.LINK_USED.status).toBe(410);
    expect(ERROR_CATALOG.ADD_BALANCE_ERROR.status).toBe(500);
  });
});

describe("the same router over a plain Node HTTP server", () => {
  let baseUrl: string;
  let server: ReturnType<typeof createHTTPServer>;
  const brokenDb = createPrismaClient("postgresql://nobody:nothing@127.0.0.1:1/none");

  beforeAll(async () => {
    server = createHTTPServer({
      router: appRouter,
      createContext: ({ req }) =>
        createContextInner({
          deps: {
            db: req.headers["x-broken-db"] ? brokenDb : h.db,
            core: h.core,
            rateLimits: h.rateLimits,
            logger: createLogger({ level: "silent" }),
          },
          request: { requestId: String(req.headers["x-request-id"] ?? "no-id") },
        }),
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    return brokenDb.$disconnect();
  });

  it("formats a refusal with appCode, httpStatus, fieldErrors and details, and no stack", async () => {
    const input = encodeURIComponent(JSON.stringify({ code: "" }));
    const response = await fetch(`${baseUrl}/brand.get?input=${input}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; data: Record<string, unknown> & { fieldErrors: Record<string, string[]> } } };
    expect(body.error.data).toMatchObject({ appCode: "INVALID_DATA", httpStatus: 400, details: null });
    expect(body.error.data.fieldErrors.code).toHaveLength(1);
    expect(body.error.data.fieldCodes).toEqual({ code: ["REQUIRED"] });
    expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.ts/);
  });

  it("answers an unexpected fault as 500 INTERNAL_ERROR with the correlation id and no internals", async () => {
    const response = await fetch(`${baseUrl}/brand.get`, {
      headers: { "x-broken-db": "1", "x-request-id": "req-123" },
    });
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { message: string; data: Record<string, unknown> & { fieldErrors: Record<string, string[]> } } };
    expect(body.error.data).toMatchObject({
      appCode: "INTERNAL_ERROR",
      httpStatus: 500,
      details: { correlationId: "req-123" },
    });
    expect(body.error.message).toContain("req-123");
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|prisma|stack/i);
  });
});

describe("the README's error table", () => {
  it("lists every code with its HTTP status", async () => {
    const { readFile } = await import("node:fs/promises");
    const readme = await readFile(new URL("../../../README.md", import.meta.url), "utf8");
    const table = readme.slice(readme.indexOf("## Errors"), readme.indexOf("\n## ", readme.indexOf("## Errors") + 5));
    const listed = Object.fromEntries(
      [...table.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]),
    );
    const expected = Object.fromEntries(Object.entries(ERROR_CATALOG).map(([code, { status }]) => [code, status]));
    expect(listed).toEqual(expected);
  });
});

describe("tRPC response status", () => {
  const failure = (httpStatus: number) => ({ error: { data: { httpStatus } } });
  const success = { result: { data: null } };

  it("is the domain's status, including those tRPC has no code for", () => {
    expect(trpcResponseStatus([failure(410)])).toBe(410);
    expect(trpcResponseStatus([failure(429)])).toBe(429);
    expect(trpcResponseStatus([failure(409), failure(409)])).toBe(409);
  });

  it("is left to tRPC for successes and mixed batches", () => {
    expect(trpcResponseStatus([success])).toBeUndefined();
    expect(trpcResponseStatus([success, failure(401)])).toBeUndefined();
    expect(trpcResponseStatus([failure(401), failure(403)])).toBeUndefined();
  });
});
