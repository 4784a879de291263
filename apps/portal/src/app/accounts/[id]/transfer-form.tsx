"use client";

import type { RouterOutputs } from "@brokerage/api";
import { accountTransferForm, type FieldCode } from "@brokerage/validators";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useState } from "react";
import { useWatch } from "react-hook-form";
import { AmountField, Form, SelectField, SubmitButton, useZodForm } from "~/components/forms";
import { detailsOf } from "~/trpc/error-info";
import { isRetryable } from "~/components/forms/attempt-key";
import { useTRPC } from "~/trpc/react";
import shared from "../_components/shared.module.css";
import { formatMoney } from "../_lib/money";
import type { Account } from "./account-data";
import styles from "./account.module.css";

type Transferred = RouterOutputs["accounts"]["transfer"];
type Candidate = RouterOutputs["accounts"]["list"]["items"][number];

const accountLabel = (a: { caption: string; login: number }) => `${a.caption} (${a.login})`;

/** A refusal for lack of money is about the amount: shown there, with the balance available. */
const FIELD_OF_CODE = { INSUFFICIENT_FUNDS: "amount" } as const;

/** Money between two of the customer's own REAL accounts or wallets in this account's currency. */
export function TransferForm({ account }: { account: Account }) {
  const t = useTranslations("accountTransfer");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();

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
  const [done, setDone] = useState<(Transferred & { fromLabel: string; toLabel: string }) | null>(null);
  const transfer = useMutation(trpc.accounts.transfer.mutationOptions());
  const money = (value: string) => formatMoney(value, account.currency, locale);

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
        <TransferFields
          account={account}
          accounts={accounts}
          defaultTo={others[0]!.id}
          retryable={transfer.error ? isRetryable(transfer.error) : false}
          onSubmit={async (input) => {
            setDone(null);
            const result = await transfer.mutateAsync(input);
            const from = accounts.find((a) => a.id === input.fromAccountId);
            const to = accounts.find((a) => a.id === input.toAccountId);
            setDone({ ...result, fromLabel: from ? accountLabel(from) : "", toLabel: to ? accountLabel(to) : "" });
            void queryClient.invalidateQueries({ queryKey: trpc.accounts.live.pathKey() });
          }}
        />
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

function TransferFields({
  account,
  accounts,
  defaultTo,
  retryable,
  onSubmit,
}: {
  account: Account;
  accounts: Candidate[];
  defaultTo: number;
  retryable: boolean;
  onSubmit: (input: { fromAccountId: number; toAccountId: number; amount: string; idempotencyKey: string }) => Promise<void>;
}) {
  const t = useTranslations("accountTransfer");
  const locale = useLocale();
  const sentence = useCallback(
    (field: string, code: FieldCode, refusal: unknown) => {
      if (field === "amount") {
        const available = detailsOf(refusal)?.available;
        return code === "INSUFFICIENT_FUNDS"
          ? t("insufficientFunds", { available: typeof available === "string" ? formatMoney(available, account.currency, locale) : "" })
          : t("amountFormat");
      }
      if (field === "toAccountId" || field === "fromAccountId") return code === "SAME_ACCOUNT" ? t("sameAccount") : t("notTransferable");
      return undefined;
    },
    [t, account.currency, locale],
  );
  const form = useZodForm(
    accountTransferForm,
    { fromAccountId: String(account.id), toAccountId: String(defaultTo), amount: "" },
    { fieldOfCode: FIELD_OF_CODE, sentence },
  );
  const { setValue, getValues } = form;
  const fromId = useWatch({ control: form.control, name: "fromAccountId" });

  // "To" never offers the account money comes from: choosing it as "From" moves "To" on.
  useEffect(() => {
    if (getValues("toAccountId") !== fromId) return;
    const next = fromId === String(account.id) ? accounts.find((a) => a.id !== account.id)?.id : account.id;
    setValue("toAccountId", next === undefined ? "" : String(next));
  }, [fromId, account.id, accounts, getValues, setValue]);

  return (
    <Form
      form={form}
      className={styles.transferForm}
      onSubmit={async (values, { attemptKey }) => {
        await onSubmit({ ...values, idempotencyKey: attemptKey });
        form.reset({ ...getValues(), amount: "" });
      }}
    >
      <SelectField name="fromAccountId" label={t("from")}>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {accountLabel(a)}
          </option>
        ))}
      </SelectField>
      <SelectField name="toAccountId" label={t("to")}>
        {accounts
          .filter((a) => String(a.id) !== fromId)
          .map((a) => (
            <option key={a.id} value={a.id}>
              {accountLabel(a)}
            </option>
          ))}
      </SelectField>
      <AmountField name="amount" label={t("amount", { currency: account.currency })} hint={t("amountHint")} />
      <div className={styles.transferActions}>
        <SubmitButton label={t("submit")} pendingLabel={t("submit")} />
      </div>
      {retryable ? <p className={`small ${styles.transferWide}`}>{t("retryHint")}</p> : null}
    </Form>
  );
}
