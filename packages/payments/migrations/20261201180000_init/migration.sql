-- The simulated payment provider's own state. It lives in schema payment_sim, apart from
-- the portal's tables, and is only ever touched through the simulator's own connection pool.

CREATE SCHEMA IF NOT EXISTS payment_sim;

CREATE TABLE payment_sim.payments (
  id                  TEXT PRIMARY KEY,
  status              TEXT NOT NULL CHECK (status IN ('requires_payment', 'succeeded', 'declined', 'expired', 'canceled')),
  amount              NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  currency            TEXT NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  reference           TEXT NOT NULL,
  description         TEXT,
  return_url          TEXT NOT NULL,
  -- The hosted page's secret: the page answers only with it (random, 256 bits).
  page_token          TEXT NOT NULL,
  -- Refunds (provider-side refunds and card_refund payouts) and chargebacks never exceed
  -- what was captured.
  refunded_amount     NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
  charged_back_amount NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (charged_back_amount >= 0),
  -- Brand and last four digits only: the card number is never stored.
  card_brand          TEXT,
  card_last4          TEXT CHECK (card_last4 ~ '^[0-9]{4}$'),
  created_at          TIMESTAMPTZ NOT NULL,
  updated_at          TIMESTAMPTZ NOT NULL,
  expires_at          TIMESTAMPTZ NOT NULL,
  CHECK (refunded_amount + charged_back_amount <= amount),
  CHECK (status = 'succeeded' OR (refunded_amount = 0 AND charged_back_amount = 0))
);

CREATE INDEX payments_payable_expiry_idx ON payment_sim.payments (expires_at) WHERE status = 'requires_payment';

CREATE TABLE payment_sim.payouts (
  id             TEXT PRIMARY KEY,
  status         TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'failed')),
  amount         NUMERIC(20, 2) NOT NULL CHECK (amount > 0),
  currency       TEXT NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  reference      TEXT NOT NULL,
  destination    JSONB NOT NULL,
  -- The payment a card_refund payout goes back to (its amount counts as refunded).
  payment_id     TEXT REFERENCES payment_sim.payments (id),
  failure_reason TEXT,
  created_at     TIMESTAMPTZ NOT NULL,
  updated_at     TIMESTAMPTZ NOT NULL,
  CHECK ((status = 'failed') = (failure_reason IS NOT NULL))
);

CREATE INDEX payouts_pending_idx ON payment_sim.payouts (created_at) WHERE status = 'pending';

-- One row per idempotency key, inserted in the transaction that makes the change: the
-- primary key makes concurrent callers with one key wait for the first and read its result.
CREATE TABLE payment_sim.idempotency_keys (
  key          TEXT PRIMARY KEY,
  operation    TEXT NOT NULL,
  -- sha256 of the request's fields.
  request_hash TEXT NOT NULL,
  -- The id of the payment or payout the first request made.
  result_id    TEXT,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The webhook outbox: every state change writes its event here in the same transaction.
CREATE TABLE payment_sim.events (
  seq             BIGSERIAL PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  type            TEXT NOT NULL,
  -- The exact JSON body sent (fixed when the event is written, so every attempt and every
  -- duplicate carries the same bytes).
  payload         TEXT NOT NULL,
  -- pending: to be sent; delivered: answered 2xx; lost: dropped by the injected fault;
  -- dead: gave up after the last retry.
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'lost', 'dead')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL,
  -- A deliverer claims an event until this time, so two deliverers never send it at once.
  lease_until     TIMESTAMPTZ,
  last_error      TEXT,
  delivered_at    TIMESTAMPTZ,
  created_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX events_due_idx ON payment_sim.events (next_attempt_at) WHERE state = 'pending';

-- Fault injection lives in the database so a test process can steer a simulator that
-- runs inside another process (the portal under end-to-end tests).
CREATE TABLE payment_sim.fault_settings (
  id                   BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
  unavailable          BOOLEAN NOT NULL DEFAULT FALSE,
  decline_all          BOOLEAN NOT NULL DEFAULT FALSE,
  payouts_fail         BOOLEAN NOT NULL DEFAULT FALSE,
  webhook_delay_ms     INTEGER NOT NULL DEFAULT 0 CHECK (webhook_delay_ms >= 0),
  webhook_duplicate    BOOLEAN NOT NULL DEFAULT FALSE,
  webhook_out_of_order BOOLEAN NOT NULL DEFAULT FALSE,
  webhook_lost         BOOLEAN NOT NULL DEFAULT FALSE,
  updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);

INSERT INTO payment_sim.fault_settings DEFAULT VALUES;

CREATE TABLE payment_sim.faults (
  operation TEXT PRIMARY KEY CHECK (operation IN ('createPayment', 'createPayout')),
  -- The next `remaining` calls are applied, then answer as if the reply were lost.
  remaining INTEGER NOT NULL CHECK (remaining >= 0)
);
