"use client";

import { useLocale, useTranslations } from "next-intl";
import { useErrorMessage } from "~/i18n/use-error-message";
import { appCodeOf } from "~/trpc/error-info";
import { formatMoney } from "../_lib/money";
import type { Account, LiveQuery } from "./account-data";
import styles from "./account.module.css";
import { useHydrated } from "~/components/forms/use-hydrated";

/**
 * Balance, equity and leverage from the trading core. When the core does not answer, the
 * page still shows what the portal knows (accounts.get) and says why the rest is missing.
 */
export function LivePanel({ account, live }: { account: Account; live: LiveQuery }) {
  const t = useTranslations("accountDetail");
  const ts = useTranslations("accountsShared");
  const locale = useLocale();
  const describe = useErrorMessage();
  const hydrated = useHydrated();
  const money = (amount: string) => formatMoney(amount, account.currency, locale);

  let body;
  if (live.data) {
    body = (
      <dl className={styles.liveFacts}>
        <div>
          <dt>{t("balance")}</dt>
          <dd className={styles.amount}>{money(live.data.balance)}</dd>
        </div>
        {account.kind === "TRADING" ? (
          <div>
            <dt>{t("equity")}</dt>
            <dd className={styles.amount}>{money(live.data.equity)}</dd>
          </div>
        ) : null}
        {account.kind === "TRADING" ? (
          <div>
            <dt>{ts("leverage")}</dt>
            <dd className={styles.amount}>{ts("leverageValue", { leverage: live.data.leverage })}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("state")}</dt>
          <dd>{live.data.archived ? ts("archived") : live.data.enabled ? t("enabled") : t("disabled")}</dd>
        </div>
      </dl>
    );
  } else if (live.isPending) {
    body = (
      <p role="status" className="muted">
        {t("liveLoading")}
      </p>
    );
  } else {
    const coreDown = appCodeOf(live.error) === "CORE_NOT_AVAILABLE";
    const { sentence, reference } = describe(live.error);
    body = (
      <div className="stack">
        <p role="alert" className="alert">
          {coreDown ? t("liveUnavailable") : sentence}
          {reference ? <span className="small"> {reference}</span> : null}
        </p>
        <dl className={styles.liveFacts}>
          {account.kind === "TRADING" ? (
            <div>
              <dt>{ts("leverage")}</dt>
              <dd className={styles.amount}>{ts("leverageValue", { leverage: account.leverage })}</dd>
            </div>
          ) : null}
          <div>
            <dt>{ts("currency")}</dt>
            <dd className={styles.amount}>{account.currency}</dd>
          </div>
        </dl>
        <p>
          <button type="button" className="button button--secondary" onClick={() => void live.refetch()} disabled={!hydrated || live.isFetching}>
            {t("liveRetry")}
          </button>
        </p>
      </div>
    );
  }

  return (
    <section aria-labelledby="live-heading" className={styles.panel} aria-busy={live.isFetching}>
      <h2 id="live-heading">{account.kind === "WALLET" ? t("walletBalanceHeading") : t("liveHeading")}</h2>
      {body}
      {live.data && live.isError ? <p className="muted small">{t("liveStale")}</p> : null}
    </section>
  );
}
