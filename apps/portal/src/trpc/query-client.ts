import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import { httpStatusOf } from "./error-info";

/**
 * A refusal (4xx: unauthorised, invalid, too many attempts ...) will not change on a
 * retry, and retrying only delays the message: retry network faults and 5xx only, and
 * never while rendering on the server.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (typeof window === "undefined") return false;
  const status = httpStatusOf(error);
  if (status !== undefined && status < 500) return false;
  return failureCount < 3;
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Data prefetched on the server is not fetched again as soon as the page hydrates.
        staleTime: 30 * 1000,
        retry: shouldRetry,
      },
      mutations: { retry: false },
      dehydrate: {
        // Queries still running on the server stream to the client as promises.
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
    },
  });
}
