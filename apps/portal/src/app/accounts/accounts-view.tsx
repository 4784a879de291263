"use client";

import type { RouterOutputs } from "@brokerage/api";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useTransition, type FormEvent } from "react";
import { useTRPC } from "~/trpc/react";
import { AccountBadges } from "./_components/account-badges";
import forms from "./_components/forms.module.css";
import {
  hasFilters,
  KIND_VALUES,
  listHref,
  MODE_VALUES,
  PAGE_SIZES,
  parseListState,
  PERMISSION_VALUES,
  SORT_VALUES,
  toListInput,
  type ListState,
  type RawSearchParams,
} from "./_lib/list-params";
import styles from "./accounts.module.css";

type AccountItem = RouterOutputs["accounts"]["list"]["items"][number];

const DATE_TIME = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
} as const;

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

      <FilterForm key={listHref(state)} state={state} currencies={currencies} platforms={platforms} onApply={navigate} />

      <section aria-labelledby="accounts-results" className="stack" aria-busy={pending}>
        <div className={styles.resultsHeader}>
          <h2 id="accounts-results">{t("resultsHeading")}</h2>
          <p role="status" className="muted">
            {pending ? t("updating") : list.total === 0 ? "" : t("showing", { from, to, total: list.total })}
          </p>
        </div>

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

function FilterForm({
  state,
  currencies,
  platforms,
  onApply,
}: {
  state: ListState;
  currencies: string[];
  platforms: string[];
  onApply: (next: ListState) => void;
}) {
  const t = useTranslations("accountsList");
  const ts = useTranslations("accountsShared");
  const id = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const raw: RawSearchParams = {};
    for (const key of new Set(data.keys())) raw[key] = data.getAll(key).map(String);
    // A new filter starts again at the first page.
    onApply({ ...parseListState(raw), offset: 0 });
  }

  return (
    <form method="get" action="/accounts" onSubmit={submit} className={styles.filters} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className={styles.filtersHeading}>
        {t("filtersHeading")}
      </h2>
      <div className={styles.filterGrid}>
        <div className={forms.field}>
          <label className={forms.label} htmlFor={`${id}-currency`}>
            {t("currency")}
          </label>
          <select id={`${id}-currency`} name="currency" defaultValue={state.currency ?? ""} className={forms.control}>
            <option value="">{t("anyCurrency")}</option>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className={forms.field}>
          <label className={forms.label} htmlFor={`${id}-mode`}>
            {t("mode")}
          </label>
          <select id={`${id}-mode`} name="mode" defaultValue={state.mode ?? ""} className={forms.control}>
            <option value="">{t("anyMode")}</option>
            {MODE_VALUES.map((m) => (
              <option key={m} value={m}>
                {ts(`mode.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={forms.field}>
          <label className={forms.label} htmlFor={`${id}-kind`}>
            {t("kind")}
          </label>
          <select id={`${id}-kind`} name="kind" defaultValue={state.kind ?? ""} className={forms.control}>
            <option value="">{t("anyKind")}</option>
            {KIND_VALUES.map((k) => (
              <option key={k} value={k}>
                {ts(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={forms.field}>
          <label className={forms.label} htmlFor={`${id}-platform`}>
            {t("platform")}
          </label>
          <select id={`${id}-platform`} name="platform" defaultValue={state.platform ?? ""} className={forms.control}>
            <option value="">{t("anyPlatform")}</option>
            {platforms.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div className={forms.field}>
          <label className={forms.label} htmlFor={`${id}-permission`}>
            {t("permission")}
          </label>
          <select
            id={`${id}-permission`}
            name="permission"
            defaultValue={state.permissions[0] ?? ""}
            className={forms.control}
            aria-describedby={`${id}-permission-hint`}
          >
            <option value="">{t("anyPermission")}</option>
            {PERMISSION_VALUES.map((p) => (
              <option key={p} value={p}>
                {ts(`permission.${p}`)}
              </option>
            ))}
          </select>
          <p id={`${id}-permission-hint`} className={forms.hint}>
            {t("permissionHint")}
          </p>
        </div>
        <div className={forms.field}>
          <label className={forms.label} htmlFor={`${id}-sort`}>
            {t("sort")}
          </label>
          <select id={`${id}-sort`} name="sort" defaultValue={state.sort} className={forms.control}>
            {SORT_VALUES.map((s) => (
              <option key={s} value={s}>
                {t(`sortOrder.${s}`)}
              </option>
            ))}
          </select>
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
      <div className={styles.filterActions}>
        <label className={forms.check}>
          <input type="checkbox" name="archived" value="1" defaultChecked={state.archived} />
          {t("showArchived")}
        </label>
        <div className={forms.actions}>
          <button type="submit" className="button">
            {t("apply")}
          </button>
          <Link href="/accounts" className="button button--secondary">
            {t("clear")}
          </Link>
        </div>
      </div>
    </form>
  );
}

function AccountRow({ account }: { account: AccountItem }) {
  const t = useTranslations("accountsList");
  const ts = useTranslations("accountsShared");
  const format = useFormatter();
  const headingId = `account-${account.id}-name`;
  return (
    <li>
      <article aria-labelledby={headingId} className={account.archivedAt ? `${styles.item} ${styles.itemArchived}` : styles.item}>
        <div className={styles.itemHeader}>
          <h3 id={headingId} className={styles.itemName}>
            <Link href={`/accounts/${account.id}`}>{account.caption}</Link>
          </h3>
          {account.favorite ? (
            <span className={styles.favorite}>
              <span aria-hidden="true">★ </span>
              {t("favorite")}
            </span>
          ) : null}
        </div>
        <AccountBadges account={account} />
        <dl className={styles.facts}>
          <div>
            <dt>{ts("login")}</dt>
            <dd>{account.login}</dd>
          </div>
          <div>
            <dt>{ts("currency")}</dt>
            <dd>{account.currency}</dd>
          </div>
          <div>
            <dt>{ts("platform")}</dt>
            <dd>{account.platform}</dd>
          </div>
          {account.kind === "TRADING" ? (
            <div>
              <dt>{ts("leverage")}</dt>
              <dd>{ts("leverageValue", { leverage: account.leverage })}</dd>
            </div>
          ) : null}
          <div>
            <dt>{ts("opened")}</dt>
            <dd>
              <time dateTime={account.createdAt}>{format.dateTime(new Date(account.createdAt), DATE_TIME)}</time>
            </dd>
          </div>
        </dl>
        {account.mustChangePassword && !account.archivedAt ? (
          <p className="small">
            <Link href={`/accounts/${account.id}#trading-password`}>{t("changeTemporaryPassword")}</Link>
          </p>
        ) : null}
      </article>
    </li>
  );
}

function EmptyState({ filtered, beyondEnd, onFirstPage }: { filtered: boolean; beyondEnd: boolean; onFirstPage: () => void }) {
  const t = useTranslations("accountsList");
  if (beyondEnd) {
    return (
      <div className={styles.empty}>
        <p>{t("emptyPage")}</p>
        <button type="button" className="button button--secondary" onClick={onFirstPage}>
          {t("firstPage")}
        </button>
      </div>
    );
  }
  return (
    <div className={styles.empty}>
      <p>{filtered ? t("emptyFiltered") : t("empty")}</p>
      {filtered ? (
        <Link href="/accounts" className="button button--secondary">
          {t("clear")}
        </Link>
      ) : (
        <Link href="/accounts/open" className="button">
          {t("openFirst")}
        </Link>
      )}
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
