"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import styles from "./shared.module.css";

/**
 * A value the customer must take away (a login, a password): a read-only field they can
 * select, with a copy button that says whether copying worked.
 */
export function SecretField({
  label,
  value,
  copyLabel,
  initialFocus = false,
}: {
  label: string;
  value: string;
  copyLabel?: string;
  /** Marks the field for ModalDialog's `[data-initial-focus]`. */
  initialFocus?: boolean;
}) {
  const t = useTranslations("accountsShared");
  const id = useId();
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  async function copyValue() {
    try {
      await navigator.clipboard.writeText(value);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  return (
    <div className={styles.secret}>
      <label htmlFor={id} className={styles.secretLabel}>
        {label}
      </label>
      <div className={styles.secretRow}>
        <input
          id={id}
          className={styles.secretValue}
          readOnly
          value={value}
          autoComplete="off"
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
          {...(initialFocus ? { "data-initial-focus": "" } : {})}
        />
        {copyLabel ? (
          <button type="button" className="button button--secondary" onClick={() => void copyValue()}>
            {copyLabel}
          </button>
        ) : null}
      </div>
      <p role="status" className="muted small">
        {copy === "copied" ? t("copied") : copy === "failed" ? t("copyFailed") : ""}
      </p>
    </div>
  );
}
