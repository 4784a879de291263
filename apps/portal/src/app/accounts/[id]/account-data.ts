// What the account page and its parts share: the account as the router answers it and
// its live query (in a file of its own, so the parts never import the page that holds them).
import type { RouterOutputs } from "@brokerage/api";
import { useQuery } from "@tanstack/react-query";
import { appCodeOf } from "~/trpc/error-info";
import { shouldRetry } from "~/trpc/query-client";
import { useTRPC } from "~/trpc/react";

export type Account = RouterOutputs["accounts"]["get"];
export type ArchiveOutcome = RouterOutputs["accounts"]["archive"] & { fallbackCaption: string | null };

const LIVE_REFRESH_MS = 15_000;

/** The live query of an account: refreshed every 15 s; a core outage is shown at once, not after retries. */
export function useLiveAccount(accountId: number) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.accounts.live.queryOptions({ accountId }),
    refetchInterval: LIVE_REFRESH_MS,
    retry: (failureCount, error) => appCodeOf(error) !== "CORE_NOT_AVAILABLE" && shouldRetry(failureCount, error),
  });
}

export type LiveQuery = ReturnType<typeof useLiveAccount>;
