"use client";

import type { RouterOutputs } from "@brokerage/api";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { AccountBadges } from "./_components/account-badges";
import { formatMoney } from "./_lib/money";
import styles from "./accounts.module.css";

export type AccountItem = RouterOutputs["accounts"]["list"]["items"][number];

const DATE_TIME = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
} as const;

/** One account of the list: its name, badges and facts. */
export function AccountRow({ account }: { account: AccountItem }) {
  const t = useTranslations("accountsList");
  const ts = useTranslations("accountsShared");
  const format = useFormatter();
  const locale = useLocale();
  const headingId = `account-${account.id}-name`;
  return (
    <li>
      <article aria-labelledby={headingId} className={account.archivedAt ? `${styles.item} ${styles.itemArchived}` : styles.item}>
        <div className={styles.itemHeader}>
          <h3 id={headingId} className={styles.itemName}>
            <Link href={`/accounts/${account.id}`}>{account.caption}</Link>
          </h3>
          {account.favorite ? (
            <span className={styles.favorite}>
              <span aria-hidden="true">★ </span>
              {t("favorite")}
            </span>
          ) : null}
        </div>
        <AccountBadges account={account} />
        <dl className={styles.facts}>
          <div>
            <dt>{ts("login")}</dt>
            <dd>{account.login}</dd>
          </div>
          <div>
            <dt>{t("balance")}</dt>
            <dd className={styles.balance}>
              {account.balance === null ? (
                <span className="muted">{t("balanceUnavailable")}</span>
              ) : (
                formatMoney(account.balance, account.currency, locale)
              )}
            </dd>
          </div>
          <div>
            <dt>{ts("currency")}</dt>
            <dd>{account.currency}</dd>
          </div>
          <div>
            <dt>{ts("platform")}</dt>
            <dd>{account.platform}</dd>
          </div>
          {account.kind === "TRADING" ? (
            <div>
              <dt>{ts("leverage")}</dt>
              <dd>{ts("leverageValue", { leverage: account.leverage })}</dd>
            </div>
          ) : null}
          <div>
            <dt>{ts("opened")}</dt>
            <dd>
              <time dateTime={account.createdAt}>{format.dateTime(new Date(account.createdAt), DATE_TIME)}</time>
            </dd>
          </div>
        </dl>
        {account.mustChangePassword && !account.archivedAt ? (
          <p className="small">
            <Link href={`/accounts/${account.id}#trading-password`}>{t("changeTemporaryPassword")}</Link>
          </p>
        ) : null}
      </article>
    </li>
  );
}

/** No account on this page: none at all, none that the filters select, or a page past the end. */
export function EmptyState({ filtered, beyondEnd, onFirstPage }: { filtered: boolean; beyondEnd: boolean; onFirstPage: () => void }) {
  const t = useTranslations("accountsList");
  if (beyondEnd) {
    return (
      <div className={styles.empty}>
        <p>{t("emptyPage")}</p>
        <button type="button" className="button button--secondary" onClick={onFirstPage}>
          {t("firstPage")}
        </button>
      </div>
    );
  }
  return (
    <div className={styles.empty}>
      <p>{filtered ? t("emptyFiltered") : t("empty")}</p>
      {filtered ? (
        <Link href="/accounts" className="button button--secondary">
          {t("clear")}
        </Link>
      ) : (
        <Link href="/accounts/open" className="button">
          {t("openFirst")}
        </Link>
      )}
    </div>
  );
}
