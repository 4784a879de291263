// The simulated payment provider: a PaymentProvider whose state lives in PostgreSQL
// (schema payment_sim), reached through a pool of its own so it never joins a portal
// transaction, plus the hosted payment page and the provider-side events (refunds,
// chargebacks, payout settlement, expiry, webhook delivery).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from "ibantools";
import type pg from "pg";
import { PaymentNotFoundError, PaymentRejectedError, PaymentUnavailableError } from "../errors";
import { normalizeAmount, normalizeCurrency } from "../money";
import type {
  CreatePaymentInput,
  CreatePayoutInput,
  PaymentOperation,
  PaymentProvider,
  PaymentView,
  PayoutDestination,
  PayoutView,
} from "../provider";
import { asPaymentError, createPool, inTransaction } from "./database";
import { deliverDue, type DeliveryCounts, type WebhookOptions } from "./delivery";
import {
  consumeLoseReply,
  createPaymentFaultSwitch,
  readSettings,
  type PaymentFaultSwitch,
} from "./faults";
import { checkIdempotencyKey, runIdempotent } from "./idempotency";
import {
  contentSecurityPolicy,
  renderErrorPage,
  renderFinalPage,
  renderNotFoundPage,
  renderPayablePage,
  TEST_CARDS,
  type FormState,
  type PageField,
} from "./page";
import {
  expirePayments,
  newId,
  paymentView,
  payoutView,
  selectPayment,
  selectPayout,
  writeEvent,
  type PaymentRow,
  type PayoutRow,
} from "./records";

export interface PaymentSimulatorOptions {
  /** A database migrated with `migratePaymentSimulator` (or give `pool`). */
  connectionString?: string;
  /** A pool of your own; the simulator then leaves it open on close(). */
  pool?: pg.Pool;
  /** Where the hosted page is reached from a browser, e.g. http://localhost:3000. */
  publicBaseUrl: string;
  /** The path the page lives under. Default "/payment-simulator". */
  basePath?: string;
  webhook: WebhookOptions;
  /** The simulator's time (creation, expiry, webhook timestamps and retries). Default: now. */
  clock?: () => Date;
  /** How long a payment can be paid. Default 30 minutes. */
  paymentTtlMs?: number;
  /** How long an API call may take before it throws PaymentUnavailableError. Default 10 s. */
  timeoutMs?: number;
  /** Connections of the simulator's own pool. Default 5. */
  poolSize?: number;
}

export const DEFAULT_PAYMENT_TTL_MS = 30 * 60_000;
export const DEFAULT_BASE_PATH = "/payment-simulator";

const MAX_TEXT = 500;
const MAX_FORM_BYTES = 16 * 1024;
const ID = /^(pay|po)_[0-9a-f]{24}$/;
const PAGE_PATH = /^\/pay\/([A-Za-z0-9_]{1,64})$/;

function checkText(name: string, value: unknown, max = MAX_TEXT, optional = false): string | null {
  if (optional && (value === undefined || value === null)) return null;
  if (
    typeof value !== "string" ||
    value.trim().length === 0 ||
    value.length > max ||
    /\p{Cc}/u.test(value)
  )
    throw new PaymentRejectedError(
      "invalid_request",
      `${name} must be 1 to ${max} printable characters`,
    );
  return value;
}

function checkReturnUrl(value: unknown): string {
  const text = checkText("returnUrl", value, 2_000) as string;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PaymentRejectedError("invalid_request", "returnUrl must be an absolute http(s) URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new PaymentRejectedError("invalid_request", "returnUrl must be an absolute http(s) URL");
  return url.toString();
}

function checkDestination(destination: PayoutDestination): PayoutDestination {
  const invalid = (why: string) =>
    new PaymentRejectedError("invalid_destination", `Invalid payout destination: ${why}`);
  if (typeof destination !== "object" || destination === null) throw invalid("missing");
  if (destination.kind === "bank") {
    const iban =
      electronicFormatIBAN(typeof destination.iban === "string" ? destination.iban : "") ?? "";
    if (!isValidIBAN(iban)) throw invalid("IBAN");
    const bic = typeof destination.bic === "string" ? destination.bic.trim().toUpperCase() : "";
    if (!isValidBIC(bic)) throw invalid("BIC");
    const holderName =
      typeof destination.holderName === "string" ? destination.holderName.trim() : "";
    if (holderName.length === 0 || holderName.length > 140 || /\p{Cc}/u.test(holderName))
      throw invalid("holder name");
    return { kind: "bank", iban, bic, holderName };
  }
  if (destination.kind === "card_refund") {
    if (
      typeof destination.paymentId !== "string" ||
      !destination.paymentId.startsWith("pay_") ||
      !ID.test(destination.paymentId)
    )
      throw invalid("payment id");
    return { kind: "card_refund", paymentId: destination.paymentId };
  }
  throw invalid("unknown kind");
}

function sameSecret(a: string, b: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}

function withPaymentParameter(returnUrl: string, id: string): string {
  const url = new URL(returnUrl);
  url.searchParams.set("payment", id);
  return url.toString();
}

const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
};

