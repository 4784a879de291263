import { CoreRejectedError, InsufficientFundsError } from "@brokerage/core-adapter";
import { DomainError } from "../errors";
import { coreUnavailable } from "./core-errors";
import { moneyString } from "./money";

/**
 * The product's answer to a core error of a money movement (transfer or balance
 * operation). product.md has no dedicated code for insufficient funds, so it is
 * INVALID_DATA with a field error on `amount`.
 */
export function movementError(error: unknown): DomainError {
  if (error instanceof InsufficientFundsError) {
    return new DomainError("INVALID_DATA", {
      message: "Insufficient funds",
      fieldErrors: { amount: [`The balance is ${moneyString(error.balance)}, less than ${moneyString(error.requested)}`] },
    });
  }
  if (error instanceof CoreRejectedError) {
    switch (error.reason) {
      case "account_archived":
        return new DomainError("ACCOUNT_ARCHIVED");
      case "idempotency_conflict":
        return new DomainError("INVALID_DATA", {
          fieldErrors: { idempotencyKey: ["This key was already used for a different operation"] },
        });
      case "invalid_amount":
        return new DomainError("INVALID_DATA", { fieldErrors: { amount: [error.message] } });
      case "currency_mismatch":
      case "same_account":
      case "account_disabled":
        return new DomainError("INVALID_DATA", { message: error.message, fieldErrors: { _form: [error.message] } });
      default:
        break;
    }
  }
  return coreUnavailable(error);
}
