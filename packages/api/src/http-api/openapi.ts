// The OpenAPI 3.1 document of the customer HTTP API, generated with `z.toJSONSchema` from
// the very schemas the facade uses: the request bodies it validates (the procedures'
// field schemas under snake_case names) and the response bodies its mappers are typed
// against. The error responses of each operation come from its route's list of codes and
// the error catalog, so statuses and messages cannot drift from what the API answers.
import { z } from "zod";
import { ERROR_CATALOG, type ErrorCode } from "../errors";
import { accountIdField } from "../accounts/fields";
import { ROUTES, type Route } from "./routes";
import { clientAccountSchema } from "./schemas-mobile";
import {
  accountGroupSchema,
  addBalanceErrorSchema,
  errorBodySchema,
  kycRequiredErrorSchema,
  linkedAccountSchema,
  messageOf,
  statusOf,
  type HttpErrorCode,
} from "./schemas";

export interface OpenApiOptions {
  /** The API's base URL in `servers`; default `/` (the document's own origin). */
  serverUrl?: string;
  title?: string;
  version?: string;
}

type JsonObject = Record<string, unknown>;

const SCHEMA_REF = (id: string) => `#/components/schemas/${id}`;
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * zod's JSON Schema for OpenAPI 3.1 (JSON Schema 2020-12): integers lose the safe-integer
 * bounds zod writes on every `int()`, which say nothing to a reader.
 */
const jsonSchemaParams = (io: "input" | "output") =>
  ({
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    override: ({ jsonSchema }: { jsonSchema: JsonObject }) => {
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    },
  }) as const;

/** One schema as the document shows it (without `$schema`). */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonObject {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, jsonSchemaParams(io)) as JsonObject;
  return rest;
}

/** Component schemas, cross-referenced by id, without `$schema`/`$id`. */
function componentSchemas(registry: z.core.$ZodRegistry<{ id: string }>, io: "input" | "output"): Record<string, JsonObject> {
  const { schemas } = z.toJSONSchema(registry, { ...jsonSchemaParams(io), uri: SCHEMA_REF });
  const out: Record<string, JsonObject> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _schema, $id: _id, ...rest } = schema as JsonObject;
    out[id] = rest;
  }
  return out;
}

const inlineSchema = (schema: z.ZodType) => jsonSchemaOf(schema, "output");

const responseSchemaId = (route: Route) => `${pascal(route.operationId)}Response`;

const REQUEST_ID_HEADER = {
  description: "The request's correlation id: the caller's `x-request-id` when it is 8 to 128 of `A-Za-z0-9._:-`, else a new one.",
  schema: { type: "string" },
};

/** The error responses of one operation, by status, from its codes. */
function errorResponses(route: Route): Record<string, JsonObject> {
  const codes: HttpErrorCode[] = [...new Set<ErrorCode>([...route.errors, "INTERNAL_ERROR"])];
  const byStatus = new Map<number, HttpErrorCode[]>();
  for (const code of codes) byStatus.set(statusOf(code), [...(byStatus.get(statusOf(code)) ?? []), code]);

  const responses: Record<string, JsonObject> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    const isSpecial = (c: HttpErrorCode) => c === "KYC_REQUIRED" || c === "ADD_BALANCE_ERROR";
    const special = list.filter(isSpecial);
    const plain = list.filter((c) => !isSpecial(c));
    const variants: JsonObject[] = [
      ...(plain.length > 0 ? [inlineSchema(errorBodySchema(plain as [HttpErrorCode, ...HttpErrorCode[]]))] : []),
      ...special.map((c) => ({ $ref: SCHEMA_REF(c === "KYC_REQUIRED" ? "KycRequiredError" : "AddBalanceError") })),
    ];
    const headers: JsonObject = { "x-request-id": REQUEST_ID_HEADER };
    if (status === 401) headers["www-authenticate"] = { description: 'Always `Bearer realm="customer"`.', schema: { type: "string" } };
    if (status === 429) headers["retry-after"] = { description: "Seconds until the next try.", schema: { type: "integer" } };
    responses[String(status)] = {
      description: list.map((c) => `\`${c}\`: ${messageOf(c)}`).join("; "),
      headers,
      content: { "application/json": { schema: variants.length === 1 ? variants[0] : { oneOf: variants } } },
      "x-error-codes": list,
    };
  }
  if (route.body) {
    responses["413"] = {
      description: "`INVALID_DATA`: the request body is larger than the limit (64 KiB by default).",
      headers: { "x-request-id": REQUEST_ID_HEADER },
      content: { "application/json": { schema: inlineSchema(errorBodySchema(["INVALID_DATA"])) } },
      "x-error-codes": ["INVALID_DATA"],
    };
    responses["415"] = {
      description: `\`UNSUPPORTED_MEDIA_TYPE\`: ${messageOf("UNSUPPORTED_MEDIA_TYPE")}`,
      headers: { "x-request-id": REQUEST_ID_HEADER },
      content: { "application/json": { schema: inlineSchema(errorBodySchema(["UNSUPPORTED_MEDIA_TYPE"])) } },
      "x-error-codes": ["UNSUPPORTED_MEDIA_TYPE"],
    };
  }
  return responses;
}

