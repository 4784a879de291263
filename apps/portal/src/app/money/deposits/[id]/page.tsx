import { getDomainError } from "@brokerage/api";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireCustomer } from "~/session/current-customer";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { DepositStatus } from "./deposit-status";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("depositStatus");
  return { title: t("metaTitle") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Where the payment provider sends the payer back (`?payment=<id>` from the simulator is
 * not needed: deposits.get asks the provider itself). Another customer's deposit is a 404.
 */
export default async function DepositReturnPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const path = `/money/deposits/${encodeURIComponent(id)}`;
  await requireCustomer(path);
  if (!UUID.test(id)) notFound();
  const depositId = id.toLowerCase();
  try {
    await getQueryClient().ensureQueryData(trpc.deposits.get.queryOptions({ depositId }));
  } catch (error) {
    const code = getDomainError(error)?.code;
    if (code === "NOT_FOUND") notFound();
    if (code === "INVALID_CUSTOMER_SESSION") redirect(`/sign-in?next=${encodeURIComponent(path)}`);
    throw error;
  }
  return (
    <HydrateClient>
      <DepositStatus depositId={depositId} />
    </HydrateClient>
  );
}
