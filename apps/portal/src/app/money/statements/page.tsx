import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireCustomer } from "~/session/current-customer";
import { getServerCaller } from "~/trpc/server";
import styles from "../money.module.css";
import { StatementsView } from "./statements-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("statements");
  return { title: t("title") };
}

/** Issue 17: monthly statements of the customer's REAL accounts and wallets, to view and download. */
export default async function StatementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireCustomer("/money/statements");
  const [t, params, list] = await Promise.all([
    getTranslations("statements"),
    searchParams,
    getServerCaller().then((caller) => caller.statements.list()),
  ]);
  const wanted = typeof params.accountId === "string" ? params.accountId : "";
  const initialAccountId = list.accounts.some((a) => String(a.accountId) === wanted) ? wanted : String(list.accounts[0]?.accountId ?? "");
  return (
    <div className={`container ${styles.page}`}>
      <header className="stack">
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro")}</p>
      </header>
      {list.accounts.length === 0 ? (
        <p>
          {t("noAccounts")} <Link href="/accounts/open">{t("openAccount")}</Link>
        </p>
      ) : (
        <StatementsView accounts={list.accounts} initialAccountId={initialAccountId} />
      )}
    </div>
  );
}
