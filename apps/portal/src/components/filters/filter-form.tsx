"use client";

// The filters above a list (the accounts list, the money history, the staff's audit trail
// and searches): a GET form, so it works before the script loads; on a client page, once
// the script has loaded, "Apply" hands the values to the page, which puts them in the URL.
// One control per filter, each with a visible label.
import Link from "next/link";
import { createContext, useContext, useId, type FormEvent, type InputHTMLAttributes, type ReactNode } from "react";
import { FieldHint } from "~/components/forms";
import kit from "~/components/forms/forms.module.css";
import styles from "./filters.module.css";

/** The form's values as the URL would carry them (empty choices left out). */
export type FilterValues = Record<string, string[]>;

const HintContext = createContext<string | undefined>(undefined);

export function FilterForm({
  action,
  heading,
  label,
  search = false,
  applyLabel,
  clearLabel,
  onApply,
  hint,
  beside,
  children,
}: {
  /** The list's own URL: where the plain GET goes, and what "Clear" links to. */
  action: string;
  /** A visible heading; or, without one, `label` names the form for assistive technology. */
  heading?: string;
  label?: string;
  /** A search box rather than filters: the search landmark. */
  search?: boolean;
  applyLabel: string;
  /** "Clear" (back to the unfiltered list); left out when there is nothing to clear. */
  clearLabel?: string;
  /** On a client page: the values, for the page to put in the URL. Without it the browser sends the GET. */
  onApply?: (values: FilterValues) => void;
  /** A sentence under the controls; controls with `described` point to it. */
  hint?: string;
  /** Beside the buttons (e.g. a checkbox). */
  beside?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    if (!onApply) return;
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values: FilterValues = {};
    for (const key of new Set(data.keys())) values[key] = data.getAll(key).map(String).filter((v) => v !== "");
    onApply(values);
  }

  return (
    <form
      method="get"
      action={action}
      onSubmit={submit}
      className={styles.filters}
      role={search ? "search" : undefined}
      aria-labelledby={heading ? `${id}-heading` : undefined}
      aria-label={heading ? undefined : label}
    >
      {heading ? (
        <h2 id={`${id}-heading`} className={styles.heading}>
          {heading}
        </h2>
      ) : null}
      <HintContext.Provider value={hintId}>
        <div className={styles.grid}>{children}</div>
      </HintContext.Provider>
      {hint && hintId ? <FieldHint id={hintId}>{hint}</FieldHint> : null}
      <div className={styles.footer}>
        {beside}
        <div className={kit.actions}>
          <button type="submit" className="button">
            {applyLabel}
          </button>
          {clearLabel ? (
            <Link href={action} className="button button--secondary">
              {clearLabel}
            </Link>
          ) : null}
        </div>
      </div>
    </form>
  );
}

/** Text to look for, or a number (`inputMode="numeric"`). */
export function FilterText({
  name,
  label,
  defaultValue,
  hint,
  ...input
}: { name: string; label: string; defaultValue: string; hint?: string } & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  "type" | "inputMode" | "maxLength" | "autoComplete"
>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} defaultValue={defaultValue} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      {hint ? <FieldHint id={`${id}-hint`}>{hint}</FieldHint> : null}
    </div>
  );
}

/** A choice among options; `anyLabel` adds the empty choice ("any currency"). */
export function FilterSelect({
  name,
  label,
  defaultValue,
  anyLabel,
  options,
  hint,
}: {
  name: string;
  label: string;
  defaultValue: string;
  anyLabel?: string;
  options: readonly { value: string; label: string }[];
  /** A hint of this control's own. */
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={defaultValue} className={kit.select} aria-describedby={hint ? `${id}-hint` : undefined}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint ? <FieldHint id={`${id}-hint`}>{hint}</FieldHint> : null}
    </div>
  );
}

/** A date (YYYY-MM-DD); `described` points it to the form's hint. */
export function FilterDate({ name, label, defaultValue, described }: { name: string; label: string; defaultValue: string; described?: boolean }) {
  const id = useId();
  const hintId = useContext(HintContext);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" name={name} defaultValue={defaultValue} aria-describedby={described ? hintId : undefined} />
    </div>
  );
}

/** The page sizes offered, with the current one among them. */
export function pageSizeOptions(sizes: readonly number[], current: number, label: (count: number) => string) {
  return [...new Set([...sizes, current])].sort((a, b) => a - b).map((size) => ({ value: String(size), label: label(size) }));
}
