import { CoreRejectedError, InsufficientFundsError } from "@brokerage/core-adapter";
import { DomainError } from "../errors";
import { coreUnavailable } from "./core-errors";
import { moneyString } from "./money";

/**
 * The product's answer to a core error of a money movement (transfer, balance operation,
 * staff adjustment): a refusal by its reason, anything else CORE_NOT_AVAILABLE.
 */
export function movementError(error: unknown): DomainError {
  if (error instanceof InsufficientFundsError) {
    return new DomainError("INSUFFICIENT_FUNDS", {
      message: `The available balance ${moneyString(error.balance)} does not cover ${moneyString(error.requested)}`,
      fieldErrors: { amount: ["The available balance does not cover this amount"] }, fieldCodes: { amount: ["INSUFFICIENT_FUNDS"] },
      details: { available: moneyString(error.balance), requested: moneyString(error.requested) },
    });
  }
  if (error instanceof CoreRejectedError) {
    switch (error.reason) {
      case "account_archived":
        return new DomainError("ACCOUNT_ARCHIVED");
      case "idempotency_conflict":
        return new DomainError("IDEMPOTENCY_KEY_REUSED", {
          fieldErrors: { idempotencyKey: ["This key was already used for a different operation"] }, fieldCodes: { idempotencyKey: ["KEY_REUSED"] },
        });
      case "invalid_amount":
        return new DomainError("INVALID_DATA", { fieldErrors: { amount: [error.message] }, fieldCodes: { amount: ["NOT_ALLOWED"] } });
      default:
        // The core understood and refused (currency mismatch, same account, disabled
        // account, ...): nothing moved, and the request is wrong, not the core down.
        return new DomainError("INVALID_DATA", { message: error.message, fieldErrors: { _form: [error.message] }, fieldCodes: { _form: ["REFUSED"] } });
    }
  }
  return coreUnavailable(error);
}