export class PaymentSimulator implements PaymentProvider {
  readonly faults: PaymentFaultSwitch;
  readonly basePath: string;
  readonly #pool: pg.Pool;
  readonly #ownsPool: boolean;
  readonly #publicBaseUrl: string;
  readonly #webhook: WebhookOptions;
  readonly #clock: () => Date;
  readonly #ttlMs: number;
  readonly #timeoutMs: number;
  #closing: Promise<void> | undefined;

  constructor(options: PaymentSimulatorOptions) {
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    if (!Number.isFinite(this.#timeoutMs) || this.#timeoutMs <= 0)
      throw new RangeError("timeoutMs must be positive");
    this.#ttlMs = options.paymentTtlMs ?? DEFAULT_PAYMENT_TTL_MS;
    if (!Number.isSafeInteger(this.#ttlMs) || this.#ttlMs <= 0)
      throw new RangeError("paymentTtlMs must be a positive integer");
    const basePath = options.basePath ?? DEFAULT_BASE_PATH;
    if (!/^\/[A-Za-z0-9/_-]*[A-Za-z0-9_-]$/.test(basePath))
      throw new RangeError(`Invalid basePath ${basePath}`);
    this.basePath = basePath;
    const base = new URL(options.publicBaseUrl);
    if (base.protocol !== "http:" && base.protocol !== "https:")
      throw new RangeError("publicBaseUrl must be http(s)");
    this.#publicBaseUrl = base.origin + base.pathname.replace(/\/+$/, "");
    if (
      !options.webhook ||
      typeof options.webhook.secret !== "string" ||
      options.webhook.secret.length === 0
    )
      throw new TypeError("webhook.secret is required");
    this.#webhook = options.webhook;
    this.#clock = options.clock ?? (() => new Date());
    if (options.pool) {
      this.#pool = options.pool;
      this.#ownsPool = false;
    } else if (options.connectionString) {
      this.#pool = createPool({
        connectionString: options.connectionString,
        poolSize: options.poolSize ?? 5,
        timeoutMs: this.#timeoutMs,
        applicationName: "payment-simulator",
      });
      this.#ownsPool = true;
    } else {
      throw new TypeError("Give the payment simulator a connectionString or a pool");
    }
    this.faults = createPaymentFaultSwitch(this.#pool);
  }

  // --- The provider's API -------------------------------------------------------------

  async createPayment(
    input: CreatePaymentInput,
  ): Promise<PaymentView & { paymentPageUrl: string }> {
    checkIdempotencyKey(input.idempotencyKey);
    const request = {
      amount: normalizeAmount(input.amount),
      currency: normalizeCurrency(input.currency),
      reference: checkText("reference", input.reference, 200) as string,
      returnUrl: checkReturnUrl(input.returnUrl),
      description: checkText("description", input.description, MAX_TEXT, true),
    };
    return this.#guard("createPayment", async () => {
      const id = await runIdempotent(
        this.#pool,
        { key: input.idempotencyKey, operation: "createPayment", request },
        async (client) => {
          const now = this.#clock();
          const id = newId("pay");
          await client.query(
            `INSERT INTO payment_sim.payments (id, status, amount, currency, reference, description, return_url,
               page_token, created_at, updated_at, expires_at)
             VALUES ($1, 'requires_payment', $2, $3, $4, $5, $6, $7, $8, $8, $9)`,
            [
              id,
              request.amount,
              request.currency,
              request.reference,
              request.description,
              request.returnUrl,
              randomBytes(32).toString("base64url"),
              now,
              new Date(now.getTime() + this.#ttlMs),
            ],
          );
          return id;
        },
      );
      const row = await this.#currentPayment(id);
      return { ...paymentView(row), paymentPageUrl: this.paymentPageUrl(row) };
    });
  }

  async getPayment(id: string): Promise<PaymentView> {
    if (typeof id !== "string" || !ID.test(id) || !id.startsWith("pay_")) {
      throw new PaymentNotFoundError("payment", String(id).slice(0, 100));
    }
    return this.#guard("getPayment", async () => paymentView(await this.#currentPayment(id)));
  }

  async createPayout(input: CreatePayoutInput): Promise<PayoutView> {
    checkIdempotencyKey(input.idempotencyKey);
    const request = {
      amount: normalizeAmount(input.amount),
      currency: normalizeCurrency(input.currency),
      reference: checkText("reference", input.reference, 200) as string,
      destination: checkDestination(input.destination),
    };
    return this.#guard("createPayout", async () => {
      const id = await runIdempotent(
        this.#pool,
        { key: input.idempotencyKey, operation: "createPayout", request },
        async (client) => {
          const now = this.#clock();
          let paymentId: string | null = null;
          if (request.destination.kind === "card_refund") {
            paymentId = request.destination.paymentId;
            const payment = await selectPayment(client, paymentId, true);
            if (!payment)
              throw new PaymentRejectedError(
                "invalid_destination",
                `No payment ${paymentId} to refund to`,
              );
            await this.#takeFromPayment(
              client,
              payment,
              request.amount,
              "refunded_amount",
              request.currency,
            );
          }
          const id = newId("po");
          await client.query(
            `INSERT INTO payment_sim.payouts (id, status, amount, currency, reference, destination, payment_id, created_at, updated_at)
             VALUES ($1, 'pending', $2, $3, $4, $5, $6, $7, $7)`,
            [
              id,
              request.amount,
              request.currency,
              request.reference,
              JSON.stringify(request.destination),
              paymentId,
              now,
            ],
          );
          return id;
        },
      );
      const row = await selectPayout(this.#pool, id);
      if (!row) throw new PaymentNotFoundError("payout", id);
      return payoutView(row);
    });
  }

