import type { ReactNode, SelectHTMLAttributes } from "react";
import styles from "./forms.module.css";

type SelectProps = Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  "id" | "aria-invalid" | "aria-describedby" | "className"
>;

export function SelectField({
  id,
  label,
  error,
  children,
  ...select
}: SelectProps & { id: string; label: string; error?: string | undefined; children: ReactNode }) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        {...select}
        id={id}
        className={styles.select}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      >
        {children}
      </select>
      {error ? (
        <p id={errorId} className={styles.fieldError}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
