// The customer HTTP API of seeds 000 and 002 as a framework-free Fetch handler
// (`Request` in, `Response` out): Next.js route handlers call it directly, `node:http`
// through `toNodeHandler`. It is a facade: it finds the endpoint, checks the bearer
// session first (product.md, Conventions), reads and validates the JSON body with the
// procedure's own field schemas under snake_case names, calls the tRPC procedure through
// `createCaller`, and maps names back. Every business rule stays in the procedures.
import type { z } from "zod";
import { fieldCodeOfIssue, parseAcceptLanguage, pickSupportedLocale, type FieldCode } from "@brokerage/validators";
import { systemClock } from "../clock";
import { createContextInner, type ApiDeps, type Credential } from "../context";
import { errorMessageIn, getDomainError, isDomainError, type FieldCodes, type FieldErrors } from "../errors";
import { createLogger } from "../logger";
import { resolveCustomerSession, type CustomerSession } from "../session/resolve-session";
import {
  domainErrorAnswer,
  HttpError,
  httpErrorAnswer,
  internalErrorAnswer,
  JSON_CONTENT_TYPE,
  type ErrorAnswer,
} from "./errors";
import { toProcedureInput } from "./mapping";
import { readBodyBytes, utf8Text } from "./read-body";
import { buildOpenApiDocument, type OpenApiOptions } from "./openapi";
import { createCaller, matchPath, OPENAPI_PATH, ROUTES, type Route } from "./routes";

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
export const REQUEST_ID_HEADER = "x-request-id";

export interface CustomerHttpApiOptions {
  deps: ApiDeps;
  /**
   * Origins (`https://terminal.example.com`) whose browsers may call the API; CORS is off
   * when empty (the default). Only these get preflight answers and CORS headers.
   */
  allowedOrigins?: readonly string[];
  /** Larger bodies are refused with 413 INVALID_DATA. Default 64 KiB. */
  maxBodyBytes?: number;
  /** Where the API is mounted when not at the root (e.g. `/broker`); default none. */
  basePath?: string;
  /**
   * The client's address for throttles and audit events. Default: the connection's
   * address handed in by the server adapter (`toNodeHandler` does), else none. Behind a
   * proxy, pass the portal's trusted-proxy logic here.
   */
  clientAddress?: (request: Request) => string | null;
  /** Served at `/api/openapi.json`. */
  openApi?: OpenApiOptions;
}

export interface ConnectionInfo {
  remoteAddress?: string | null | undefined;
}

export type CustomerHttpApi = (request: Request, connection?: ConnectionInfo) => Promise<Response>;

// A caller's id is kept only when short and plain: it lands in logs and responses.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;
const BEARER = /^Bearer +([A-Za-z0-9._~+/=-]{1,512}) *$/i;
const CORS_ALLOWED_HEADERS = "authorization, content-type, x-request-id";
const CORS_EXPOSED_HEADERS = "x-request-id, retry-after, www-authenticate";
const CORS_MAX_AGE_SECONDS = "600";

/** The request's correlation id: the incoming `x-request-id` when it looks sane, else a new one. */
export function resolveRequestId(incoming: string | null): string {
  return incoming && SANE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}

/** `Authorization: Bearer <token>` as a credential; anything else is no credential. */
export function bearerCredential(authorization: string | null): Credential | null {
  const match = authorization ? BEARER.exec(authorization) : null;
  return match?.[1] ? { type: "bearer", token: match[1] } : null;
}

type Endpoint = Route | typeof OPENAPI_PATH;

interface Answer extends ErrorAnswer {
  /** Serialized JSON, for bodies prepared once (the OpenAPI document). */
  raw?: string;
}

function normalizeOrigin(origin: string): string {
  return origin.trim().replace(/\/+$/, "").toLowerCase();
}

function normalizeBasePath(basePath: string | undefined): string {
  if (!basePath) return "";
  const trimmed = `/${basePath.replace(/^\/+|\/+$/g, "")}`;
  return trimmed === "/" ? "" : trimmed;
}

