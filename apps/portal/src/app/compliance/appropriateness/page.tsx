import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { requireCustomer } from "~/session/current-customer";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { returnToFrom } from "../return-to";
import { Questionnaire } from "./questionnaire";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compliance");
  return { title: t("appropriatenessTitle") };
}

/** Issue 17: the appropriateness questionnaire before the first live account. */
export default async function AppropriatenessPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const returnTo = returnToFrom((await searchParams).returnTo);
  await requireCustomer("/compliance/appropriateness");
  const t = await getTranslations("compliance");
  prefetch(trpc.compliance.questionnaire.queryOptions());
  return (
    <div className="container stack-lg">
      <header className="stack">
        <h1>{t("appropriatenessTitle")}</h1>
        <p className="lead">{t("appropriatenessIntro")}</p>
      </header>
      <HydrateClient>
        <Suspense fallback={<p className="muted">…</p>}>
          <Questionnaire returnTo={returnTo} />
        </Suspense>
      </HydrateClient>
    </div>
  );
}
