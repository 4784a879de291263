"use client";

import type { RouterOutputs } from "@brokerage/api";
import { amountField, withCode, type FieldCode } from "@brokerage/validators";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect } from "react";
import { z } from "zod";
import { AmountField, Form, SelectField, SubmitButton, useZodForm } from "~/components/forms";
import { useTRPC } from "~/trpc/react";
import type { Wallet } from "./convert-view";
import styles from "./convert.module.css";

type Quote = RouterOutputs["conversion"]["quote"];

/**
 * The form's values as its controls hold them (a select's value is a string); the amount is
 * the shared amount schema `conversion.quote` parses. The ids become numbers on the way out.
 */
const quoteForm = z
  .strictObject({
    fromAccountId: z.string().regex(/^\d{1,10}$/, withCode("REQUIRED", "Choose a wallet")),
    toAccountId: z.string().regex(/^\d{1,10}$/, withCode("MUST_DIFFER", "Choose a wallet in another currency")),
    amount: amountField,
  })
  .refine((v) => v.fromAccountId !== v.toAccountId, { path: ["toAccountId"], ...withCode("SAME_ACCOUNT", "Choose two different wallets") });

/** Choose the wallets and the amount; "Get quote" asks the server for a quote (no money moves). */
export function QuoteForm({ wallets, initialFrom, onQuoted }: { wallets: Wallet[]; initialFrom: string; onQuoted: (quote: Quote) => void }) {
  const t = useTranslations("convert");
  const trpc = useTRPC();
  const quote = useMutation(trpc.conversion.quote.mutationOptions());

  const firstFrom = wallets.find((w) => String(w.id) === initialFrom) ?? wallets[0]!;
  const firstTo = wallets.find((w) => w.currency !== firstFrom.currency);

  // The server's field codes (and the schema's) in this form's own words.
  const sentence = useCallback(
    (field: string, code: FieldCode) => {
      if (field === "amount") return code === "TOO_SMALL" ? t("amountTooSmall") : code === "TOO_BIG" ? t("amountTooBig") : t("amountFormat");
      if (field === "fromAccountId" || field === "toAccountId") {
        return code === "SAME_ACCOUNT" ? t("sameWallet") : code === "MUST_DIFFER" || code === "REQUIRED" ? t("sameCurrency") : t("notConvertible");
      }
      return undefined;
    },
    [t],
  );
  const form = useZodForm(quoteForm, { fromAccountId: String(firstFrom.id), toAccountId: String(firstTo?.id ?? ""), amount: "" }, { sentence });

  const fromId = form.watch("fromAccountId");
  const toId = form.watch("toAccountId");
  const from = wallets.find((w) => String(w.id) === fromId) ?? firstFrom;
  const targets = wallets.filter((w) => w.currency !== from.currency);
  const { setValue } = form;
  useEffect(() => {
    // Another source currency: keep the target if it still differs, else take the first that does.
    if (!targets.some((w) => String(w.id) === toId)) setValue("toAccountId", String(targets[0]?.id ?? ""));
  }, [targets, toId, setValue]);

  return (
    <Form
      form={form}
      className={styles.form}
      aria-label={t("title")}
      onSubmit={async (values) => {
        const quoted = await quote.mutateAsync({ fromAccountId: Number(values.fromAccountId), toAccountId: Number(values.toAccountId), amount: values.amount });
        onQuoted(quoted);
      }}
    >
      <SelectField name="fromAccountId" label={t("from")}>
        {wallets.map((w) => (
          <option key={w.id} value={w.id}>
            {t("walletOption", { caption: w.caption, login: w.login, currency: w.currency })}
          </option>
        ))}
      </SelectField>
      <SelectField name="toAccountId" label={t("to")}>
        {targets.map((w) => (
          <option key={w.id} value={w.id}>
            {t("walletOption", { caption: w.caption, login: w.login, currency: w.currency })}
          </option>
        ))}
      </SelectField>
      <AmountField name="amount" label={t("amountIn", { currency: from.currency })} hint={t("amountHint")} />
      <div>
        <SubmitButton label={t("getQuote")} pendingLabel={t("gettingQuote")} />
      </div>
    </Form>
  );
}
