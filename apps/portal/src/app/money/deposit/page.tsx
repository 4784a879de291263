import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireCustomer } from "~/session/current-customer";
import { getServerCaller } from "~/trpc/server";
import { depositLimitsFor, moneyAccounts, preselectedAccount } from "../_lib/money-accounts";
import styles from "../money.module.css";
import { DepositForm } from "./deposit-form";
import { RecentDeposits } from "./recent-deposits";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moneyDeposit");
  return { title: t("title") };
}

/** Issue #13: money in by card, through the payment provider's hosted page. */
export default async function DepositPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireCustomer("/money/deposit");
  const [t, ts, accounts, params, deposits] = await Promise.all([
    getTranslations("moneyDeposit"),
    getTranslations("moneyShared"),
    moneyAccounts("deposit"),
    searchParams,
    getServerCaller().then((caller) => caller.deposits.list({ limit: 5 })),
  ]);
  return (
    <div className={`container ${styles.page}`}>
      <header className="stack">
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro")}</p>
      </header>
      {accounts.length === 0 ? (
        <p>
          {ts("noAccounts")} <Link href="/accounts/open">{ts("openAccount")}</Link>
        </p>
      ) : (
        <section className={styles.panel} aria-label={t("title")}>
          <DepositForm accounts={accounts} limits={depositLimitsFor(accounts)} initialAccountId={preselectedAccount(accounts, params.accountId)} />
          <p className="muted small">{t("demoNote")}</p>
        </section>
      )}
      <RecentDeposits deposits={deposits} />
    </div>
  );
}
