// The OpenAPI 3.1 document: served at /api/openapi.json, generated from the facade's own
// zod schemas, listing every endpoint with its security and its error codes, and valid
// for @seriousme/openapi-schema-validator.
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ERROR_CATALOG } from "../../src/errors";
import { buildOpenApiDocument, jsonSchemaOf } from "../../src/http-api/openapi";
import { ROUTES } from "../../src/http-api/routes";
import { SEED_000, SEED_002 } from "./seeds";
import { setUp, tearDown, type Setup } from "./support";


type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let s: Setup;
let doc: Json;
beforeAll(async () => {
  s = await setUp();
  doc = buildOpenApiDocument() as Json;
});
afterAll(() => tearDown(s));

const ENDPOINTS = [
  ["post", "/customer/auth/login"],
  ["post", "/customer/auth/logout"],
  ["post", "/customer/auth/refresh"],
  ["post", "/customer/auth/reauthenticate"],
  ["get", "/customer/session/accounts"],
  ["get", "/customer/auth/otp"],
  ["put", "/customer/auth/otp"],
  ["post", "/customer/auth/otp/check"],
  ["delete", "/customer/auth/otp"],
  ["get", "/customer/account/groups"],
  ["post", "/customer/account/open"],
] as const;

const PUBLIC = new Set(["/customer/auth/login", "/customer/auth/refresh"]);

function resolve(ref: string): Json {
  const found = ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<Json | undefined>((node, part) => node?.[part], doc);
  if (!found) throw new Error(`unresolved ${ref}`);
  return found;
}

