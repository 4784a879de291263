// The trading core as the portal sees it. Adapters (the simulator in ./simulator, or a
// deployment's own) implement TradingCore; nothing here depends on any of them.
export {
  CORE_OPERATIONS,
  type BalanceOperationInput,
  type BalanceOperationResult,
  type CoreAccount,
  type CoreOperation,
  type CreateAccountInput,
  type PasswordInput,
  type PasswordType,
  type TradingCore,
  type TransferInput,
  type TransferResult,
} from "./trading-core";
export {
  CoreError,
  CoreNotFoundError,
  CoreRejectedError,
  CoreUnavailableError,
  InsufficientFundsError,
  isCoreError,
  type CoreErrorKind,
  type CoreRejectReason,
  type CoreUnavailableReason,
} from "./errors";
export { normalizeAmount } from "./money";
