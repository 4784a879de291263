// tRPC for server components: the options proxy for prefetching (the client then reads
// the same query from the hydrated cache) and a caller for pages that render on the
// server alone. Both use a context built for the current request.
import "server-only";
import { appRouter, createCaller, type AppRouter } from "@brokerage/api";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";
import { readCredential } from "~/server/credential";
import { createRequestContext } from "~/server/request-context";
import { createQueryClient } from "./query-client";

const createContext = cache(async () => {
  const requestHeaders = new Headers(await headers());
  return createRequestContext(requestHeaders, await readCredential(requestHeaders));
});

export const getQueryClient = cache(createQueryClient);

export const trpc = createTRPCOptionsProxy<AppRouter>({
  router: appRouter,
  ctx: createContext,
  queryClient: getQueryClient,
});

/** A server-side caller: errors arrive as thrown errors whose cause is the DomainError. */
export const getServerCaller = cache(async () => createCaller(await createContext()));

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any procedure's options
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(queryOptions: T): void {
  void getQueryClient().prefetchQuery(queryOptions);
}