/**
 * Issues of the body schema as `{ field: [messages] }` and `{ field: [CODE] }`, unknown
 * keys under their own name.
 */
function bodyFieldErrors(error: z.ZodError, json: unknown): { fieldErrors: FieldErrors; fieldCodes: FieldCodes } {
  // Maps, then own properties: a client's key such as `__proto__` stays a plain key.
  const messages = new Map<string, string[]>();
  const codes = new Map<string, FieldCode[]>();
  const add = (key: string, message: string, code: FieldCode) => {
    messages.set(key, [...(messages.get(key) ?? []), message]);
    const known = codes.get(key) ?? [];
    codes.set(key, known.includes(code) ? known : [...known, code]);
  };
  for (const issue of error.issues) {
    // Unknown keys of the body itself are named; inside a field, the field is.
    if (issue.code === "unrecognized_keys" && issue.path.length === 0) {
      for (const key of issue.keys) add(key, "Unknown field", "UNKNOWN_FIELD");
    } else {
      add(issue.path.length > 0 ? String(issue.path[0]) : "_form", issue.message, fieldCodeOfIssue(issue, { input: json }));
    }
  }
  return { fieldErrors: Object.fromEntries(messages), fieldCodes: Object.fromEntries(codes) };
}

const unknownFields = (names: readonly string[]) =>
  new HttpError("INVALID_DATA", {
    fieldErrors: Object.fromEntries(names.map((n) => [n, ["Unknown field"]])),
    fieldCodes: Object.fromEntries(names.map((n) => [n, ["UNKNOWN_FIELD" as const]])),
  });

/** A path parameter (an account id): digits become a number, anything else stays text for the schema to refuse. */
function pathValue(raw: string): unknown {
  const text = decodeURIComponent(raw);
  return /^\d{1,10}$/.test(text) ? Number(text) : text;
}

/**
 * The query parameters of an endpoint that declares them, as procedure input keys. Only
 * the text is converted (numbers, booleans, lists); the procedure's schema decides.
 */
function queryInput(route: Route, params: URLSearchParams): Record<string, unknown> {
  const spec = route.query ?? {};
  const input: Record<string, unknown> = {};
  const unknown: string[] = [];
  const repeated: string[] = [];
  for (const name of new Set(params.keys())) {
    const param = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!param) {
      unknown.push(name);
      continue;
    }
    const values = params.getAll(name);
    if (param.type === "list") {
      input[param.key] = values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
      continue;
    }
    if (values.length > 1) repeated.push(name);
    const value = values[0]!;
    if (param.type === "integer") input[param.key] = /^-?\d{1,15}$/.test(value) ? Number(value) : value;
    else if (param.type === "boolean") input[param.key] = value === "true" ? true : value === "false" ? false : value;
    else input[param.key] = value;
  }
  if (unknown.length > 0) throw unknownFields(unknown);
  if (repeated.length > 0) {
    throw new HttpError("INVALID_DATA", {
      fieldErrors: Object.fromEntries(repeated.map((n) => [n, ["Given more than once"]])),
      fieldCodes: Object.fromEntries(repeated.map((n) => [n, ["INVALID_FORMAT" as const]])),
    });
  }
  return input;
}

/** Every HTTP name of an endpoint's fields (body, path, query), for its field errors. */
function fieldNamesOf(route: Route): { names: Record<string, string>; naming: "snake" | "camel" } {
  const names: Record<string, string> = { ...route.body?.names };
  for (const [name, key] of Object.entries(route.pathParams ?? {})) names[key] = name;
  for (const [name, param] of Object.entries(route.query ?? {})) names[param.key] = name;
  return { names, naming: route.naming ?? "snake" };
}

const invalidBody = (message: string) =>
  new HttpError("INVALID_DATA", { message, fieldErrors: { _form: [message] }, fieldCodes: { _form: ["INVALID_FORMAT"] } });

