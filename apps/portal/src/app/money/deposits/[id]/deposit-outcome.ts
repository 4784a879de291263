// How the return page reads a deposit's state: which words, and whether to ask again.

export type DepositState = "CREATING" | "AWAITING_PAYMENT" | "PAID" | "CREDITED" | "DECLINED" | "EXPIRED" | "CANCELED" | "CREDIT_REFUSED";

/** Polls every 2 s ... */
export const POLL_EVERY_MS = 2_000;
/** ... for a minute after the page opened (or the customer asked again). */
export const POLL_FOR_MS = 60_000;

export type DepositOutcome = "credited" | "waiting" | "failed";

export function depositOutcome(status: DepositState): DepositOutcome {
  switch (status) {
    case "CREDITED":
      return "credited";
    case "CREATING":
    case "AWAITING_PAYMENT":
    case "PAID":
      return "waiting";
    default:
      return "failed";
  }
}

/** react-query's refetchInterval: 2 s while the deposit is open and the minute is not over, else false. */
export function pollDelay(status: DepositState | undefined, since: number, now: number): number | false {
  if (status === undefined || depositOutcome(status) !== "waiting") return false;
  return now - since < POLL_FOR_MS ? POLL_EVERY_MS : false;
}
