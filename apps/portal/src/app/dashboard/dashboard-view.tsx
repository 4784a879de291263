"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "~/trpc/react";
import { formatMoney } from "../accounts/_lib/money";
import { HistoryTable } from "../money/history/history-view";
import { PreferredCurrencyForm } from "./preferred-currency-form";
import styles from "./dashboard.module.css";

export function DashboardView() {
  const t = useTranslations("dashboard");
  const trpc = useTRPC();
  const locale = useLocale();
  const { data: summary } = useSuspenseQuery(trpc.dashboard.summary.queryOptions());
  const preferred = summary.preferredCurrency;
  const money = (amount: string | null, currency: string) =>
    amount === null ? <span className="muted">{t("notAvailable")}</span> : formatMoney(amount, currency, locale);

  return (
    <div className="container stack-lg">
      <header className="stack">
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro")}</p>
      </header>

      <section aria-labelledby="dashboard-total" className={styles.total}>
        <h2 id="dashboard-total">{t("totalHeading")}</h2>
        {summary.total === null ? (
          <p className={styles.totalFigure}>{t("totalUnavailable")}</p>
        ) : (
          <p className={styles.totalFigure} aria-label={t("totalLabel", { currency: preferred })} data-testid="dashboard-total">
            {formatMoney(summary.total, preferred, locale)}
          </p>
        )}
        {summary.missing.balances || summary.missing.rates.length > 0 ? (
          <ul role="status" className={styles.missing}>
            {summary.missing.balances ? <li>{t("missingBalances")}</li> : null}
            {summary.missing.rates.length > 0 ? <li>{t("missingRates", { currencies: summary.missing.rates.join(", ") })}</li> : null}
          </ul>
        ) : null}
        <p className="muted small">{t("rounding")}</p>
      </section>

      <section aria-labelledby="dashboard-currencies" className="stack">
        <h2 id="dashboard-currencies">{t("byCurrencyHeading")}</h2>
        {summary.currencies.length === 0 ? (
          <p>
            {t("noLiveAccounts")} <Link href="/accounts/open">{t("accountsLink")}</Link>
          </p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <caption className="visually-hidden">{t("byCurrencyCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("column.currency")}</th>
                  <th scope="col" className={styles.number}>{t("column.accounts")}</th>
                  <th scope="col" className={styles.number}>{t("column.balance")}</th>
                  <th scope="col" className={styles.number}>{t("column.rate")}</th>
                  <th scope="col" className={styles.number}>{t("column.converted", { currency: preferred })}</th>
                </tr>
              </thead>
              <tbody>
                {summary.currencies.map((c) => (
                  <tr key={c.currency}>
                    <th scope="row">{c.currency}</th>
                    <td className={styles.number}>{c.accounts}</td>
                    <td className={styles.number}>{money(c.balance, c.currency)}</td>
                    <td className={styles.number}>{c.rate ?? <span className="muted">{t("notAvailable")}</span>}</td>
                    <td className={styles.number}>{money(c.converted, preferred)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {summary.demo.length > 0 ? (
        <section aria-labelledby="dashboard-demo" className="stack">
          <h2 id="dashboard-demo">{t("demoHeading")}</h2>
          <p className="muted">{t("demoIntro")}</p>
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <caption className="visually-hidden">{t("demoCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("column.currency")}</th>
                  <th scope="col" className={styles.number}>{t("column.accounts")}</th>
                  <th scope="col" className={styles.number}>{t("column.balance")}</th>
                </tr>
              </thead>
              <tbody>
                {summary.demo.map((d) => (
                  <tr key={d.currency}>
                    <th scope="row">{d.currency}</th>
                    <td className={styles.number}>{d.accounts}</td>
                    <td className={styles.number}>{money(d.balance, d.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="dashboard-latest" className="stack">
        <h2 id="dashboard-latest">{t("latestHeading")}</h2>
        {summary.latest.length === 0 ? <p>{t("noActivity")}</p> : <HistoryTable items={summary.latest} caption={t("latestCaption")} />}
        <p>
          <Link href="/money/history">{t("allHistory")}</Link>
        </p>
      </section>

      <PreferredCurrencyForm current={preferred} choices={summary.currencyChoices} />
    </div>
  );
}

export function DashboardViewSkeleton() {
  const t = useTranslations("dashboard");
  return (
    <div className="container stack">
      <h1>{t("title")}</h1>
      <p role="status" className="muted">
        {t("loading")}
      </p>
    </div>
  );
}