/** The path and query parameters of an operation, from the procedure's own field schemas. */
function parametersOf(route: Route): JsonObject[] {
  const parameters: JsonObject[] = [];
  for (const name of Object.keys(route.pathParams ?? {})) {
    parameters.push({
      name,
      in: "path",
      required: true,
      description: "The account's id (`id` in the account list).",
      schema: jsonSchemaOf(accountIdField, "input"),
    });
  }
  for (const [name, param] of Object.entries(route.query ?? {})) {
    const schema = jsonSchemaOf(param.schema, "input");
    parameters.push({
      name,
      in: "query",
      required: param.required === true,
      ...(param.description ? { description: param.description } : {}),
      schema,
      ...(param.type === "list" ? { style: "form", explode: true } : {}),
    });
  }
  return parameters;
}

function operation(route: Route): JsonObject {
  const op: JsonObject = {
    operationId: route.operationId,
    summary: route.summary,
    description: `${route.description ?? ""}\n\nCalls the tRPC procedure \`${route.procedure}\`.`.trim(),
    tags: [route.tag],
    "x-trpc-procedure": route.procedure,
    security: route.auth ? [{ SESSION_CUSTOMER: [] }] : [],
    parameters: [...parametersOf(route), { $ref: "#/components/parameters/RequestId" }],
  };
  if (route.body) {
    op.requestBody = {
      required: route.bodyRequired === true,
      content: { "application/json": { schema: { $ref: SCHEMA_REF(route.body.id) } } },
    };
  }
  const status = route.successStatus ?? 200;
  op.responses = {
    [String(status)]: {
      description: route.responseDescription,
      headers: { "x-request-id": REQUEST_ID_HEADER },
      ...(status === 204 ? {} : { content: { "application/json": { schema: { $ref: SCHEMA_REF(responseSchemaId(route)) } } } }),
    },
    ...errorResponses(route),
  };
  return op;
}

/**
 * The OpenAPI 3.1 document of every endpoint of the customer HTTP API, with request and
 * response schemas, the SESSION_CUSTOMER bearer scheme and each operation's errors.
 */
