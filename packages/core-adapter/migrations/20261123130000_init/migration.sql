-- The simulated trading core's own state. It lives in schema core_sim, apart from the
-- portal's tables, and is only ever touched through the simulator's own connection pool.

CREATE SCHEMA IF NOT EXISTS core_sim;

-- Real cores hand out account numbers from 100001 on; a sequence keeps them unique
-- under concurrency and carries on after a restart.
CREATE SEQUENCE core_sim.login_seq START WITH 100001 MINVALUE 100001;

CREATE TABLE core_sim.accounts (
  login       BIGINT PRIMARY KEY DEFAULT nextval('core_sim.login_seq'),
  "group"     TEXT NOT NULL,
  currency    TEXT NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  leverage    INTEGER NOT NULL CHECK (leverage > 0),
  name        TEXT NOT NULL,
  email       TEXT NOT NULL,
  enabled     BOOLEAN NOT NULL DEFAULT TRUE,
  archived_at TIMESTAMPTZ,
  -- Always equal to the sum of the account's ledger rows (kept in the same transaction).
  balance     NUMERIC(20, 2) NOT NULL DEFAULT 0 CHECK (balance >= 0),
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

ALTER SEQUENCE core_sim.login_seq OWNED BY core_sim.accounts.login;

CREATE TABLE core_sim.passwords (
  login      BIGINT NOT NULL REFERENCES core_sim.accounts (login),
  type       TEXT NOT NULL CHECK (type IN ('main', 'investor')),
  -- argon2id, never the password itself.
  hash       TEXT NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (login, type)
);

CREATE TABLE core_sim.ledger (
  id                BIGSERIAL PRIMARY KEY,
  -- A transfer writes two rows with one operation id.
  operation_id      UUID NOT NULL,
  login             BIGINT NOT NULL REFERENCES core_sim.accounts (login),
  kind              TEXT NOT NULL CHECK (kind IN ('deposit', 'withdrawal', 'transfer_in', 'transfer_out')),
  -- Signed: positive credits the account, negative debits it.
  amount            NUMERIC(20, 2) NOT NULL CHECK (amount <> 0),
  balance_after     NUMERIC(20, 2) NOT NULL CHECK (balance_after >= 0),
  counterpart_login BIGINT REFERENCES core_sim.accounts (login),
  comment           TEXT,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK ((kind IN ('deposit', 'transfer_in')) = (amount > 0))
);

CREATE INDEX ledger_login_idx ON core_sim.ledger (login);
CREATE INDEX ledger_operation_id_idx ON core_sim.ledger (operation_id);

-- One row per idempotency key, inserted in the transaction that makes the change: the
-- primary key makes concurrent callers with one key wait for the first and read its result.
CREATE TABLE core_sim.idempotency_keys (
  key          TEXT PRIMARY KEY,
  operation    TEXT NOT NULL,
  -- sha256 of the request's public fields.
  request_hash TEXT NOT NULL,
  -- argon2id of the request's secret fields (passwords), which must not get a fast hash.
  secret_hash  TEXT,
  -- Set before the claiming transaction commits, so a committed row always has it.
  result       JSONB,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Fault injection lives in the database so a test process can steer a simulator that
-- runs inside another process (the portal under end-to-end tests).
CREATE TABLE core_sim.fault_settings (
  id          BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
  unavailable BOOLEAN NOT NULL DEFAULT FALSE,
  latency_ms  INTEGER NOT NULL DEFAULT 0 CHECK (latency_ms >= 0),
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

INSERT INTO core_sim.fault_settings DEFAULT VALUES;

CREATE TABLE core_sim.faults (
  operation TEXT NOT NULL CHECK (operation IN (
    'health', 'createAccount', 'getAccount', 'balanceOperation', 'transfer',
    'setPassword', 'checkPassword', 'archiveAccount')),
  mode      TEXT NOT NULL CHECK (mode IN ('fail', 'lose-reply')),
  remaining INTEGER NOT NULL CHECK (remaining >= 0),
  PRIMARY KEY (operation, mode)
);
