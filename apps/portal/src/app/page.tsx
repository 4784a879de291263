import { Suspense } from "react";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { BrandOverview, BrandOverviewSkeleton } from "./brand-overview";

export default function HomePage() {
  prefetch(trpc.brand.get.queryOptions());
  return (
    <HydrateClient>
      <Suspense fallback={<BrandOverviewSkeleton />}>
        <BrandOverview />
      </Suspense>
    </HydrateClient>
  );
}
