"use client";

import { useTranslations } from "next-intl";
import { FilterForm, FilterSelect, pageSizeOptions } from "~/components/filters/filter-form";
import kit from "~/components/forms/forms.module.css";
import {
  KIND_VALUES,
  MODE_VALUES,
  PAGE_SIZES,
  parseListState,
  PERMISSION_VALUES,
  SORT_VALUES,
  type ListState,
} from "./_lib/list-params";

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
  const plain = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

  return (
    <FilterForm
      action="/accounts"
      heading={t("filtersHeading")}
      applyLabel={t("apply")}
      clearLabel={t("clear")}
      // A new filter starts again at the first page.
      onApply={(values) => onApply({ ...parseListState(values), offset: 0 })}
      beside={
        <label className={kit.check}>
          <input type="checkbox" name="archived" value="1" defaultChecked={state.archived} />
          {t("showArchived")}
        </label>
      }
    >
      <FilterSelect name="currency" label={t("currency")} defaultValue={state.currency ?? ""} anyLabel={t("anyCurrency")} options={plain(currencies)} />
      <FilterSelect
        name="mode"
        label={t("mode")}
        defaultValue={state.mode ?? ""}
        anyLabel={t("anyMode")}
        options={MODE_VALUES.map((m) => ({ value: m, label: ts(`mode.${m}`) }))}
      />
      <FilterSelect
        name="kind"
        label={t("kind")}
        defaultValue={state.kind ?? ""}
        anyLabel={t("anyKind")}
        options={KIND_VALUES.map((k) => ({ value: k, label: ts(`kind.${k}`) }))}
      />
      <FilterSelect name="platform" label={t("platform")} defaultValue={state.platform ?? ""} anyLabel={t("anyPlatform")} options={plain(platforms)} />
      <FilterSelect
        name="permission"
        label={t("permission")}
        defaultValue={state.permissions[0] ?? ""}
        anyLabel={t("anyPermission")}
        options={PERMISSION_VALUES.map((p) => ({ value: p, label: ts(`permission.${p}`) }))}
        hint={t("permissionHint")}
      />
      <FilterSelect name="sort" label={t("sort")} defaultValue={state.sort} options={SORT_VALUES.map((s) => ({ value: s, label: t(`sortOrder.${s}`) }))} />
      <FilterSelect
        name="limit"
        label={t("pageSize")}
        defaultValue={String(state.limit)}
        options={pageSizeOptions(PAGE_SIZES, state.limit, (count) => t("perPage", { count }))}
      />
    </FilterForm>
  );
}
