import type { ReactNode, Ref } from "react";
import type { FormErrorView } from "./form-errors";
import styles from "./forms.module.css";

/** The refusal that belongs to the whole form, announced as it appears. */
export function FormAlert({ alert }: { alert: FormErrorView["alert"] }) {
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