describe("the OpenAPI document", () => {
  it("is served at /api/openapi.json as JSON", async () => {
    const reply = await s.api.call("GET", "/api/openapi.json");
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(reply.body.openapi).toBe("3.1.0");
  });

  it("validates with @seriousme/openapi-schema-validator as OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(doc)) as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("lists every endpoint, and nothing else, with the bearer scheme where a session is needed", () => {
    const listed = Object.entries(doc.paths as Json).flatMap(([path, ops]) => Object.keys(ops as Json).map((m) => [m, path]));
    expect(listed.sort()).toEqual([...ENDPOINTS].map(([m, p]) => [m, p]).sort());
    expect(doc.components.securitySchemes.SESSION_CUSTOMER).toMatchObject({ type: "http", scheme: "bearer" });
    for (const [method, path] of ENDPOINTS) {
      const op = doc.paths[path][method];
      expect(op.security, `${method} ${path}`).toEqual(PUBLIC.has(path) ? [] : [{ SESSION_CUSTOMER: [] }]);
      expect(op.responses["200"].content["application/json"].schema.$ref).toMatch(/^#\/components\/schemas\//);
      expect(op.operationId).toBeTruthy();
      if (!PUBLIC.has(path)) expect(op.responses["401"]["x-error-codes"], `${method} ${path}`).toContain("INVALID_CUSTOMER_SESSION");
      expect(op.responses["500"]["x-error-codes"]).toContain("INTERNAL_ERROR");
    }
    const operationIds = ENDPOINTS.map(([m, p]) => doc.paths[p][m].operationId);
    expect(new Set(operationIds).size).toBe(ENDPOINTS.length);
  });

  it("takes its request schemas from the very schemas the facade validates with", () => {
    for (const route of ROUTES.filter((r) => r.body)) {
      const op = doc.paths[route.path][route.method.toLowerCase()];
      const schema = resolve(op.requestBody.content["application/json"].schema.$ref);
      expect(schema, route.path).toEqual(jsonSchemaOf(route.body!.schema, "input"));
      // The same as zod's own output, but for the safe-integer bounds of `int()`.
      const { $schema: _schema, ...raw } = z.toJSONSchema(route.body!.schema, { io: "input", unrepresentable: "any" }) as Json;
      expect(Object.keys(schema.properties), route.path).toEqual(Object.keys(raw.properties));
      expect(schema.required, route.path).toEqual(raw.required);
      expect(schema.additionalProperties, route.path).toBe(false);
    }
    const loginRequest = resolve(doc.paths["/customer/auth/login"].post.requestBody.content["application/json"].schema.$ref);
    expect(Object.keys(loginRequest.properties).sort()).toEqual([...Object.keys(SEED_002.loginRequest), "device_token"].sort());
    expect(loginRequest.required.sort()).toEqual(["email", "password"]);
    const openRequest = resolve(doc.paths["/customer/account/open"].post.requestBody.content["application/json"].schema.$ref);
    expect(Object.keys(openRequest.properties).sort()).toEqual(["group", "idempotency_key", "leverage", "start_amount"]);
    expect(openRequest.required).toEqual(["group"]);
  });

  it("documents the seeds' response fields (plus the additive ones)", () => {
    const responseOf = (method: string, path: string) => resolve(doc.paths[path][method].responses["200"].content["application/json"].schema.$ref);
    const keys = (schema: Json) => Object.keys(schema.properties).sort();
    expect(keys(responseOf("post", "/customer/auth/login"))).toEqual(
      [...Object.keys(SEED_002.loginResponse), "refresh_token", "token_expires_at", "device_token"].sort(),
    );
    expect(keys(resolve(responseOf("get", "/customer/session/accounts").properties.accounts.items.$ref))).toEqual(
      Object.keys(SEED_002.account).sort(),
    );
    expect(keys(responseOf("get", "/customer/auth/otp"))).toEqual([...Object.keys(SEED_002.otpSetup), "qr_code"].sort());
    expect(keys(responseOf("post", "/customer/auth/otp/check"))).toEqual(Object.keys(SEED_002.otpCheckResponse));
    expect(keys(responseOf("delete", "/customer/auth/otp"))).toEqual(Object.keys(SEED_002.otpDisableResponse));
    expect(keys(responseOf("post", "/customer/account/open"))).toEqual([...Object.keys(SEED_000.response), "account_id"].sort());
    expect(keys(resolve("#/components/schemas/KycRequiredError"))).toEqual(Object.keys(SEED_000.kycRequired).sort());
  });

  it("documents every error row of seeds 000 and 002 on its endpoint, under its status", () => {
    const check = (method: string, path: string, rows: ReadonlyArray<{ status: number; error: string }>) => {
      const op = doc.paths[path][method];
      for (const row of rows) {
        // INVALID_CUSTOMER_SESSION is seed 000's row, but login is how a session starts.
        expect(op.responses[String(row.status)]?.["x-error-codes"], `${path} ${row.error}`).toContain(row.error);
        expect(ERROR_CATALOG[row.error as keyof typeof ERROR_CATALOG].status).toBe(row.status);
      }
    };
    check("post", "/customer/account/open", SEED_000.errors);
    check("post", "/customer/auth/login", SEED_002.errors);
    const forbidden = doc.paths["/customer/account/open"].post.responses["403"].content["application/json"].schema;
    expect(forbidden.oneOf).toContainEqual({ $ref: "#/components/schemas/KycRequiredError" });
    const fault = doc.paths["/customer/account/open"].post.responses["500"].content["application/json"].schema;
    expect(fault.oneOf).toContainEqual({ $ref: "#/components/schemas/AddBalanceError" });
    const plain403 = forbidden.oneOf.find((v: Json) => !v.$ref);
    expect(plain403.properties.error.enum).not.toContain("KYC_REQUIRED");
    for (const route of ROUTES.filter((r) => r.body)) {
      expect(doc.paths[route.path][route.method.toLowerCase()].responses["413"]["x-error-codes"]).toEqual(["INVALID_DATA"]);
    }
  });

  it("has no dangling reference", () => {
    const refs: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        for (const [k, v] of Object.entries(node)) {
          if (k === "$ref" && typeof v === "string") refs.push(v);
          else walk(v);
        }
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(() => resolve(ref), ref).not.toThrow();
  });
});
