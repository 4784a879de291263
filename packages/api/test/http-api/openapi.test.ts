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
  ["post", "/customer/auth/step-up/send"],
  ["get", "/customer/session/accounts"],
  ["get", "/customer/auth/otp"],
  ["put", "/customer/auth/otp"],
  ["post", "/customer/auth/otp/check"],
  ["delete", "/customer/auth/otp"],
  ["get", "/customer/account/groups"],
  ["post", "/customer/account/open"],
  // Seed 001, at its own paths.
  ["get", "/api/v2/my/accounts"],
  ["post", "/api/v2/my/accounts"],
  ["get", "/api/v2/accounts/{accountId}"],
  ["get", "/api/v2/my/accounts/{accountId}"],
  ["put", "/api/v2/my/accounts/{accountId}"],
  ["patch", "/api/v2/my/accounts/{accountId}"],
  ["post", "/api/v2/my/accounts/{accountId}/archive"],
  ["get", "/api/v2/my/accounts/{accountId}/password/wizard"],
  ["post", "/api/v2/my/accounts/{accountId}/password/confirm"],
  ["put", "/api/v2/my/accounts/{accountId}/password"],
  ["post", "/api/v2/my/accounts/{accountId}/password/restore"],
  // Seed 003, at its own paths.
  ["post", "/v1/user/sign-up"],
  ["post", "/v1/user/otp"],
  ["post", "/v1/user/refresh"],
  ["get", "/v1/user/forget-password"],
  ["put", "/v1/user/change-password"],
  ["post", "/v1/account/portfolio"],
  ["post", "/v1/account"],
] as const;

