// The simulated trading core: a TradingCore whose state lives in PostgreSQL (schema
// core_sim), reached through a pool of its own so it never joins a portal transaction.
import type pg from "pg";
import { CoreRejectedError } from "../errors";
import { normalizeAmount } from "../money";
import type {
  BalanceOperationInput,
  BalanceOperationResult,
  CoreAccount,
  CreateAccountInput,
  PasswordInput,
  TradingCore,
  TransferInput,
  TransferResult,
} from "../trading-core";
import {
  archiveLockedAccount,
  assertOperable,
  insertAccount,
  lockAccounts,
  selectAccount,
  selectAccounts,
} from "./accounts";
import { guardCall, type GuardOptions } from "./call-guard";
import { createPool, inTransaction } from "./database";
import { createFaultSwitch, type FaultSwitch } from "./faults";
import { checkIdempotencyKey, runIdempotent } from "./idempotency";
import { applyBalanceOperation, applyTransfer } from "./ledger";
import { hashPassword, storePasswordHash, verifyPassword } from "./passwords";
import {
  checkComment,
  checkCurrency,
  checkLeverage,
  checkLogin,
  checkOverdraft,
  checkPasswordValue,
  checkPasswordType,
  checkText,
} from "./request-checks";

export interface SimulatorOptions {
  /** A database migrated with `migrateSimulator`. */
  connectionString: string;
  /** How long a call may take before it throws CoreUnavailableError. Default 10 s. */
  timeoutMs?: number;
  /** Connections of the simulator's own pool. Default 10. */
  poolSize?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_POOL_SIZE = 10;
const MAX_BATCH = 500;

export class SimulatorCore implements TradingCore {
  readonly faults: FaultSwitch;
  readonly #pool: pg.Pool;
  readonly #guard: GuardOptions;
  #closing: Promise<void> | undefined;

  constructor(options: SimulatorOptions) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const poolSize = options.poolSize ?? DEFAULT_POOL_SIZE;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
      throw new RangeError("timeoutMs must be positive");
    if (!Number.isSafeInteger(poolSize) || poolSize < 1)
      throw new RangeError("poolSize must be a positive integer");
    this.#pool = createPool({ connectionString: options.connectionString, poolSize, timeoutMs, applicationName: "core-simulator" });
    this.#guard = { pool: this.#pool, timeoutMs };
    this.faults = createFaultSwitch(this.#pool);
  }

  health(): Promise<{ latencyMs: number }> {
    const started = performance.now();
    return guardCall(this.#guard, "health", async () => {
      await this.#pool.query("SELECT 1 FROM core_sim.accounts LIMIT 1");
      return { latencyMs: Math.round(performance.now() - started) };
    });
  }

