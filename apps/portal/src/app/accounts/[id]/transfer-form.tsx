"use client";

import type { RouterOutputs } from "@brokerage/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";
import { useErrorMessage } from "~/i18n/use-error-message";
import { useTRPC } from "~/trpc/react";
import { FieldMessage } from "../_components/field-message";
import forms from "../_components/forms.module.css";
import shared from "../_components/shared.module.css";
import { createAttemptKeys, isRetryable, type AttemptKeys } from "../_lib/attempt-key";
import { detailsOf, serverFieldCodes } from "../_lib/error-fields";
import { isValidAmountInput } from "@brokerage/validators";
import { formatMoney } from "../_lib/money";
import type { Account } from "./account-detail";
import styles from "./account.module.css";

type Transferred = RouterOutputs["accounts"]["transfer"];

const accountLabel = (a: { caption: string; login: number }) => `${a.caption} (${a.login})`;

/** Money between two of the customer's own REAL accounts or wallets in this account's currency. */
export function TransferForm({ account }: { account: Account }) {
  const t = useTranslations("accountTransfer");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useErrorMessage();
  const id = useId();
  const keys = useRef<AttemptKeys | null>(null);
  keys.current ??= createAttemptKeys();

  // Accounts that can send and receive money in this currency (REAL, open).
  const candidates = useQuery(
    trpc.accounts.list.queryOptions({
      alphabeticCurrencyCode: account.currency,
      permissions: ["transferDeposit"],
      sortOrder: "asc",
      limit: 100,
    }),
  );
  const accounts = candidates.data?.items ?? [];
  const others = accounts.filter((a) => a.id !== account.id);

  const [fromId, setFromId] = useState(String(account.id));
  const [toId, setToId] = useState("");
  const [amount, setAmount] = useState("");
  const [problems, setProblems] = useState<{ to?: string; amount?: string }>({});
  const [done, setDone] = useState<(Transferred & { fromLabel: string; toLabel: string }) | null>(null);

  const transfer = useMutation(trpc.accounts.transfer.mutationOptions());
  const effectiveTo = toId || String((fromId === String(account.id) ? others[0]?.id : account.id) ?? "");
  const money = (value: string) => formatMoney(value, account.currency, locale);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: { to?: string; amount?: string } = {};
    if (!effectiveTo || effectiveTo === fromId) next.to = t("sameAccount");
    if (!isValidAmountInput(amount)) next.amount = t("amountFormat");
    setProblems(next);
    setDone(null);
    if (next.to || next.amount) return;
    const input = { fromAccountId: Number(fromId), toAccountId: Number(effectiveTo), amount: amount.trim() };
    const from = accounts.find((a) => a.id === input.fromAccountId);
    const to = accounts.find((a) => a.id === input.toAccountId);
    transfer.mutate(
      { ...input, idempotencyKey: keys.current!.keyFor(JSON.stringify(input)) },
      {
        onSuccess(result) {
          keys.current!.finish();
          setAmount("");
          setDone({ ...result, fromLabel: from ? accountLabel(from) : "", toLabel: to ? accountLabel(to) : "" });
          void queryClient.invalidateQueries({ queryKey: trpc.accounts.live.pathKey() });
        },
        onError(error) {
          if (!isRetryable(error)) keys.current!.finish();
        },
      },
    );
  }

  // The server's field codes, never its English: INSUFFICIENT_FUNDS, or a format code of the shared amount schema.
  const fieldCodes = transfer.error ? serverFieldCodes(transfer.error) : {};
  const available = transfer.error ? detailsOf(transfer.error).available : undefined;
  const serverAmount = fieldCodes.amount?.length
    ? fieldCodes.amount.includes("INSUFFICIENT_FUNDS")
      ? t("insufficientFunds", { available: typeof available === "string" ? money(available) : "" })
      : t("amountFormat")
    : undefined;
  const serverTo = fieldCodes.toAccountId?.length || fieldCodes.fromAccountId?.length ? t("notTransferable") : undefined;
  const amountProblem = problems.amount ?? serverAmount;
  const toProblem = problems.to ?? serverTo;
  const general = transfer.error && !serverAmount && !serverTo ? describe(transfer.error) : null;

  return (
    <section aria-labelledby={`${id}-heading`} className={`${styles.panel} stack`}>
      <h2 id={`${id}-heading`}>{t("heading")}</h2>
      <p>{t("intro", { currency: account.currency })}</p>
      {candidates.isPending ? (
        <p role="status" className="muted">
          {t("loading")}
        </p>
      ) : others.length === 0 ? (
        <p className="muted">
          {t("noOthers", { currency: account.currency })} <Link href="/accounts/open">{t("openWallet")}</Link>
        </p>
      ) : (
        <form onSubmit={submit} className={styles.transferForm} noValidate>
          <div className={forms.field}>
            <label className={forms.label} htmlFor={`${id}-from`}>
              {t("from")}
            </label>
            <select
              id={`${id}-from`}
              className={forms.control}
              value={fromId}
              onChange={(event) => {
                setFromId(event.target.value);
                if (event.target.value === effectiveTo) setToId("");
              }}
            >
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {accountLabel(a)}
                </option>
              ))}
            </select>
          </div>
          <div className={forms.field}>
            <label className={forms.label} htmlFor={`${id}-to`}>
              {t("to")}
            </label>
            <select
              id={`${id}-to`}
              className={forms.control}
              value={effectiveTo}
              onChange={(event) => setToId(event.target.value)}
              aria-invalid={toProblem ? true : undefined}
              aria-describedby={toProblem ? `${id}-to-error` : undefined}
            >
              {accounts
                .filter((a) => String(a.id) !== fromId)
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {accountLabel(a)}
                  </option>
                ))}
            </select>
            <FieldMessage id={`${id}-to-error`} message={toProblem} />
          </div>
          <div className={forms.field}>
            <label className={forms.label} htmlFor={`${id}-amount`}>
              {t("amount", { currency: account.currency })}
            </label>
            <input
              id={`${id}-amount`}
              className={forms.control}
              inputMode="decimal"
              autoComplete="off"
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
              aria-invalid={amountProblem ? true : undefined}
              aria-describedby={`${id}-amount-hint${amountProblem ? ` ${id}-amount-error` : ""}`}
            />
            <p id={`${id}-amount-hint`} className={forms.hint}>
              {t("amountHint")}
            </p>
            <FieldMessage id={`${id}-amount-error`} message={amountProblem} />
          </div>
          <div className={`${forms.actions} ${styles.transferActions}`}>
            <button type="submit" className="button" disabled={transfer.isPending}>
              {t("submit")}
            </button>
          </div>
          {general ? (
            <p role="alert" className={`alert ${styles.transferWide}`}>
              {general.sentence}
              {general.reference ? ` ${general.reference}` : ""}
              {transfer.error && isRetryable(transfer.error) ? ` ${t("retryHint")}` : ""}
            </p>
          ) : null}
        </form>
      )}
      <p role="status" className={done ? shared.notice : undefined}>
        {done
          ? t("done", { amount: money(done.amount), from: done.fromLabel, to: done.toLabel })
          : transfer.isPending
            ? t("moving")
            : ""}
      </p>
    </section>
  );
}
