import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { requireCustomer } from "~/session/current-customer";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { DashboardView, DashboardViewSkeleton } from "./dashboard-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

/** Issue #13: the total in the preferred currency, subtotals, demo money apart, the latest movements. */
export default async function DashboardPage() {
  await requireCustomer("/dashboard");
  prefetch(trpc.dashboard.summary.queryOptions());
  return (
    <HydrateClient>
      <Suspense fallback={<DashboardViewSkeleton />}>
        <DashboardView />
      </Suspense>
    </HydrateClient>
  );
}