  async createAccount(input: CreateAccountInput): Promise<{ login: number }> {
    checkIdempotencyKey(input.idempotencyKey);
    const account = {
      group: checkText("Group", input.group),
      currency: checkCurrency(input.currency),
      leverage: checkLeverage(input.leverage),
      name: checkText("Name", input.name),
      email: checkText("E-mail", input.email, 320),
      overdraft: checkOverdraft(input.overdraft),
    };
    const passwords = input.passwords ?? { main: "" };
    const main = checkPasswordValue(passwords.main);
    const investor =
      passwords.investor === undefined ? undefined : checkPasswordValue(passwords.investor);
    return guardCall(this.#guard, "createAccount", async () => {
      // Hashed before the transaction opens: ~50 ms of CPU each need not hold a connection.
      const [mainHash, investorHash] = await Promise.all([
        hashPassword(main),
        investor === undefined ? undefined : hashPassword(investor),
      ]);
      return runIdempotent(
        this.#pool,
        {
          key: input.idempotencyKey,
          operation: "createAccount",
          // overdraft joins the fingerprint only when set, so keys stored before it existed still match.
          request: (({ overdraft, ...rest }) => (overdraft ? { ...rest, overdraft } : rest))(account),
          secret: JSON.stringify([main, investor ?? null]),
        },
        async (client) => {
          const login = await insertAccount(client, account);
          await storePasswordHash(client, login, "main", mainHash);
          if (investorHash !== undefined)
            await storePasswordHash(client, login, "investor", investorHash);
          return { login };
        },
      );
    });
  }

  async getAccount(login: number): Promise<CoreAccount> {
    checkLogin(login);
    return guardCall(this.#guard, "getAccount", () => selectAccount(this.#pool, login));
  }

  async getAccounts(logins: number[]): Promise<CoreAccount[]> {
    if (!Array.isArray(logins) || logins.length > MAX_BATCH) {
      throw new CoreRejectedError("invalid_request", `Between 0 and ${MAX_BATCH} logins per call`);
    }
    const checked = logins.map(checkLogin);
    if (checked.length === 0) return [];
    return guardCall(this.#guard, "getAccounts", () => selectAccounts(this.#pool, checked));
  }

  async balanceOperation(input: BalanceOperationInput): Promise<BalanceOperationResult> {
    checkIdempotencyKey(input.idempotencyKey);
    if (input.type !== "deposit" && input.type !== "withdrawal") {
      throw new CoreRejectedError(
        "invalid_request",
        `Unknown balance operation ${String(input.type)}`,
      );
    }
    const request = {
      login: checkLogin(input.login),
      type: input.type,
      amount: normalizeAmount(input.amount),
      comment: checkComment(input.comment),
    };
    return guardCall(this.#guard, "balanceOperation", () =>
      runIdempotent(
        this.#pool,
        { key: input.idempotencyKey, operation: "balanceOperation", request },
        (client) => applyBalanceOperation(client, request),
      ),
    );
  }

  async transfer(input: TransferInput): Promise<TransferResult> {
    checkIdempotencyKey(input.idempotencyKey);
    const request = {
      fromLogin: checkLogin(input.fromLogin),
      toLogin: checkLogin(input.toLogin),
      amount: normalizeAmount(input.amount),
      comment: checkComment(input.comment),
    };
    return guardCall(this.#guard, "transfer", () =>
      runIdempotent(
        this.#pool,
        { key: input.idempotencyKey, operation: "transfer", request },
        (client) => applyTransfer(client, request),
      ),
    );
  }

  async setPassword(input: PasswordInput): Promise<void> {
    const login = checkLogin(input.login);
    const type = checkPasswordType(input.type);
    const password = checkPasswordValue(input.password);
    return guardCall(this.#guard, "setPassword", async () => {
      const passwordHash = await hashPassword(password);
      await inTransaction(this.#pool, async (client) => {
        const [account] = await lockAccounts(client, [login]);
        if (account) assertOperable(account);
        await storePasswordHash(client, login, type, passwordHash);
      });
    });
  }

  async checkPassword(input: PasswordInput): Promise<boolean> {
    const login = checkLogin(input.login);
    const type = checkPasswordType(input.type);
    if (typeof input.password !== "string") return false;
    return guardCall(this.#guard, "checkPassword", async () => {
      assertOperable(await selectAccount(this.#pool, login));
      return verifyPassword(this.#pool, login, type, input.password);
    });
  }

  async archiveAccount(input: { login: number }): Promise<void> {
    const login = checkLogin(input.login);
    return guardCall(this.#guard, "archiveAccount", () =>
      inTransaction(this.#pool, async (client) => {
        const [account] = await lockAccounts(client, [login]);
        if (account) await archiveLockedAccount(client, account);
      }),
    );
  }

  /** Ends the pool; calls made afterwards throw CoreUnavailableError. Safe to call twice. */
  close(): Promise<void> {
    this.#closing ??= this.#pool.end();
    return this.#closing;
  }
}

export interface SimulatorHandle {
  core: TradingCore;
  faults: FaultSwitch;
  close(): Promise<void>;
}

/** Connects lazily: a simulator whose database is down still constructs, and its calls fail. */
export function createSimulatorCore(options: SimulatorOptions): SimulatorHandle {
  const core = new SimulatorCore(options);
  return { core, faults: core.faults, close: () => core.close() };
}
