import type { InputHTMLAttributes, Ref } from "react";
import styles from "./forms.module.css";

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "id" | "aria-invalid" | "aria-describedby" | "className"
>;

/** A labelled input with its hint and its error, tied together for assistive technology. */
export function TextField({
  id,
  label,
  hint,
  error,
  code = false,
  inputRef,
  ...input
}: InputProps & {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** A short numeric or recovery code: monospaced and narrow. */
  code?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="muted small">
          {hint}
        </p>
      ) : null}
      <input
        {...input}
        id={id}
        ref={inputRef}
        className={code ? `${styles.input} ${styles.codeInput}` : styles.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {error ? (
        <p id={errorId} className={styles.fieldError}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
