"use client";

import type { RouterOutputs } from "@brokerage/api";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { formatMoney } from "~/app/accounts/_lib/money";
import { useTRPC } from "~/trpc/react";
import styles from "../../money.module.css";
import { depositOutcome, pollDelay, POLL_FOR_MS } from "./deposit-outcome";
import { useHydrated } from "~/components/forms/use-hydrated";

type Deposit = RouterOutputs["deposits"]["get"];

/**
 * The deposit's state in words. While the provider has not confirmed it, deposits.get
 * (which asks the provider) runs every 2 s for a minute; then the customer may ask again.
 */
export function DepositStatus({ depositId }: { depositId: string }) {
  const t = useTranslations("depositStatus");
  const locale = useLocale();
  const trpc = useTRPC();
  const [since, setSince] = useState(() => Date.now());
  const { data: deposit, refetch, isFetching } = useSuspenseQuery({
    ...trpc.deposits.get.queryOptions({ depositId }),
    refetchInterval: (query) => pollDelay((query.state.data as Deposit | undefined)?.status, since, Date.now()),
  });
  const outcome = depositOutcome(deposit.status);
  // Set by the timer below when the minute of polling is over (render reads no clock).
  const [pollingOver, setPollingOver] = useState(false);
  const hydrated = useHydrated();
  const waitedOut = outcome === "waiting" && pollingOver;
  const statusRef = useRef<HTMLDivElement>(null);
  const first = useRef(true);

  // A change of state is announced (role=status) and takes the focus once it is final.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (outcome !== "waiting") statusRef.current?.focus();
  }, [outcome]);

  // Once the minute is over, "still waiting" shows without a new answer.
  useEffect(() => {
    if (outcome !== "waiting") return;
    const left = since + POLL_FOR_MS - Date.now();
    const timer = setTimeout(() => setPollingOver(true), Math.max(0, left) + 50);
    return () => clearTimeout(timer);
  }, [outcome, since]);

  const amount = formatMoney(deposit.amount, deposit.currency, locale);
  return (
    <div className={`container ${styles.page}`}>
      <header className="stack">
        <h1>{t("title")}</h1>
        <p className="lead">{t("summary", { amount, login: deposit.login })}</p>
      </header>
      <div
        ref={statusRef}
        tabIndex={-1}
        role="status"
        className={outcome === "credited" ? styles.statusOk : outcome === "failed" ? styles.statusProblem : styles.status}
      >
        <p>{t(deposit.status, { amount, login: deposit.login })}</p>
        {waitedOut ? <p>{t("stillWaiting")}</p> : null}
      </div>
      {deposit.card ? <p className="muted">{t("card", { brand: brandName(deposit.card.brand), last4: deposit.card.last4 })}</p> : null}
      <div className="stack">
        {waitedOut ? (
          <p>
            <button
              type="button"
              className="button button--secondary"
              disabled={!hydrated || isFetching}
              onClick={() => {
                setSince(Date.now());
                setPollingOver(false);
                void refetch();
              }}
            >
              {isFetching ? t("checking") : t("checkAgain")}
            </button>
          </p>
        ) : null}
        {outcome === "waiting" && deposit.paymentPageUrl ? (
          <p>
            <a href={deposit.paymentPageUrl}>{t("continuePayment")}</a>
          </p>
        ) : null}
        <p>
          <Link href={`/accounts/${deposit.accountId}`}>{t("goToAccount", { login: deposit.login })}</Link>
        </p>
        <p>
          <Link href={`/money/deposit?accountId=${deposit.accountId}`}>{outcome === "failed" ? t("tryAgain") : t("depositAgain")}</Link>
        </p>
      </div>
    </div>
  );
}

/** "visa" as the provider names it, "Visa" as people read it. */
function brandName(brand: string): string {
  return brand.charAt(0).toUpperCase() + brand.slice(1);
}
