-- Technical accounts (the broker's own house accounts, one per currency) may go below
-- zero: conversions and withdrawal holds settle through them, and their balance is the
-- broker's position in that currency. Customer accounts still never go below zero.
ALTER TABLE core_sim.accounts ADD COLUMN overdraft BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE core_sim.accounts DROP CONSTRAINT accounts_balance_check;
ALTER TABLE core_sim.accounts ADD CONSTRAINT accounts_balance_check CHECK (balance >= 0 OR overdraft);
ALTER TABLE core_sim.ledger DROP CONSTRAINT ledger_balance_after_check;

-- The batch read of balances (the accounts list reads all of a customer's balances at once).
ALTER TABLE core_sim.faults DROP CONSTRAINT faults_operation_check;
ALTER TABLE core_sim.faults ADD CONSTRAINT faults_operation_check CHECK (operation IN (
  'health', 'createAccount', 'getAccount', 'getAccounts', 'balanceOperation', 'transfer',
  'setPassword', 'checkPassword', 'archiveAccount'));