export function buildOpenApiDocument(options: OpenApiOptions = {}): JsonObject {
  const requests = z.registry<{ id: string }>();
  const responses = z.registry<{ id: string }>();
  responses.add(linkedAccountSchema, { id: "LinkedAccount" });
  responses.add(accountGroupSchema, { id: "AccountGroup" });
  responses.add(kycRequiredErrorSchema, { id: "KycRequiredError" });
  responses.add(addBalanceErrorSchema, { id: "AddBalanceError" });
  responses.add(clientAccountSchema, { id: "ClientAccount" });
  for (const route of ROUTES) {
    // A body shared by two endpoints (check and disable take the same code) is one schema.
    if (route.body && !requests.has(route.body.schema)) requests.add(route.body.schema, { id: route.body.id });
    if (route.successStatus !== 204) responses.add(route.response, { id: responseSchemaId(route) });
  }

  const paths: Record<string, JsonObject> = {};
  for (const route of ROUTES) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  }

  const genericError = (code: HttpErrorCode, status: number) => ({
    description: `\`${code}\`: ${messageOf(code)}`,
    headers: { "x-request-id": REQUEST_ID_HEADER },
    content: { "application/json": { schema: inlineSchema(errorBodySchema([code])) } },
    "x-status": status,
  });

  return {
    openapi: "3.1.0",
    info: {
      title: options.title ?? "Brokerage customer API",
      version: options.version ?? "1.0.0",
      description: [
        "The customer API of seeds 000 (OpenCustomerAccount) and 002 (customer authentication) under `/customer/...`, seed 001 (client accounts) under `/api/v2/...` and seed 003 (user onboarding, account and portfolios) under `/v1/user/...` and `/v1/account...`: a thin facade over the portal's tRPC procedures.",
        "",
        "- Seeds 000/002 use snake_case names; seeds 001/003 the seeds' camelCase, with seed 003's success envelope `{\"success\": true, \"data\": ..., \"errorCode\": 0, \"errorMessage\": \"\"}`. Refusals answer the one error body below on every path (field names in `field_errors` are the endpoint's own).",
        "- Query parameters of seed 001/003 endpoints are only those documented: any other is 400 `INVALID_DATA` naming it.",
        "",
        "- Bodies are JSON (`Content-Type: application/json`, at most 64 KiB by default); answers are always `application/json; charset=utf-8`.",
        "- `SESSION_CUSTOMER` is the `__token` of `POST /customer/auth/login`, sent as `Authorization: Bearer <__token>`. It is checked before the body: an anonymous call is 401 `INVALID_CUSTOMER_SESSION` whatever its body.",
        '- Errors are `{"error": CODE, "message": ...}` plus, where a code has them, its extra fields at top level (KYC_REQUIRED, ADD_BALANCE_ERROR), `field_errors` and their machine codes `field_codes` for INVALID_DATA, `retry_after_seconds` for TOO_MANY_ATTEMPTS and `correlation_id` for INTERNAL_ERROR.',
        "- An unknown path is 404 `NOT_FOUND`; a method the path does not serve is 405 `METHOD_NOT_ALLOWED` with an `Allow` header; a body over the limit is 413 `INVALID_DATA`; a non-empty body not sent as JSON is 415 `UNSUPPORTED_MEDIA_TYPE`; text PostgreSQL cannot store (a NUL character, an unpaired surrogate) is 400 `INVALID_DATA` naming the field; a malformed percent-escape in the path is 400 `INVALID_DATA`.",
        "- Fields marked additive are not in the seeds; the seeds' fields keep their names and types.",
      ].join("\n"),
    },
    servers: [{ url: options.serverUrl ?? "/" }],
    tags: [
      { name: "Authentication", description: "Seed 002: login, session, linked accounts; refresh and logout are additive." },
      { name: "Two-factor authentication", description: "Seed 002: TOTP setup, enable, check, disable." },
      { name: "Accounts", description: "Seed 000: GetCustomerAccountGroups and OpenCustomerAccount." },
      { name: "Client accounts", description: "Seed 001: list, details, rename/favorite, archive, the trading-password wizard and restore." },
      { name: "User", description: "Seed 003: sign-up, phone verification, refresh and the forgotten password." },
    ],
    paths,
    components: {
      securitySchemes: {
        SESSION_CUSTOMER: {
          type: "http",
          scheme: "bearer",
          description:
            "The `__token` of login (15 minutes; renew with `POST /customer/auth/refresh`). Missing, unknown, expired or revoked: 401 `INVALID_CUSTOMER_SESSION`.",
        },
      },
      parameters: {
        RequestId: {
          name: "x-request-id",
          in: "header",
          required: false,
          description: "A correlation id of the caller's choosing (8 to 128 of `A-Za-z0-9._:-`); echoed in the answer and in INTERNAL_ERROR's `correlation_id`.",
          schema: { type: "string", pattern: "^[A-Za-z0-9._:-]{8,128}$" },
        },
      },
      responses: {
        NotFound: genericError("NOT_FOUND", 404),
        MethodNotAllowed: genericError("METHOD_NOT_ALLOWED", 405),
      },
      schemas: { ...componentSchemas(requests, "input"), ...componentSchemas(responses, "output") },
    },
    "x-error-catalog": Object.fromEntries(
      ROUTES.flatMap((r) => r.errors)
        .filter((c, i, all) => all.indexOf(c) === i)
        .map((c) => [c, { status: ERROR_CATALOG[c].status, message: ERROR_CATALOG[c].message }]),
    ),
  };
}
