"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { useTRPC } from "~/trpc/react";
import { AccountFilterForm } from "./account-filter-form";
import { AccountRow, EmptyState } from "./account-row";
import { hasFilters, listHref, toListInput, type ListState } from "./_lib/list-params";
import styles from "./accounts.module.css";

/** The list page: the filter form and the page of accounts it selects; every change is a new URL. */
export function AccountsView({ state }: { state: ListState }) {
  const t = useTranslations("accountsList");
  const trpc = useTRPC();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { data: list } = useSuspenseQuery(trpc.accounts.list.queryOptions(toListInput(state)));
  const { data: groups } = useSuspenseQuery(trpc.accounts.groups.queryOptions());

  const navigate = (next: ListState) => startTransition(() => router.push(listHref(next), { scroll: false }));

  const currencies = [...new Set([...groups.map((g) => g.currency), ...(state.currency ? [state.currency] : [])])].sort();
  const platforms = [...new Set([...groups.map((g) => g.platform), ...(state.platform ? [state.platform] : [])])].sort();

  const from = list.total === 0 ? 0 : list.offset + 1;
  const to = list.offset + list.items.length;
  const previous = state.offset > 0 ? { ...state, offset: Math.max(0, state.offset - state.limit) } : null;
  const next = to < list.total ? { ...state, offset: state.offset + state.limit } : null;

  return (
    <div className="container stack-lg">
      <header className={styles.header}>
        <div className="stack">
          <h1>{t("title")}</h1>
          <p className="lead">{t("intro")}</p>
        </div>
        <Link href="/accounts/open" className="button">
          {t("openAccount")}
        </Link>
      </header>

      <AccountFilterForm key={listHref(state)} state={state} currencies={currencies} platforms={platforms} onApply={navigate} />

      <section aria-labelledby="accounts-results" className="stack" aria-busy={pending}>
        <div className={styles.resultsHeader}>
          <h2 id="accounts-results">{t("resultsHeading")}</h2>
          <p role="status" className="muted">
            {pending ? t("updating") : list.total === 0 ? "" : t("showing", { from, to, total: list.total })}
          </p>
        </div>

        {!list.balancesAvailable && list.items.length > 0 ? (
          <p role="status" className={styles.notice}>
            {t("balancesUnavailable")}
          </p>
        ) : null}

        {list.items.length === 0 ? (
          <EmptyState filtered={hasFilters(state)} beyondEnd={list.total > 0} onFirstPage={() => navigate({ ...state, offset: 0 })} />
        ) : (
          <ul className={styles.list}>
            {list.items.map((account) => (
              <AccountRow key={account.id} account={account} />
            ))}
          </ul>
        )}

        {previous || next ? (
          <nav aria-label={t("pagesLabel")} className={styles.pager}>
            {previous ? (
              <Link href={listHref(previous)} className="button button--secondary" scroll={false}>
                {t("previousPage")}
              </Link>
            ) : null}
            <span className="muted">
              {t("pageOf", { page: Math.floor(state.offset / state.limit) + 1, pages: Math.max(1, Math.ceil(list.total / state.limit)) })}
            </span>
            {next ? (
              <Link href={listHref(next)} className="button button--secondary" scroll={false}>
                {t("nextPage")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}

export function AccountsViewSkeleton() {
  const t = useTranslations("accountsList");
  return (
    <div className="container stack">
      <h1>{t("title")}</h1>
      <p role="status" className="muted">
        {t("loading")}
      </p>
    </div>
  );
}