const PUBLIC = new Set([
  "/customer/auth/login",
  "/customer/auth/refresh",
  "/v1/user/sign-up",
  "/v1/user/refresh",
  "/v1/user/forget-password",
  "/v1/user/change-password",
]);

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
      const success = op.responses["200"] ?? op.responses["202"] ?? op.responses["204"];
      if (op.responses["204"]) expect(success.content, `${method} ${path}`).toBeUndefined();
      else expect(success.content["application/json"].schema.$ref).toMatch(/^#\/components\/schemas\//);
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
    expect(Object.keys(loginRequest.properties).sort()).toEqual([...Object.keys(SEED_002.loginRequest), "device_token", "otp_channel"].sort());
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

  it("documents seed 001's and seed 003's operations with the seeds' fields, parameters, statuses and envelopes", () => {
    const op = (method: string, path: string) => doc.paths[path][method];
    const bodyKeys = (method: string, path: string) =>
      Object.keys(resolve(op(method, path).requestBody.content["application/json"].schema.$ref).properties).sort();
    const params = (method: string, path: string) =>
      Object.fromEntries((op(method, path).parameters as Json[]).filter((p) => !p.$ref).map((p) => [`${p.in}:${p.name}`, p.required]));

    // Seed 001: the example query of the list, the wizard's passwordType, the account id in every path.
    expect(params("get", "/api/v2/my/accounts")).toMatchObject({
      "query:limit": false,
      "query:offset": false,
      "query:sort_by": false,
      "query:sort_order": false,
      "query:filter[alphabeticCurrencyCode]": false,
      "query:filter[permissions]": false,
      "query:filter[platformId]": false,
    });
    expect(params("get", "/api/v2/my/accounts/{accountId}/password/wizard")).toEqual({ "path:accountId": true, "query:passwordType": true });
    for (const [method, path] of ENDPOINTS.filter(([, p]) => p.includes("{accountId}"))) {
      expect(params(method, path)["path:accountId"], `${method} ${path}`).toBe(true);
      expect(op(method, path).responses["404"]["x-error-codes"], `${method} ${path}`).toContain("NOT_FOUND");
    }
    expect(bodyKeys("post", "/api/v2/my/accounts")).toEqual(["idempotencyKey", "leverage", "options", "productCurrencyId", "startAmount"]);
    expect(op("post", "/api/v2/my/accounts").responses["403"].content["application/json"].schema.oneOf).toContainEqual({
      $ref: "#/components/schemas/KycRequiredError",
    });
    expect(bodyKeys("put", "/api/v2/my/accounts/{accountId}")).toEqual(["caption", "favorite"]);
    expect(bodyKeys("patch", "/api/v2/my/accounts/{accountId}")).toEqual(["caption", "favorite"]);
    // `stepUp` is additive (issue 16): the confirmation of archiving an account that holds money.
    expect(bodyKeys("post", "/api/v2/my/accounts/{accountId}/archive")).toEqual(["fallbackId", "stepUp"]);
    expect(bodyKeys("post", "/api/v2/my/accounts/{accountId}/password/confirm")).toEqual(["code", "uuid"]);
    expect(bodyKeys("put", "/api/v2/my/accounts/{accountId}/password")).toEqual(["password", "passwordConfirmation", "uuid"]);
    expect(bodyKeys("post", "/api/v2/my/accounts/{accountId}/password/restore")).toEqual(["passwordType"]);
    expect(Object.keys(op("post", "/api/v2/my/accounts/{accountId}/archive").responses)).toContain("204");
    expect(Object.keys(op("post", "/api/v2/my/accounts/{accountId}/password/restore").responses)).toContain("204");
    expect(Object.keys(op("put", "/api/v2/my/accounts/{accountId}/password").responses)).toContain("202");
    const wizard = resolve(op("get", "/api/v2/my/accounts/{accountId}/password/wizard").responses["200"].content["application/json"].schema.$ref);
    expect(Object.keys(wizard.properties).sort()).toEqual(["code", "data", "done", "uuid", "workflow"]);

    // Seed 003: every field of its request bodies (plus the additive ones), its envelope on every success.
    expect(bodyKeys("post", "/v1/user/sign-up")).toEqual(expect.arrayContaining(["email", "password", "phoneNumber", "roles", "name", "surname"]));
    expect(bodyKeys("post", "/v1/user/otp")).toEqual(["challengeType", "code", "sessionId", "username"]);
    expect(bodyKeys("post", "/v1/user/refresh")).toEqual(["refreshToken", "username"]);
    expect(bodyKeys("put", "/v1/user/change-password")).toEqual(
      ["challengeType", "code", "otpCode", "password", "passwordConfirm", "sessionId", "username"].sort(),
    );
    expect(params("get", "/v1/user/forget-password")).toEqual({ "query:email": true });
    expect(bodyKeys("post", "/v1/account")).toEqual(["accountId", "email", "userId"]);
    expect(bodyKeys("post", "/v1/account/portfolio")).toEqual(["accountId", "currency", "name", "portfolioAccountType", "portfolioId"]);
    expect(op("post", "/v1/account/portfolio").responses["403"]["x-error-codes"]).toContain("KYC_REQUIRED");
    for (const [method, path] of ENDPOINTS.filter(([, p]) => p.startsWith("/v1/"))) {
      const success = resolve(op(method, path).responses["200"].content["application/json"].schema.$ref);
      expect(Object.keys(success.properties).sort(), `${method} ${path}`).toEqual(["data", "errorCode", "errorMessage", "success"]);
    }
    expect(op("post", "/v1/user/sign-up").responses["409"]["x-error-codes"]).toEqual(
      expect.arrayContaining(["NON_ADMIN_FIELD", "PASSWORD_TOO_SHORT", "PASSWORD_TOO_LONG", "PASSWORD_TOO_WEAK", "EMAIL_ALREADY_REGISTERED"]),
    );
    expect(op("post", "/v1/user/sign-up").responses["403"]["x-error-codes"]).toEqual(["REGISTRATION_DISABLED"]);
  });

  it("lists every code an endpoint may answer under its status, for every endpoint", () => {
    for (const route of ROUTES) {
      const responses = doc.paths[route.path][route.method.toLowerCase()].responses as Json;
      for (const code of route.errors) {
        const status = String(ERROR_CATALOG[code].status);
        expect(responses[status]?.["x-error-codes"], `${route.operationId} ${code}`).toContain(code);
      }
      if (route.auth) expect(responses["401"]["x-error-codes"], route.operationId).toContain("INVALID_CUSTOMER_SESSION");
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
