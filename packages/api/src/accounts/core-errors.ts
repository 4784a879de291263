import { isCoreError } from "@brokerage/core-adapter";
import { DomainError } from "../errors";

/** A core that does not answer (or answers with its own fault) is CORE_NOT_AVAILABLE. */
export function coreUnavailable(error: unknown): DomainError {
  return new DomainError("CORE_NOT_AVAILABLE", {
    details: isCoreError(error) ? { coreError: error.kind } : undefined,
  });
}
