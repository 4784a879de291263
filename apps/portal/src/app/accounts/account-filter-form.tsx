"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, type FormEvent } from "react";
import forms from "./_components/forms.module.css";
import {
  KIND_VALUES,
  MODE_VALUES,
  PAGE_SIZES,
  parseListState,
  PERMISSION_VALUES,
  SORT_VALUES,
  type ListState,
  type RawSearchParams,
} from "./_lib/list-params";
import styles from "./accounts.module.css";

/** The list's filters: a GET form (it works before the script loads), applied as a new URL. */
export function AccountFilterForm({
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
