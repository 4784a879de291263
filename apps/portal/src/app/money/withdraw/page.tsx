import { isKycApproved } from "@brokerage/api";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireCustomer } from "~/session/current-customer";
import { getServerCaller, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { WITHDRAWAL_LIST_INPUT } from "../_lib/list-inputs";
import { moneyAccounts, preselectedAccount } from "../_lib/money-accounts";
import styles from "../money.module.css";
import { WithdrawScreen } from "./withdraw-screen";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moneyWithdraw");
  return { title: t("title") };
}

/** Issue #13: money out to a bank account (or back to the card it came from), after FINANCE approval. */
export default async function WithdrawPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const customer = await requireCustomer("/money/withdraw");
  const [t, ts, accounts, params, kyc] = await Promise.all([
    getTranslations("moneyWithdraw"),
    getTranslations("moneyShared"),
    moneyAccounts("withdrawal"),
    searchParams,
    getServerCaller().then((caller) => caller.kyc.state()),
  ]);
  prefetch(trpc.payoutMethods.list.queryOptions());
  prefetch(trpc.withdrawals.limits.queryOptions());
  prefetch(trpc.withdrawals.list.queryOptions(WITHDRAWAL_LIST_INPUT));
  const verified = isKycApproved(kyc);
  return (
    <div className={`container ${styles.page}`}>
      <header className="stack">
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro")}</p>
      </header>
      {!verified ? (
        <p className="alert">
          {t("kycNote")} <Link href="/kyc">{t("kycLink")}</Link>
        </p>
      ) : accounts.length === 0 ? (
        <p>
          {ts("noAccounts")} <Link href="/accounts/open">{ts("openAccount")}</Link>
        </p>
      ) : null}
      <HydrateClient>
        <WithdrawScreen
          accounts={verified ? accounts : []}
          initialAccountId={preselectedAccount(accounts, params.accountId)}
          holderName={customer.fullName}
          canManageBankAccounts={verified}
        />
      </HydrateClient>
    </div>
  );
}
