"use client";

import type { RouterOutputs } from "@brokerage/api";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { useErrorMessage } from "~/i18n/use-error-message";
import { useTRPC } from "~/trpc/react";
import { formatMoney } from "../../accounts/_lib/money";
import styles from "./convert.module.css";
import { QuoteForm } from "./quote-form";
import { useSecondsLeft } from "./use-seconds-left";
import { WALLETS_INPUT } from "./wallets-input";


export type Wallet = RouterOutputs["accounts"]["list"]["items"][number];
type Quote = RouterOutputs["conversion"]["quote"];
type Converted = RouterOutputs["conversion"]["accept"];

export function ConvertView({ initialFrom }: { initialFrom: string }) {
  const t = useTranslations("convert");
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.accounts.list.queryOptions(WALLETS_INPUT));
  const wallets = data.items;
  const [quote, setQuote] = useState<Quote | null>(null);
  const [converted, setConverted] = useState<Converted | null>(null);

  const currencies = new Set(wallets.map((w) => w.currency));
  if (currencies.size < 2) {
    return (
      <p>
        {t("needTwoWallets")} <Link href="/accounts/open">{t("openWallet")}</Link>
      </p>
    );
  }

  return (
    <div className="stack-lg">
      <QuoteForm
        wallets={wallets}
        initialFrom={initialFrom}
        onQuoted={(q) => {
          setConverted(null);
          setQuote(q);
        }}
      />
      {quote ? (
        <QuotePanel
          key={quote.quoteId}
          quote={quote}
          wallets={wallets}
          onConverted={(result) => {
            setQuote(null);
            setConverted(result);
          }}
        />
      ) : null}
      {converted ? <ConvertedPanel converted={converted} wallets={wallets} /> : null}
    </div>
  );
}

