"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "~/trpc/react";
import styles from "./compliance.module.css";

/** The brand's risk warning (from the current terms), shown where REAL accounts are offered or held. */
export function RiskWarningText({ text }: { text: string | null }) {
  const t = useTranslations("compliance");
  if (!text) return null;
  return (
    <section className={styles.riskWarning} aria-labelledby="risk-warning-title">
      <h2 id="risk-warning-title">{t("riskWarningTitle")}</h2>
      <p>{text}</p>
    </section>
  );
}

/** The same, read from `compliance.status` (prefetch it on the page; render under Suspense). */
export function RiskWarning() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.compliance.status.queryOptions());
  return <RiskWarningText text={data.riskWarning} />;
}
