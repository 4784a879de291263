import { getDomainError } from "@brokerage/api";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { requireCustomer } from "../_lib/require-customer";
import { AccountDetail } from "./account-detail";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations("accountDetail");
  const accountId = parseAccountId((await params).id);
  if (accountId === null) return { title: t("title") };
  try {
    const account = await getQueryClient().ensureQueryData(trpc.accounts.get.queryOptions({ accountId }));
    return { title: account.caption };
  } catch {
    return { title: t("title") };
  }
}

function parseAccountId(raw: string): number | null {
  if (!/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id >= 1 && id <= 2_147_483_647 ? id : null;
}

/** Issue #7: one account: live balance, rename, favorite, trading password, transfer, archive. */
export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireCustomer(`/accounts/${encodeURIComponent(id)}`);
  const accountId = parseAccountId(id);
  if (accountId === null) notFound();
  try {
    // Awaited, not only prefetched: an unknown id (or another customer's) is a 404 page.
    await getQueryClient().ensureQueryData(trpc.accounts.get.queryOptions({ accountId }));
  } catch (error) {
    const code = getDomainError(error)?.code;
    if (code === "NOT_FOUND") notFound();
    if (code === "INVALID_CUSTOMER_SESSION") redirect(`/sign-in?next=${encodeURIComponent(`/accounts/${accountId}`)}`);
    throw error;
  }
  return (
    <HydrateClient>
      <AccountDetail accountId={accountId} />
    </HydrateClient>
  );
}
