"use client";

import type { RouterOutputs } from "@brokerage/api";
import { withdrawalForm, type FieldCode, type StepUpInput } from "@brokerage/validators";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useWatch } from "react-hook-form";
import { formatMoney } from "~/app/accounts/_lib/money";
import { AmountField, Form, FormSuccess, RadioGroupField, SelectField, SubmitButton, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import { useReauthRetry } from "~/components/reauth/reauth-prompt";
import { useStepUp } from "~/components/step-up/step-up-prompt";
import { useTRPC } from "~/trpc/react";
import type { MoneyAccount } from "../_lib/money-accounts";
import styles from "../money.module.css";
import { withdrawalAmountSentence } from "./withdrawal-sentences";

type Requested = RouterOutputs["withdrawals"]["request"];

/** Domain refusals about one field: shown there (with the form's own sentence), not on top. */
const FIELD_OF_CODE = {
  LIMIT_EXCEEDED: "amount",
  INSUFFICIENT_FUNDS: "amount",
} as const;

/**
 * Account, amount (today's limit and what is left shown), destination (a saved bank
 * account; card money goes back to its card first). REAUTH_REQUIRED asks for the password
 * inline, STEP_UP_REQUIRED for a confirmation code (the shared step-up prompt); then the
 * same request goes again.
 */
export function WithdrawalForm({
  accounts,
  initialAccountId,
  addedMethodId,
}: {
  accounts: MoneyAccount[];
  initialAccountId: string;
  addedMethodId: string | null;
}) {
  const t = useTranslations("moneyWithdraw");
  const ts = useTranslations("moneyShared");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formId = useId();
  const successRef = useRef<HTMLDivElement>(null);
  const { data: methods } = useSuspenseQuery(trpc.payoutMethods.list.queryOptions());
  const { data: limits } = useSuspenseQuery(trpc.withdrawals.limits.queryOptions());
  const request = useMutation(trpc.withdrawals.request.mutationOptions());
  const reauth = useReauthRetry(3);
  const [done, setDone] = useState<Requested | null>(null);

  const sentence = useCallback(
    (field: string, code: FieldCode, refusal: unknown) =>
      field === "amount" ? withdrawalAmountSentence((key, values) => ts(key, values), locale, code, refusal) : undefined,
    [locale, ts],
  );
  const form = useZodForm(
    withdrawalForm,
    { accountId: initialAccountId, amount: "", payoutMethodId: methods[0]?.id ?? "" },
    { fieldOfCode: FIELD_OF_CODE, sentence },
  );
  const stepUp = useStepUp({ onRefusal: form.showRefusal });
  const { setValue, getValues } = form;
  const accountId = useWatch({ control: form.control, name: "accountId" });
  const account = accounts.find((a) => String(a.id) === accountId);
  const limit = account ? limits.find((l) => l.currency === account.currency) : undefined;

  // The destination follows the saved accounts: a new one is chosen, a removed one is let go.
  useEffect(() => {
    if (addedMethodId && methods.some((m) => m.id === addedMethodId)) setValue("payoutMethodId", addedMethodId);
  }, [addedMethodId, methods, setValue]);
  useEffect(() => {
    const current = getValues("payoutMethodId");
    if (current && !methods.some((m) => m.id === current)) setValue("payoutMethodId", methods[0]?.id ?? "");
  }, [methods, getValues, setValue]);
  useEffect(() => {
    if (done) successRef.current?.focus();
  }, [done]);

  return (
    <section aria-labelledby={`${formId}-title`} className={`${styles.panel} stack`}>
      <h2 id={`${formId}-title`}>{t("formTitle")}</h2>
      {done ? (
        <FormSuccess ref={successRef}>
          <p>
            {t("requested", {
              amount: formatMoney(done.amount, done.currency, locale),
              login: done.login,
              destination: done.destination.label,
            })}
          </p>
        </FormSuccess>
      ) : null}
      <Form
        form={form}
        id={formId}
        onSubmit={async (values, { attemptKey }) => {
          setDone(null);
          const send = async (confirmation: StepUpInput | undefined) => {
            const made = await request.mutateAsync({ ...values, idempotencyKey: attemptKey, stepUp: confirmation });
            setDone(made);
            form.reset({ ...getValues(), amount: "" });
            await Promise.all([
              queryClient.invalidateQueries({ queryKey: trpc.withdrawals.pathKey() }),
              queryClient.invalidateQueries({ queryKey: trpc.accounts.live.pathKey() }),
            ]);
          };
          try {
            await send(undefined);
          } catch (error) {
            // Asked for the password: the prompt shows, and once confirmed the same form is sent again.
            if (reauth.guard(error, () => (document.getElementById(formId) as HTMLFormElement | null)?.requestSubmit())) return;
            // Asked for a confirmation: the step-up prompt shows, and sends the same request with it.
            if (stepUp.guard(error, send)) return;
            throw error;
          }
        }}
      >
        <SelectField name="accountId" label={ts("account")}>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {ts("accountOption", { caption: a.caption, login: a.login, currency: a.currency })}
            </option>
          ))}
        </SelectField>
        <AmountField
          name="amount"
          label={account ? `${ts("amount")} (${account.currency})` : ts("amount")}
          hint={
            limit && account
              ? t("amountHint", {
                  remaining: formatMoney(limit.remainingToday, account.currency, locale),
                  limit: formatMoney(limit.dailyLimit, account.currency, locale),
                })
              : t("amountHintGeneric")
          }
          required
          maxLength={20}
        />
        {methods.length > 0 ? (
          <RadioGroupField
            name="payoutMethodId"
            legend={t("destination")}
            hint={t("destinationHint")}
            options={methods.map((m) => ({
              value: m.id,
              label: t("bankOption", { iban: m.ibanMasked, holder: m.holderName, bic: m.bic }),
            }))}
          />
        ) : (
          <p className="muted">{t("noBankAccounts")}</p>
        )}
        <div className={formStyles.actions}>
          <SubmitButton label={t("submit")} pendingLabel={t("pending")} />
        </div>
      </Form>
      {reauth.prompt}
      {stepUp.prompt}
    </section>
  );
}
