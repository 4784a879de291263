"use client";

import type { RouterOutputs } from "@brokerage/api";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { FilterDate, FilterForm, FilterSelect, pageSizeOptions } from "~/components/filters/filter-form";
import { useTRPC } from "~/trpc/react";
import { formatMoney } from "../../accounts/_lib/money";
import {
  ACCOUNT_CHOICES_INPUT,
  exportHref,
  hasFilters,
  historyHref,
  KIND_VALUES,
  PAGE_SIZES,
  parseHistoryState,
  STATUS_VALUES,
  toListInput,
  type HistoryState,
} from "./_lib/history-params";
import styles from "./history.module.css";

export type HistoryItem = RouterOutputs["history"]["list"]["items"][number];

const DATE_TIME = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
} as const;

export function HistoryView({ state }: { state: HistoryState }) {
  const t = useTranslations("history");
  const trpc = useTRPC();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { data: page } = useSuspenseQuery(trpc.history.list.queryOptions(toListInput(state)));
  const { data: accounts } = useSuspenseQuery(trpc.accounts.list.queryOptions(ACCOUNT_CHOICES_INPUT));
  const navigate = (next: HistoryState) => startTransition(() => router.push(historyHref(next), { scroll: false }));
  const older = page.nextCursor ? { ...state, cursor: page.nextCursor } : null;
  const newest = state.cursor ? { ...state, cursor: undefined } : null;

  return (
    <div className="container stack-lg">
      <header className={styles.header}>
        <div className="stack">
          <h1>{t("title")}</h1>
          <p className="lead">{t("intro")}</p>
        </div>
        {/* A plain link: the browser downloads the attachment with the session cookie. */}
        <a href={exportHref(state)} className="button button--secondary" download>
          {t("exportCsv")}
        </a>
      </header>

      <HistoryFilters key={historyHref(state)} state={state} accounts={accounts.items} onApply={navigate} />

      <section aria-labelledby="history-results" className="stack" aria-busy={pending}>
        <div className={styles.resultsHeader}>
          <h2 id="history-results">{t("resultsHeading")}</h2>
          <p role="status" className="muted">
            {pending ? t("updating") : ""}
          </p>
        </div>
        {page.items.length === 0 ? (
          <div className={styles.empty}>
            <p>{hasFilters(state) ? t("emptyFiltered") : t("empty")}</p>
            {hasFilters(state) ? (
              <Link href="/money/history" className="button button--secondary">
                {t("clear")}
              </Link>
            ) : null}
          </div>
        ) : (
          <HistoryTable items={page.items} caption={t("tableCaption")} />
        )}
        {older || newest ? (
          <nav aria-label={t("pagesLabel")} className={styles.pager}>
            {newest ? (
              <Link href={historyHref(newest)} className="button button--secondary" scroll={false}>
                {t("newestPage")}
              </Link>
            ) : null}
            {older ? (
              <Link href={historyHref(older)} className="button button--secondary" scroll={false}>
                {t("olderPage")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}

/** The movements as a table; the dashboard shows its latest five with the same component. */
export function HistoryTable({ items, caption }: { items: HistoryItem[]; caption: string }) {
  const t = useTranslations("history");
  const format = useFormatter();
  const locale = useLocale();
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("column.date")}</th>
            <th scope="col">{t("column.account")}</th>
            <th scope="col">{t("column.kind")}</th>
            <th scope="col">{t("column.status")}</th>
            <th scope="col" className={styles.amount}>
              {t("column.amount")}
            </th>
            <th scope="col">{t("column.details")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <time dateTime={item.createdAt}>{format.dateTime(new Date(item.createdAt), DATE_TIME)}</time>
              </td>
              <td>
                <Link href={`/accounts/${item.account.id}`}>{item.account.caption}</Link>
                <span className="muted small"> · {item.account.login}</span>
                {item.account.accountMode === "DEMO" ? <span className="muted small"> · {t("demo")}</span> : null}
              </td>
              <td>{t(`kind.${item.kind}`)}</td>
              <td>{t(`status.${item.status}`)}</td>
              <td className={item.amount.startsWith("-") ? `${styles.amount} ${styles.debit}` : styles.amount}>
                {formatMoney(item.amount, item.currency, locale)}
              </td>
              <td>
                {item.counterparty
                  ? t(item.amount.startsWith("-") ? "toAccount" : "fromAccount", {
                      caption: item.counterparty.caption,
                      login: item.counterparty.login,
                    })
                  : (item.description ?? "")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HistoryFilters({
  state,
  accounts,
  onApply,
}: {
  state: HistoryState;
  accounts: RouterOutputs["accounts"]["list"]["items"];
  onApply: (next: HistoryState) => void;
}) {
  const t = useTranslations("history");
  return (
    <FilterForm
      action="/money/history"
      heading={t("filtersHeading")}
      applyLabel={t("apply")}
      clearLabel={t("clear")}
      // New filters start again at the newest movements.
      onApply={(values) => onApply({ ...parseHistoryState(values), cursor: undefined })}
      hint={t("datesHint")}
    >
      <FilterSelect
        name="account"
        label={t("account")}
        defaultValue={state.accountId ? String(state.accountId) : ""}
        anyLabel={t("anyAccount")}
        options={accounts.map((a) => ({ value: String(a.id), label: t("accountOption", { caption: a.caption, login: a.login, currency: a.currency }) }))}
      />
      <FilterSelect
        name="kind"
        label={t("kindLabel")}
        defaultValue={state.kinds[0] ?? ""}
        anyLabel={t("anyKind")}
        options={KIND_VALUES.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
      />
      <FilterSelect
        name="status"
        label={t("statusLabel")}
        defaultValue={state.statuses[0] ?? ""}
        anyLabel={t("anyStatus")}
        options={STATUS_VALUES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <FilterDate name="from" label={t("from")} defaultValue={state.from ?? ""} described />
      <FilterDate name="to" label={t("to")} defaultValue={state.to ?? ""} described />
      <FilterSelect
        name="limit"
        label={t("pageSize")}
        defaultValue={String(state.limit)}
        options={pageSizeOptions(PAGE_SIZES, state.limit, (count) => t("perPage", { count }))}
      />
    </FilterForm>
  );
}

export function HistoryViewSkeleton() {
  const t = useTranslations("history");
  return (
    <div className="container stack">
      <h1>{t("title")}</h1>
      <p role="status" className="muted">
        {t("loading")}
      </p>
    </div>
  );
}
