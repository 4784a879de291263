import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { requireCustomer } from "~/session/current-customer";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { returnToFrom } from "../return-to";
import { TermsAcceptance } from "./terms-acceptance";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compliance");
  return { title: t("termsTitle") };
}

/** Issue 17: the current terms and the risk warning, accepted before the first live account. */
export default async function TermsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const returnTo = returnToFrom((await searchParams).returnTo);
  await requireCustomer("/compliance/terms");
  const t = await getTranslations("compliance");
  prefetch(trpc.compliance.terms.queryOptions());
  return (
    <div className="container stack-lg">
      <header className="stack">
        <h1>{t("termsTitle")}</h1>
        <p className="lead">{t("termsIntro")}</p>
      </header>
      <HydrateClient>
        <Suspense fallback={<p className="muted">…</p>}>
          <TermsAcceptance returnTo={returnTo} />
        </Suspense>
      </HydrateClient>
    </div>
  );
}
