import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { requireCustomer } from "../../accounts/_lib/require-customer";
import { ConvertView } from "./convert-view";
import { WALLETS_INPUT } from "./wallets-input";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("convert");
  return { title: t("title") };
}

/** `?from=<wallet id>` preselects the wallet to convert from (the account page links so). */
function parseFrom(raw: string | string[] | undefined): string {
  return typeof raw === "string" && /^\d{1,10}$/.test(raw) ? raw : "";
}

/** Issue #13: conversion between the customer's own wallets: quote, 30 s countdown, convert. */
export default async function ConvertPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const from = parseFrom((await searchParams).from);
  await requireCustomer(from ? `/money/convert?from=${from}` : "/money/convert");
  prefetch(trpc.accounts.list.queryOptions(WALLETS_INPUT));
  const t = await getTranslations("convert");
  return (
    <div className="container stack-lg">
      <header className="stack">
        <h1>{t("title")}</h1>
        <p>{t("intro")}</p>
      </header>
      <HydrateClient>
        <Suspense fallback={<p role="status">{t("loading")}</p>}>
          <ConvertView initialFrom={from} />
        </Suspense>
      </HydrateClient>
    </div>
  );
}
