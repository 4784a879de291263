import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { requireCustomer } from "~/session/current-customer";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { HistoryView, HistoryViewSkeleton } from "./history-view";
import { ACCOUNT_CHOICES_INPUT, historyHref, parseHistoryState, toListInput, type RawSearchParams } from "./_lib/history-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("history");
  return { title: t("title") };
}

/** Issue #13: every money movement of the customer's accounts, filtered and paged in the URL. */
export default async function HistoryPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const state = parseHistoryState(await searchParams);
  await requireCustomer(historyHref(state));
  prefetch(trpc.history.list.queryOptions(toListInput(state)));
  prefetch(trpc.accounts.list.queryOptions(ACCOUNT_CHOICES_INPUT));
  return (
    <HydrateClient>
      <Suspense fallback={<HistoryViewSkeleton />}>
        <HistoryView state={state} />
      </Suspense>
    </HydrateClient>
  );
}
