"use client";

import type { ReactNode, Ref } from "react";
import { useErrorMessage, type ErrorMessage } from "~/i18n/use-error-message";
import styles from "./forms.module.css";

/** The sentence (and a fault's reference) for a refused action that is a button, not a form. */
export function useRefusalAlert(error: unknown): ErrorMessage | undefined {
  const describe = useErrorMessage();
  return error ? describe(error) : undefined;
}

/** The refusal that belongs to the whole form, announced as it appears. */
export function FormAlert({ alert }: { alert: ErrorMessage | undefined }) {
  if (!alert) return null;
  return (
    <div role="alert" className="alert" tabIndex={-1} data-form-alert="">
      <p>{alert.sentence}</p>
      {alert.reference ? <p className="small">{alert.reference}</p> : null}
    </div>
  );
}

/** A success message, read out politely by screen readers. */
export function FormSuccess({ children, ref }: { children: ReactNode; ref?: Ref<HTMLDivElement> }) {
  return (
    <div role="status" className={styles.success} ref={ref} tabIndex={-1}>
      {children}
    </div>
  );
}
