import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { RiskWarning } from "../compliance/risk-warning";
import { AccountsView, AccountsViewSkeleton } from "./accounts-view";
import { listHref, parseListState, toListInput, type RawSearchParams } from "./_lib/list-params";
import { requireCustomer } from "./_lib/require-customer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accountsList");
  return { title: t("title") };
}

/** Issue #7: the customer's accounts and wallets, with filters, sort and paging kept in the URL. */
export default async function AccountsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const state = parseListState(await searchParams);
  await requireCustomer(listHref(state));
  prefetch(trpc.accounts.list.queryOptions(toListInput(state)));
  prefetch(trpc.accounts.groups.queryOptions());
  prefetch(trpc.compliance.status.queryOptions());
  return (
    <HydrateClient>
      <Suspense fallback={<AccountsViewSkeleton />}>
        <AccountsView state={state} />
      </Suspense>
      {/* Issue 17: the risk warning where live accounts are held and offered. */}
      <Suspense fallback={null}>
        <div className="container">
          <RiskWarning />
        </div>
      </Suspense>
    </HydrateClient>
  );
}