function QuotePanel({ quote, wallets, onConverted }: { quote: Quote; wallets: Wallet[]; onConverted: (result: Converted) => void }) {
  const t = useTranslations("convert");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useErrorMessage();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const secondsLeft = useSecondsLeft(quote.secondsLeft);
  const accept = useMutation(trpc.conversion.accept.mutationOptions());
  const requote = useMutation(trpc.conversion.quote.mutationOptions());
  const [current, setCurrent] = useState(quote);
  const refusedCode = appCodeOf(accept.error);
  // Accepted in time but not finished (the core did not answer): Convert again finishes it,
  // whatever the countdown says.
  const inProgress = refusedCode === "CORE_NOT_AVAILABLE";
  const expired = (secondsLeft.value <= 0 && !inProgress) || refusedCode === "QUOTE_EXPIRED";
  const spent = refusedCode === "INSUFFICIENT_FUNDS";

  useEffect(() => headingRef.current?.focus(), [current.quoteId]);

  const convert = () =>
    accept.mutate(
      { quoteId: current.quoteId },
      {
        onSuccess(result) {
          void queryClient.invalidateQueries({ queryKey: trpc.accounts.pathKey() });
          onConverted(result);
        },
      },
    );
  const newQuote = () =>
    requote.mutate(
      { fromAccountId: current.fromAccountId, toAccountId: current.toAccountId, amount: current.sellAmount },
      {
        onSuccess(next) {
          accept.reset();
          setCurrent(next);
          secondsLeft.restart(next.secondsLeft);
        },
      },
    );

  const from = wallets.find((w) => w.id === current.fromAccountId);
  const to = wallets.find((w) => w.id === current.toAccountId);
  const problem = accept.error && !inProgress && refusedCode !== "QUOTE_EXPIRED" && !spent ? describe(accept.error) : null;
  const requoteProblem = requote.error ? describe(requote.error) : null;

  return (
    <section aria-labelledby={`${id}-heading`} className={`${styles.panel} stack`}>
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t("quoteHeading")}
      </h2>
      <dl className={styles.terms}>
        <dt>{t("youPay")}</dt>
        <dd>{formatMoney(current.sellAmount, current.sellCurrency, locale)}{from ? ` – ${from.caption} (${from.login})` : ""}</dd>
        <dt>{t("youReceive")}</dt>
        <dd>{formatMoney(current.buyAmount, current.buyCurrency, locale)}{to ? ` – ${to.caption} (${to.login})` : ""}</dd>
        <dt>{t("rate")}</dt>
        <dd>{t("rateValue", { from: current.sellCurrency, rate: current.customerRate, to: current.buyCurrency })}</dd>
        <dt>{t("midRate")}</dt>
        <dd>{t("rateValue", { from: current.sellCurrency, rate: current.midRate, to: current.buyCurrency })}</dd>
        <dt>{t("spread")}</dt>
        <dd>{t("spreadValue", { percent: current.spreadPercent })}</dd>
      </dl>
      <p className="muted small">{t("rounding")}</p>
      {inProgress ? (
        <p role="alert" className="alert">
          {t("inProgress")}
        </p>
      ) : spent ? (
        <p role="alert" className="alert">
          {t("insufficientFunds")}
        </p>
      ) : expired ? (
        <p role="alert" className="alert">
          {t("expired")}
        </p>
      ) : (
        // Read out once (the polite region changes every second, so it is off for screen readers until it matters).
        <p className={styles.countdown} aria-live="off">
          {t("countdown", { seconds: secondsLeft.value })}
        </p>
      )}
      {problem ? (
        <p role="alert" className="alert">
          {problem.sentence}
          {problem.reference ? ` ${problem.reference}` : ""}
        </p>
      ) : null}
      {requoteProblem ? (
        <p role="alert" className="alert">
          {requoteProblem.sentence}
          {requoteProblem.reference ? ` ${requoteProblem.reference}` : ""}
        </p>
      ) : null}
      <div className={styles.actions}>
        {(!expired && !spent) || inProgress ? (
          <button type="button" className="button" onClick={convert} disabled={accept.isPending}>
            {accept.isPending ? t("converting") : t("convert")}
          </button>
        ) : null}
        {inProgress ? null : (
          <button type="button" className="button button--secondary" onClick={newQuote} disabled={requote.isPending || accept.isPending}>
            {requote.isPending ? t("gettingQuote") : t("newQuote")}
          </button>
        )}
      </div>
    </section>
  );
}

function ConvertedPanel({ converted, wallets }: { converted: Converted; wallets: Wallet[] }) {
  const t = useTranslations("convert");
  const locale = useLocale();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const from = wallets.find((w) => w.id === converted.fromAccountId);
  const to = wallets.find((w) => w.id === converted.toAccountId);
  const balances = [
    { wallet: from, id: converted.fromAccountId, balance: converted.fromBalance, currency: converted.sellCurrency },
    { wallet: to, id: converted.toAccountId, balance: converted.toBalance, currency: converted.buyCurrency },
  ];
  return (
    <div ref={ref} tabIndex={-1} role="status" className={`${styles.notice} stack`}>
      <p>
        {t("done", {
          paid: formatMoney(converted.sellAmount, converted.sellCurrency, locale),
          received: formatMoney(converted.buyAmount, converted.buyCurrency, locale),
        })}
      </p>
      <h2 className={styles.subheading}>{t("newBalances")}</h2>
      <dl className={styles.terms}>
        {balances.map((b) => (
          <div key={b.id} className={styles.term}>
            <dt>
              <Link href={`/accounts/${b.id}`}>{b.wallet ? t("balanceOf", { caption: b.wallet.caption, login: b.wallet.login }) : b.id}</Link>
            </dt>
            <dd>{b.balance === null ? "–" : formatMoney(b.balance, b.currency, locale)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function appCodeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("data" in error)) return undefined;
  const data = (error as { data?: { appCode?: unknown } }).data;
  return typeof data?.appCode === "string" ? data.appCode : undefined;
}

