"use client";

import type { RouterOutputs } from "@brokerage/api";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useTransition, type FormEvent } from "react";
import { useTRPC } from "~/trpc/react";
import forms from "../../accounts/_components/forms.module.css";
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
  type RawSearchParams,
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

      <FilterForm key={historyHref(state)} state={state} accounts={accounts.items} onApply={navigate} />

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

function FilterForm({
  state,
  accounts,
  onApply,
}: {
  state: HistoryState;
  accounts: RouterOutputs["accounts"]["list"]["items"];
  onApply: (next: HistoryState) => void;
}) {
  const t = useTranslations("history");
  const id = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const raw: RawSearchParams = {};
    for (const key of new Set(data.keys())) raw[key] = data.getAll(key).map(String).filter((v) => v !== "");
    // New filters start again at the newest movements.
    onApply({ ...parseHistoryState(raw), cursor: undefined });
  }

  return (
    <form method="get" action="/money/history" onSubmit={submit} className={styles.filters} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className={styles.filtersHeading}>
        {t("filtersHeading")}
      </h2>
      <div className={styles.filterGrid}>
        <div className={forms.field}>
          <label className={forms.label} htmlFor={`${id}-account`}>
            {t("account")}
          </label>
          <select id={`${id}-account`} name="account" defaultValue={state.accountId ?? ""} className={forms.control}>
            <option value="">{t("anyAccount")}</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {t("accountOption", { caption: a.caption, login: a.login, currency: a.currency })}
              </option>
            ))}
          </select>
        </div>
        <div className={forms.field}>
          <label className={forms.label} htmlFor={`${id}-kind`}>
            {t("kindLabel")}
          </label>
          <select id={`${id}-kind`} name="kind" defaultValue={state.kinds[0] ?? ""} className={forms.control}>
            <option value="">{t("anyKind")}</option>
            {KIND_VALUES.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={forms.field}>
          <label className={forms.label} htmlFor={`${id}-status`}>
            {t("statusLabel")}
          </label>
          <select id={`${id}-status`} name="status" defaultValue={state.statuses[0] ?? ""} className={forms.control}>
            <option value="">{t("anyStatus")}</option>
            {STATUS_VALUES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={forms.field}>
          <label className={forms.label} htmlFor={`${id}-from`}>
            {t("from")}
          </label>
          <input id={`${id}-from`} type="date" name="from" defaultValue={state.from ?? ""} className={forms.control} aria-describedby={`${id}-dates-hint`} />
        </div>
        <div className={forms.field}>
          <label className={forms.label} htmlFor={`${id}-to`}>
            {t("to")}
          </label>
          <input id={`${id}-to`} type="date" name="to" defaultValue={state.to ?? ""} className={forms.control} aria-describedby={`${id}-dates-hint`} />
        </div>
        <div className={forms.field}>
          <label className={forms.label} htmlFor={`${id}-limit`}>
            {t("pageSize")}
          </label>
          <select id={`${id}-limit`} name="limit" defaultValue={String(state.limit)} className={forms.control}>
            {[...new Set([...PAGE_SIZES, state.limit])]
              .sort((a, b) => a - b)
              .map((size) => (
                <option key={size} value={size}>
                  {t("perPage", { count: size })}
                </option>
              ))}
          </select>
        </div>
      </div>
      <p id={`${id}-dates-hint`} className={forms.hint}>
        {t("datesHint")}
      </p>
      <div className={forms.actions}>
        <button type="submit" className="button">
          {t("apply")}
        </button>
        <Link href="/money/history" className="button button--secondary">
          {t("clear")}
        </Link>
      </div>
    </form>
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
