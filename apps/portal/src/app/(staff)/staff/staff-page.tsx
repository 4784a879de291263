// The frame every staff page shares: its title and introduction, and the table of its rows.
import type { ReactNode } from "react";
import styles from "./staff-pages.module.css";

/** A staff page: the heading and its lead, then the page's own content. */
export function StaffPage({ title, intro, children }: { title: ReactNode; intro?: ReactNode; children: ReactNode }) {
  return (
    <div className={`container ${styles.page}`}>
      <header className="stack">
        <h1>{title}</h1>
        {intro ? <p className="lead">{intro}</p> : null}
      </header>
      {children}
    </div>
  );
}

/**
 * A staff table: its caption (what the rows are), a header row of column names (a column
 * given as null is left out) and the rows, scrolling sideways on a narrow screen.
 */
export function StaffTable({ caption, columns, children }: { caption: ReactNode; columns: ReadonlyArray<ReactNode>; children: ReactNode }) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) =>
              column === null ? null : (
                <th key={index} scope="col">
                  {column}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
