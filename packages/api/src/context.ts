import { randomUUID } from "node:crypto";
import type { TradingCore } from "@brokerage/core-adapter";
import type { Database } from "@brokerage/db";
import type { PaymentProvider } from "@brokerage/payments";
import type { RateSource } from "@brokerage/rate-source";
import { createSimulatedRateSource } from "@brokerage/rate-source/simulator";
import { systemClock, type Clock } from "./clock";
import { env } from "./env";
import { createDatabaseDocumentStorage } from "./kyc/database-document-storage";
import { createLocalDocumentStorage, type DocumentStorage } from "./kyc/document-storage";
import { createLogger, type Logger } from "./logger";
import type { RateLimits } from "./rate-limit/rate-limits";
import type { CustomerSession } from "./session/resolve-session";

/** What the router needs from the world; tests pass their own. */
export interface ApiDeps {
  db: Database;
  core: TradingCore;
  /** Shared counters of the throttles (PostgreSQL or Redis), see rate-limit/. */
  rateLimits: RateLimits;
  clock?: Clock;
  logger?: Logger;
  /**
   * Uploaded KYC files. When not given: PostgreSQL (encrypted; every instance serves
   * them), or the local directory `KYC_STORAGE_DIR` names when it is set (one instance).
   */
  documents?: DocumentStorage;
  /** Exchange rates for conversions and the dashboard's total. Default: the in-process simulator. */
  rates?: RateSource;
  /** The payment provider of deposits and payouts (the simulator unless a deployment plugs in its own). */
  payments?: PaymentProvider;
}

let simulatedRates: RateSource | undefined;

let localDocuments: DocumentStorage | undefined;
const databaseDocuments = new WeakMap<Database, DocumentStorage>();

/** One per process (and database client), made for the first context without its own. */
export function defaultDocumentStorage(db: Database): DocumentStorage {
  const dir = env.kycStorageDir;
  if (dir) {
    localDocuments ??= createLocalDocumentStorage(dir);
    return localDocuments;
  }
  let storage = databaseDocuments.get(db);
  if (!storage) databaseDocuments.set(db, (storage = createDatabaseDocumentStorage(db)));
  return storage;
}

/**
 * Who is calling, as the transport saw it, before any check: a web session id (from
 * the next-auth JWT), an API bearer token, or a staff session id. Procedures resolve
 * and check it against the database on every call.
 */
export type Credential =
  | { type: "customer-session"; sessionId: string }
  | { type: "bearer"; token: string }
  | { type: "staff-session"; sessionId: string };

export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

export interface CreateContextOptions {
  deps: ApiDeps;
  credential?: Credential | null;
  /**
   * The customer session `credential` was already resolved to in this request (a transport
   * that checks the session before reading the body): procedures use it instead of
   * resolving the credential a second time.
   */
  customerSession?: CustomerSession;
  request?: Partial<RequestMeta>;
}

/** The context without any transport: tests and `createCaller` users build it here. */
export function createContextInner(options: CreateContextOptions) {
  const { deps } = options;
  return {
    db: deps.db,
    core: deps.core,
    rateLimits: deps.rateLimits,
    clock: deps.clock ?? systemClock,
    logger: deps.logger ?? createLogger(),
    documents: deps.documents ?? defaultDocumentStorage(deps.db),
    rates: deps.rates ?? (simulatedRates ??= createSimulatedRateSource()),
    payments: deps.payments ?? null,
    credential: options.credential ?? null,
    customerSession: options.customerSession ?? null,
    request: {
      requestId: options.request?.requestId ?? randomUUID(),
      ip: options.request?.ip ?? null,
      userAgent: options.request?.userAgent ?? null,
    } satisfies RequestMeta,
  };
}

export type Context = ReturnType<typeof createContextInner>;
