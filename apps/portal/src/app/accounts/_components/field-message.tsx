import styles from "./forms.module.css";

/** The sentence under a field that explains what is wrong with it; the field points here with aria-describedby. */
export function FieldMessage({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className={styles.error}>
      {message}
    </p>
  );
}
