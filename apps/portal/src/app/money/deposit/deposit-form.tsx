"use client";

import { depositForm, type FieldCode } from "@brokerage/validators";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { useWatch } from "react-hook-form";
import { formatMoney } from "~/app/accounts/_lib/money";
import { AmountField, Form, SelectField, SubmitButton, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import { useTRPC } from "~/trpc/react";
import type { MoneyAccount } from "../_lib/money-accounts";
import { moneyDetailsOf } from "../_lib/refusal-details";

const FIELD_OF_CODE = { LIMIT_EXCEEDED: "amount" } as const;

/**
 * Account and amount, then "Continue to payment": the deposit is created (with the
 * attempt's key, so a retried click makes one) and the browser goes to the provider's page.
 */
export function DepositForm({
  accounts,
  limits,
  initialAccountId,
  goTo = (url) => window.location.assign(url),
}: {
  accounts: MoneyAccount[];
  limits: Record<string, { min: string; max: string }>;
  initialAccountId: string;
  /** Leaves for the provider's page (a full navigation: it is another site in production). */
  goTo?: (url: string) => void;
}) {
  const t = useTranslations("moneyDeposit");
  const ts = useTranslations("moneyShared");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.deposits.create.mutationOptions());
  const [redirecting, setRedirecting] = useState(false);

  const sentence = useCallback(
    (_field: string, code: FieldCode, refusal: unknown) => {
      const details = moneyDetailsOf(refusal);
      if (!details.limit || !details.currency) return undefined;
      const limit = formatMoney(details.limit, details.currency, locale);
      if (code === "BELOW_MINIMUM") return ts("belowMinimum", { limit });
      if (code === "ABOVE_MAXIMUM") return ts("aboveMaximum", { limit });
      return undefined;
    },
    [locale, ts],
  );
  const form = useZodForm(
    depositForm,
    { accountId: initialAccountId, amount: "" },
    // The limits' refusal is about the amount: shown there, with the limit, not on top.
    { sentence, fieldOfCode: FIELD_OF_CODE },
  );
  const accountId = useWatch({ control: form.control, name: "accountId" });
  const account = accounts.find((a) => String(a.id) === accountId);
  const range = account ? limits[account.currency] : undefined;

  return (
    <Form
      form={form}
      onSubmit={async (values, { attemptKey }) => {
        const deposit = await create.mutateAsync({ ...values, idempotencyKey: attemptKey });
        setRedirecting(true);
        if (deposit.paymentPageUrl) goTo(deposit.paymentPageUrl);
        else router.push(`/money/deposits/${deposit.id}`);
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
          account && range
            ? t("amountHint", { min: formatMoney(range.min, account.currency, locale), max: formatMoney(range.max, account.currency, locale) })
            : t("amountHintNoAccount")
        }
        required
        maxLength={20}
      />
      <div className={formStyles.actions}>
        {redirecting ? (
          <SubmitButton pending label={t("submit")} pendingLabel={t("redirecting")} />
        ) : (
          <SubmitButton label={t("submit")} pendingLabel={t("pending")} />
        )}
      </div>
      <p role="status" className="muted small">
        {redirecting ? t("redirecting") : ""}
      </p>
    </Form>
  );
}