function isJsonContentType(value: string): boolean {
  const type = value.split(";")[0]!.trim().toLowerCase();
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * The body as JSON, read at most `limit` bytes far: a larger body is refused (413)
 * without reading the rest. An empty body reads as `{}`, so a missing body answers
 * with the fields it lacks.
 */
async function readJson(request: Request, limit: number): Promise<unknown> {
  const tooLarge = () =>
    new HttpError("INVALID_DATA", {
      status: 413,
      message: `The request body is larger than ${limit} bytes`,
      headers: { connection: "close" },
    });
  const bytes = await readBodyBytes(request, limit);
  if (bytes === null) throw tooLarge();
  const text = utf8Text(bytes);
  if (text === null) throw invalidBody("The request body is not valid UTF-8");
  if (text.trim() === "") return {};
  // A body must say it is JSON: a browser form (urlencoded, multipart, text/plain) can be
  // sent cross-site without a preflight, and is never what a terminal sends.
  const contentType = request.headers.get("content-type");
  if (contentType === null || !isJsonContentType(contentType)) {
    throw new HttpError("UNSUPPORTED_MEDIA_TYPE", { message: "Send the request body as application/json" });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidBody("The request body is not valid JSON");
  }
}

export function createCustomerHttpApi(options: CustomerHttpApiOptions): CustomerHttpApi {
  const { deps } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const origins = new Set((options.allowedOrigins ?? []).map(normalizeOrigin));
  const basePath = normalizeBasePath(options.basePath);
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? createLogger();

  // By path template (`/api/v2/my/accounts/{accountId}`), then method.
  const endpoints = new Map<string, Map<string, Endpoint>>();
  for (const route of ROUTES) {
    const byMethod = endpoints.get(route.path) ?? new Map<string, Endpoint>();
    byMethod.set(route.method, route);
    endpoints.set(route.path, byMethod);
  }
  endpoints.set(OPENAPI_PATH, new Map([["GET", OPENAPI_PATH]]));
  const fieldNames = new Map(ROUTES.map((route) => [route, fieldNamesOf(route)]));

  let openApiJson: string | undefined;

  async function dispatch(
    request: Request,
    path: string,
    search: URLSearchParams,
    corsOrigin: string | null,
    requestId: string,
    connection: ConnectionInfo | undefined,
    current: { route?: Route },
  ): Promise<Answer> {
    const matched = path === OPENAPI_PATH ? { template: OPENAPI_PATH, params: {} } : matchPath(path);
    const byMethod = matched ? endpoints.get(matched.template) : undefined;
    if (!matched || !byMethod) throw new HttpError("NOT_FOUND", { message: `No endpoint at ${path}` });
    const allow = [...byMethod.keys()].join(", ");

    if (request.method === "OPTIONS") {
      // Only a browser's preflight, only from an allowed origin.
      if (!request.headers.get("origin")) {
        throw new HttpError("METHOD_NOT_ALLOWED", { headers: { allow } });
      }
      if (!corsOrigin) throw new HttpError("FORBIDDEN", { message: "This origin may not call the API" });
      return {
        status: 204,
        body: {},
        headers: {
          "access-control-allow-methods": allow,
          "access-control-allow-headers": CORS_ALLOWED_HEADERS,
          "access-control-max-age": CORS_MAX_AGE_SECONDS,
        },
      };
    }

    const endpoint = byMethod.get(request.method);
    if (!endpoint) {
      throw new HttpError("METHOD_NOT_ALLOWED", {
        message: `${request.method} is not allowed here; use ${allow}`,
        headers: { allow },
      });
    }
    if (endpoint === OPENAPI_PATH) {
      openApiJson ??= JSON.stringify(buildOpenApiDocument(options.openApi));
      return { status: 200, body: {}, raw: openApiJson, headers: { "cache-control": "no-cache" } };
    }
    const route = endpoint;
    current.route = route;

    // 1. The session, before anything of the body is looked at.
    let credential: Credential | null = null;
    let customerSession: CustomerSession | undefined;
    if (route.auth) {
      credential = bearerCredential(request.headers.get("authorization"));
      customerSession = await resolveCustomerSession(deps.db, credential, clock.now());
    }

    // 2. The path and query parameters, then the body: JSON, then the procedure's own
    // field schemas under the HTTP names.
    let input: Record<string, unknown> = {};
    for (const [name, key] of Object.entries(route.pathParams ?? {})) input[key] = pathValue(matched.params[name] ?? "");
    if (route.query) Object.assign(input, queryInput(route, search));
    if (route.body) {
      const json = await readJson(request, maxBodyBytes);
      const parsed = route.body.schema.safeParse(json);
      if (!parsed.success) throw new HttpError("INVALID_DATA", bodyFieldErrors(parsed.error, json));
      input = { ...input, ...toProcedureInput(route.body, json as Record<string, unknown>) };
    }

    // 3. The procedure, which checks everything again and decides.
    const api = createCaller(
      createContextInner({
        deps: { ...deps, logger: logger.child({ requestId }) },
        credential,
        // Resolved above, once: the procedure does not look the session up again.
        ...(customerSession ? { customerSession } : {}),
        request: {
          requestId,
          ip: options.clientAddress ? options.clientAddress(request) : (connection?.remoteAddress ?? null),
          userAgent: request.headers.get("user-agent"),
        },
      }),
    );
    try {
      const result = (await route.run(api, input)) as Record<string, unknown>;
      const status = route.successStatus ?? 200;
      return { status, body: status === 204 ? {} : result, headers: {} };
    } catch (error) {
      const domain = getDomainError(error);
      if (domain) return domainErrorAnswer(domain, fieldNames.get(route));
      throw error;
    }
  }

  return async function handleCustomerApiRequest(request, connection) {
    const started = performance.now();
    const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
    const origin = request.headers.get("origin");
    const corsOrigin = origin && origins.has(normalizeOrigin(origin)) ? origin : null;
    const current: { route?: Route } = {};
    let path = "";
    let search = new URLSearchParams();
    let answer: Answer;
    try {
      const url = new URL(request.url);
      path = url.pathname;
      search = url.searchParams;
      try {
        decodeURIComponent(path);
      } catch {
        throw new HttpError("INVALID_DATA", { message: "The request path has a malformed percent-escape" });
      }
      if (basePath) {
        if (path !== basePath && !path.startsWith(`${basePath}/`)) {
          throw new HttpError("NOT_FOUND", { message: `No endpoint at ${path}` });
        }
        path = path.slice(basePath.length) || "/";
      }
      answer = await dispatch(request, path, search, corsOrigin, requestId, connection, current);
    } catch (error) {
      if (error instanceof HttpError) {
        answer = httpErrorAnswer(error);
      } else if (isDomainError(error)) {
        answer = domainErrorAnswer(error, current.route ? fieldNames.get(current.route) : undefined);
      } else {
        logger.error({ err: error, requestId, method: request.method, path }, "customer API request failed");
        answer = internalErrorAnswer(requestId);
      }
    }

    const headers = new Headers({
      "content-type": JSON_CONTENT_TYPE,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      [REQUEST_ID_HEADER]: requestId,
    });
    for (const [name, value] of Object.entries(answer.headers)) headers.set(name, value);
    // A refusal's `message` speaks the client's language (seed 001's Accept-Language); its code never changes.
    if (answer.status >= 400 && typeof answer.body.error === "string") {
      const locale = pickSupportedLocale(parseAcceptLanguage(request.headers.get("accept-language")));
      answer = { ...answer, body: { ...answer.body, message: errorMessageIn(answer.body.error, locale, String(answer.body.message)) } };
      headers.set("content-language", locale);
    }
    headers.append("vary", "Accept-Language");
    if (origins.size > 0) headers.append("vary", "Origin");
    if (corsOrigin) {
      headers.set("access-control-allow-origin", corsOrigin);
      headers.set("access-control-expose-headers", CORS_EXPOSED_HEADERS);
    }
    logger.info(
      {
        requestId,
        method: request.method,
        path,
        status: answer.status,
        code: typeof answer.body.error === "string" ? answer.body.error : undefined,
        durationMs: Math.round(performance.now() - started),
      },
      "customer API request",
    );
    const body = answer.status === 204 ? null : (answer.raw ?? JSON.stringify(answer.body));
    return new Response(body, { status: answer.status, headers });
  };
}
