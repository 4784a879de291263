"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { AccountBadges } from "../_components/account-badges";
import shared from "../_components/shared.module.css";
import { formatMoney } from "../_lib/money";
import { ArchiveSection } from "./archive-section";
import { FavoriteToggle } from "./favorite-toggle";
import { LivePanel } from "./live-panel";
import { MoneyLinks } from "./money-links";
import { PasswordWizard } from "./password-wizard";
import { RenameControl } from "./rename-control";
import { RestorePassword } from "./restore-password";
import { ConvertLink } from "./convert-link";
import { TransferForm } from "./transfer-form";
import { useLiveAccount, type ArchiveOutcome } from "./account-data";
import styles from "./account.module.css";

export function AccountDetail({ accountId }: { accountId: number }) {
  const t = useTranslations("accountDetail");
  const ts = useTranslations("accountsShared");
  const format = useFormatter();
  const locale = useLocale();
  const trpc = useTRPC();
  const { data: account } = useSuspenseQuery(trpc.accounts.get.queryOptions({ accountId }));
  const live = useLiveAccount(accountId);
  const [outcome, setOutcome] = useState<ArchiveOutcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const archived = account.archivedAt !== null;
  const trading = account.kind === "TRADING";
  const realMoney = account.accountMode === "REAL";

  return (
    <div className="container stack-lg">
      <nav aria-label={t("breadcrumbLabel")}>
        <Link href="/accounts">{t("backToList")}</Link>
      </nav>

      <header className={styles.header}>
        <div className={styles.titleRow}>
          <h1 className={styles.title}>{account.caption}</h1>
          <FavoriteToggle account={account} />
        </div>
        <AccountBadges account={account} />
        {archived ? null : <RenameControl account={account} />}
        {realMoney ? <MoneyLinks account={account} /> : null}
      </header>

      {outcome ? (
        <div ref={outcomeRef} tabIndex={-1} role="status" className={shared.notice}>
          <p>{archiveOutcomeSentence(t, outcome, account.currency, locale)}</p>
          {outcome.disposition === "transferred" && outcome.fallbackId !== null ? (
            <p>
              <Link href={`/accounts/${outcome.fallbackId}`}>{t("goToWallet")}</Link>
            </p>
          ) : null}
        </div>
      ) : null}

      {archived ? (
        <p className={shared.warning}>
          {t("archivedOn", { date: format.dateTime(new Date(account.archivedAt!), { dateStyle: "long" }) })}
        </p>
      ) : null}

      {account.mustChangePassword && !archived ? (
        <p className={shared.warning}>
          {t("mustChangeNotice")} <a href="#trading-password">{t("mustChangeLink")}</a>
        </p>
      ) : null}

      <div className={styles.columns}>
        <LivePanel account={account} live={live} />

        <section aria-labelledby="details-heading" className={styles.panel}>
          <h2 id="details-heading">{t("detailsHeading")}</h2>
          <dl className={styles.facts}>
            <div>
              <dt>{ts("login")}</dt>
              <dd>{account.login}</dd>
            </div>
            <div>
              <dt>{t("type")}</dt>
              <dd>{account.kind === "WALLET" ? ts("kind.WALLET") : ts(`mode.${account.accountMode}`)}</dd>
            </div>
            <div>
              <dt>{ts("currency")}</dt>
              <dd>{account.currency}</dd>
            </div>
            <div>
              <dt>{ts("platform")}</dt>
              <dd>{account.platform}</dd>
            </div>
            <div>
              <dt>{t("group")}</dt>
              <dd>{account.group}</dd>
            </div>
            <div>
              <dt>{ts("opened")}</dt>
              <dd>{format.dateTime(new Date(account.createdAt), { dateStyle: "long" })}</dd>
            </div>
          </dl>
          <h3 className={styles.subheading}>{t("permissionsHeading")}</h3>
          {account.permissions.length ? (
            <ul className={shared.badges}>
              {account.permissions.map((p) => (
                <li key={p} className="badge">
                  {ts(`permission.${p}`)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("noPermissions")}</p>
          )}
        </section>
      </div>

      {trading && !archived ? (
        <section id="trading-password" aria-labelledby="trading-password-heading" className={`${styles.panel} stack`}>
          <h2 id="trading-password-heading">{t("tradingPasswordHeading")}</h2>
          <PasswordWizard account={account} />
          <RestorePassword account={account} />
        </section>
      ) : null}

      {realMoney && !archived ? <TransferForm account={account} /> : null}

      {account.permissions.includes("exchange") ? <ConvertLink accountId={account.id} /> : null}

      {archived ? null : <ArchiveSection account={account} live={live} onArchived={setOutcome} />}
    </div>
  );
}

type Translate = ReturnType<typeof useTranslations<"accountDetail">>;

function archiveOutcomeSentence(t: Translate, outcome: ArchiveOutcome, currency: string, locale: string): string {
  const amount = formatMoney(outcome.amount, currency, locale);
  switch (outcome.disposition) {
    case "transferred":
      return t("archivedTransferred", { amount, wallet: outcome.fallbackCaption ?? "" });
    case "removed":
      return t("archivedRemoved", { amount });
    default:
      return t("archivedEmpty");
  }
}
