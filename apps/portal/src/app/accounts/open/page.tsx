import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { requireCustomer } from "../_lib/require-customer";
import { OpenAccount, OpenAccountSkeleton } from "./open-account";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accountsOpen");
  return { title: t("title") };
}

/** Issue #6: the groups the customer may open, and opening one. `?group=` preselects a group (back from KYC). */
export default async function OpenAccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).group;
  const group = (Array.isArray(raw) ? raw[0] : raw)?.trim() || null;
  await requireCustomer(group ? `/accounts/open?group=${encodeURIComponent(group)}` : "/accounts/open");
  prefetch(trpc.accounts.groups.queryOptions());
  prefetch(trpc.compliance.status.queryOptions());
  return (
    <HydrateClient>
      <Suspense fallback={<OpenAccountSkeleton />}>
        <OpenAccount preselected={group} />
      </Suspense>
    </HydrateClient>
  );
}
