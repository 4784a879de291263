"use client";

import { useTranslations } from "next-intl";
import styles from "./shared.module.css";

export interface BadgeSubject {
  kind: "TRADING" | "WALLET";
  accountMode: "DEMO" | "REAL";
  archivedAt: string | null;
  mustChangePassword: boolean;
}

/** Mode, kind, archived, and the temporary-password warning, as text (never colour alone). */
export function AccountBadges({ account }: { account: BadgeSubject }) {
  const t = useTranslations("accountsShared");
  return (
    <ul className={styles.badges}>
      {account.kind === "WALLET" ? (
        <li className="badge">{t("kind.WALLET")}</li>
      ) : (
        <li className={account.accountMode === "DEMO" ? "badge" : "badge badge--ok"}>{t(`mode.${account.accountMode}`)}</li>
      )}
      {account.archivedAt ? <li className={`badge ${styles.badgeArchived}`}>{t("archived")}</li> : null}
      {account.mustChangePassword && !account.archivedAt ? (
        <li className={`badge ${styles.badgeWarning}`}>{t("temporaryPassword")}</li>
      ) : null}
    </ul>
  );
}