  async getPayout(id: string): Promise<PayoutView> {
    if (typeof id !== "string" || !ID.test(id) || !id.startsWith("po_")) {
      throw new PaymentNotFoundError("payout", String(id).slice(0, 100));
    }
    return this.#guard("getPayout", async () => {
      const row = await selectPayout(this.#pool, id);
      if (!row) throw new PaymentNotFoundError("payout", id);
      return payoutView(row);
    });
  }

  /** The hosted page of a payment (also returned by createPayment). */
  paymentPageUrl(payment: { id: string; page_token: string }): string {
    return `${this.#publicBaseUrl}${this.basePath}/pay/${payment.id}?token=${payment.page_token}`;
  }

  // --- Provider-side events (what happens at the provider, for tests and development) ---

  /** Refunds part or all of a succeeded payment; emits payment.refunded. */
  refund(paymentId: string, amount: string): Promise<PaymentView> {
    return this.#reversal(paymentId, amount, "refunded_amount", "payment.refunded");
  }

  /** The card holder's bank takes money back; emits payment.charged_back. */
  chargeback(paymentId: string, amount: string): Promise<PaymentView> {
    return this.#reversal(paymentId, amount, "charged_back_amount", "payment.charged_back");
  }

  /** Payments past their time become expired (with their events). */
  async expireDue(): Promise<{ expired: number }> {
    const rows = await inTransaction(this.#pool, (client) => expirePayments(client, this.#clock()));
    return { expired: rows.length };
  }

  /**
   * Pending payouts become paid, or failed while the payouts-fail fault is on (with their
   * events). `olderThanMs`: only those pending at least that long (a bank takes its time).
   */
  async settlePayouts(
    options: { olderThanMs?: number } = {},
  ): Promise<{ paid: number; failed: number }> {
    const olderThanMs = options.olderThanMs ?? 0;
    if (!Number.isSafeInteger(olderThanMs) || olderThanMs < 0)
      throw new RangeError("olderThanMs must be a non-negative integer");
    const { payoutsFail } = await readSettings(this.#pool);
    return inTransaction(this.#pool, async (client) => {
      const now = this.#clock();
      const { rows } = await client.query<PayoutRow>(
        `UPDATE payment_sim.payouts SET status = $1, failure_reason = $2, updated_at = $3
          WHERE id IN (SELECT id FROM payment_sim.payouts WHERE status = 'pending' AND created_at <= $4
                        ORDER BY created_at, id FOR UPDATE SKIP LOCKED)
          RETURNING *`,
        payoutsFail
          ? ["failed", "destination_rejected", now, new Date(now.getTime() - olderThanMs)]
          : ["paid", null, now, new Date(now.getTime() - olderThanMs)],
      );
      for (const payout of rows.sort(
        (a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id),
      )) {
        // A card refund that failed gives its amount back to the payment.
        if (payoutsFail && payout.payment_id !== null) {
          await client.query(
            `UPDATE payment_sim.payments SET refunded_amount = refunded_amount - $2, updated_at = $3 WHERE id = $1`,
            [payout.payment_id, payout.amount, now],
          );
        }
        await writeEvent(client, payoutsFail ? "payout.failed" : "payout.paid", { payout }, now);
      }
      return { paid: payoutsFail ? 0 : rows.length, failed: payoutsFail ? rows.length : 0 };
    });
  }

  /** Sends the webhooks that are due (signed; failures are retried later with backoff). */
  deliverDueWebhooks(): Promise<DeliveryCounts> {
    return deliverDue(this.#pool, this.#webhook, this.#clock());
  }

  close(): Promise<void> {
    this.#closing ??= this.#ownsPool ? this.#pool.end() : Promise.resolve();
    return this.#closing;
  }

  // --- The hosted page ------------------------------------------------------------------

  /** Answers requests under basePath (the hosted page); null for any other path. */
  async handle(request: Request): Promise<Response | null> {
    const url = new URL(request.url);
    if (url.pathname !== this.basePath && !url.pathname.startsWith(`${this.basePath}/`))
      return null;
    const match = PAGE_PATH.exec(url.pathname.slice(this.basePath.length));
    try {
      if (!match) return this.#page(404, renderNotFoundPage(), []);
      const id = match[1] as string;
      if (request.method === "GET" || request.method === "HEAD") {
        const response = await this.#show(id, url.searchParams.get("token"));
        return request.method === "HEAD" ? new Response(null, response) : response;
      }
      if (request.method === "POST") return await this.#submit(id, request);
      return new Response(null, {
        status: 405,
        headers: { allow: "GET, HEAD, POST", "cache-control": "no-store" },
      });
    } catch {
      return this.#page(
        503,
        renderErrorPage(
          "Payment service unavailable",
          "The payment service is not available. Try again in a moment.",
        ),
        [],
      );
    }
  }

  async #show(id: string, token: string | null): Promise<Response> {
    const payment = await this.#pagePayment(id, token);
    if (!payment) return this.#page(404, renderNotFoundPage(), []);
    if (payment.status !== "requires_payment") return this.#finalPage(200, payment);
    return this.#payablePage(200, payment);
  }

  async #submit(id: string, request: Request): Promise<Response> {
    const type = request.headers.get("content-type") ?? "";
    if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
      return this.#page(
        415,
        renderErrorPage("Unsupported form", "Send the payment form as a web form."),
        [],
      );
    }
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > MAX_FORM_BYTES)
      return this.#page(413, renderErrorPage("Form too large", "The form is too large."), []);
    const body = await request.text();
    if (Buffer.byteLength(body) > MAX_FORM_BYTES)
      return this.#page(413, renderErrorPage("Form too large", "The form is too large."), []);
    const form = new URLSearchParams(body);
    const payment = await this.#pagePayment(id, form.get("token"));
    if (!payment) return this.#page(404, renderNotFoundPage(), []);
    if (payment.status !== "requires_payment") return this.#finalPage(409, payment);

    const action = form.get("action");
    if (action === "cancel") return this.#finish(payment, "canceled", null);
    if (action !== "pay")
      return this.#payablePage(400, payment, { error: "Choose to pay or to cancel the payment." });

    const checked = this.#checkCard(form);
    if ("state" in checked) return this.#payablePage(422, payment, checked.state);
    const { declineAll } = await readSettings(this.#pool);
    const outcome = declineAll || checked.number === TEST_CARDS.declined ? "declined" : "succeeded";
    return this.#finish(payment, outcome, { brand: "visa", last4: checked.number.slice(-4) });
  }

  /** The one state change a page can make; of parallel submissions exactly one wins. */
  async #finish(
    payment: PaymentRow,
    status: "succeeded" | "declined" | "canceled",
    card: { brand: string; last4: string } | null,
  ): Promise<Response> {
    const changed = await inTransaction(this.#pool, async (client) => {
      const now = this.#clock();
      const { rows } = await client.query<PaymentRow>(
        `UPDATE payment_sim.payments SET status = $2, card_brand = $3, card_last4 = $4, updated_at = $5
          WHERE id = $1 AND status = 'requires_payment' AND expires_at > $5 RETURNING *`,
        [payment.id, status, card?.brand ?? null, card?.last4 ?? null, now],
      );
      const row = rows[0];
      if (row) await writeEvent(client, `payment.${status}`, { payment: row }, now);
      return row;
    });
    if (!changed) {
      // Another submission won, or the time ran out: say what the payment is now.
      const current = await this.#currentPayment(payment.id);
      return this.#finalPage(409, current);
    }
    return new Response(null, {
      status: 303,
      headers: {
        location: withPaymentParameter(changed.return_url, changed.id),
        "cache-control": "no-store",
        "referrer-policy": "no-referrer",
      },
    });
  }

  #checkCard(form: URLSearchParams): { number: string } | { state: FormState } {
    const fieldErrors: Partial<Record<PageField, string>> = {};
    const number = (form.get("cardNumber") ?? "").replace(/[\s-]/g, "");
    const expiry = (form.get("expiry") ?? "").trim();
    const cvc = (form.get("cvc") ?? "").trim();
    const name = (form.get("name") ?? "").trim();
    if (!/^\d{12,19}$/.test(number))
      fieldErrors.cardNumber = "Enter the card number (12 to 19 digits).";
    const expiryMatch = /^(\d{2})\s*\/\s*(\d{2})$/.exec(expiry);
    if (!expiryMatch) fieldErrors.expiry = "Enter the expiry date as MM/YY.";
    else {
      const month = Number(expiryMatch[1]);
      const year = 2000 + Number(expiryMatch[2]);
      const now = this.#clock();
      const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
      if (month < 1 || month > 12) fieldErrors.expiry = "Enter the expiry date as MM/YY.";
      else if (year * 12 + (month - 1) < current) fieldErrors.expiry = "This card has expired.";
    }
    if (!/^\d{3,4}$/.test(cvc)) fieldErrors.cvc = "Enter the 3 or 4 digit security code.";
    if (name.length === 0 || name.length > 100) fieldErrors.name = "Enter the name on the card.";
    const values = { expiry: expiry.slice(0, 5), name: name.slice(0, 100) };
    if (Object.keys(fieldErrors).length > 0)
      return { state: { error: "Check the card details.", fieldErrors, values } };
    if (number !== TEST_CARDS.pays && number !== TEST_CARDS.declined) {
      return {
        state: {
          error:
            "This card is not accepted here. Use a test card: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined.",
          fieldErrors: { cardNumber: "Use one of the test cards." },
          values,
        },
      };
    }
    return { number };
  }

  /** The payment a page request names, or undefined when the id or the token is wrong. */
  async #pagePayment(id: string, token: string | null): Promise<PaymentRow | undefined> {
    if (!ID.test(id) || !id.startsWith("pay_") || typeof token !== "string" || token.length > 200)
      return undefined;
    const payment = await selectPayment(this.#pool, id);
    if (!payment || !sameSecret(payment.page_token, token)) return undefined;
    return this.#expireIfDue(payment);
  }

  /** A payment as it is now: one past its time is expired here and then, with its event. */
  async #currentPayment(id: string): Promise<PaymentRow> {
    const row = await selectPayment(this.#pool, id);
    if (!row) throw new PaymentNotFoundError("payment", id);
    return this.#expireIfDue(row);
  }

  async #expireIfDue(row: PaymentRow): Promise<PaymentRow> {
    const now = this.#clock();
    if (row.status !== "requires_payment" || row.expires_at.getTime() > now.getTime()) return row;
    await inTransaction(this.#pool, (client) => expirePayments(client, now, row.id));
    return (await selectPayment(this.#pool, row.id)) ?? row;
  }

  #payablePage(status: number, payment: PaymentRow, state?: FormState): Response {
    const html = renderPayablePage({
      payment,
      action: `${this.basePath}/pay/${payment.id}`,
      token: payment.page_token,
      ...(state ? { state } : {}),
    });
    return this.#page(status, html, [new URL(payment.return_url).origin]);
  }

  #finalPage(status: number, payment: PaymentRow): Response {
    const html = renderFinalPage({
      payment,
      status: payment.status as Exclude<PaymentRow["status"], "requires_payment">,
      returnTo: withPaymentParameter(payment.return_url, payment.id),
    });
    return this.#page(status, html, []);
  }

  #page(status: number, html: string, formTargets: string[]): Response {
    return new Response(html, {
      status,
      headers: { ...PAGE_HEADERS, "content-security-policy": contentSecurityPolicy(formTargets) },
    });
  }

  // --- Internals ------------------------------------------------------------------------

  async #reversal(
    paymentId: string,
    amount: string,
    column: "refunded_amount" | "charged_back_amount",
    type: "payment.refunded" | "payment.charged_back",
  ): Promise<PaymentView> {
    const value = normalizeAmount(amount);
    if (typeof paymentId !== "string" || !ID.test(paymentId))
      throw new PaymentNotFoundError("payment", String(paymentId).slice(0, 100));
    try {
      const row = await inTransaction(this.#pool, async (client) => {
        const payment = await selectPayment(client, paymentId, true);
        if (!payment) throw new PaymentNotFoundError("payment", paymentId);
        const updated = await this.#takeFromPayment(
          client,
          payment,
          value,
          column,
          payment.currency,
        );
        await writeEvent(client, type, { payment: updated, amount: value }, this.#clock());
        return updated;
      });
      return paymentView(row);
    } catch (error) {
      throw asPaymentError(error);
    }
  }

  /** Counts `amount` against what is left of a locked, succeeded payment. */
  async #takeFromPayment(
    client: pg.PoolClient,
    payment: PaymentRow,
    amount: string,
    column: "refunded_amount" | "charged_back_amount",
    currency: string,
  ): Promise<PaymentRow> {
    if (payment.status !== "succeeded")
      throw new PaymentRejectedError(
        "payment_not_succeeded",
        `Payment ${payment.id} has not succeeded`,
      );
    if (payment.currency !== currency)
      throw new PaymentRejectedError(
        "currency_mismatch",
        `Payment ${payment.id} is in ${payment.currency}`,
      );
    // PostgreSQL does the arithmetic on numeric(20,2); no float ever touches money.
    const { rows } = await client.query<PaymentRow>(
      `UPDATE payment_sim.payments SET ${column} = ${column} + $2::numeric, updated_at = $3
        WHERE id = $1 AND amount - refunded_amount - charged_back_amount >= $2::numeric RETURNING *`,
      [payment.id, amount, this.#clock()],
    );
    const row = rows[0];
    if (!row)
      throw new PaymentRejectedError(
        "refund_exceeds_payment",
        `${amount} is more than is left of payment ${payment.id}`,
      );
    return row;
  }

  /** Faults, timeout and the translation of failures, around every API call. */
  async #guard<T>(operation: PaymentOperation, work: () => Promise<T>): Promise<T> {
    const timeoutMs = this.#timeoutMs;
    const attempt = async (): Promise<T> => {
      const settings = await readSettings(this.#pool);
      if (settings.unavailable)
        throw new PaymentUnavailableError(
          "unavailable",
          "Payment provider is switched off (injected fault)",
        );
      const loseReply =
        (operation === "createPayment" || operation === "createPayout") &&
        (await consumeLoseReply(this.#pool, operation));
      if (!loseReply) return work();
      await work().catch(() => {});
      throw new PaymentUnavailableError(
        "reply_lost",
        `Payment provider reply lost (injected fault on ${operation})`,
      );
    };
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new PaymentUnavailableError(
              "timeout",
              `Payment provider did not answer within ${timeoutMs} ms`,
            ),
          ),
        timeoutMs,
      );
    });
    const running = attempt();
    running.catch(() => {});
    try {
      return await Promise.race([running, deadline]);
    } catch (error) {
      throw asPaymentError(error);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Kept for symmetry with core-adapter's createSimulatorCore. */
export function createPaymentSimulator(options: PaymentSimulatorOptions): PaymentSimulator {
  return new PaymentSimulator(options);
}
