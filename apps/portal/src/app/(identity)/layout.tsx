import type { ReactNode } from "react";
import styles from "./identity.module.css";

/** Sign-in, sign-up, verification and password pages: one narrow column. */
export default function IdentityLayout({ children }: { children: ReactNode }) {
  return (
    <div className="container">
      <div className={styles.column}>{children}</div>
    </div>
  );
}
