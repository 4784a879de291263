"use client";

import { setPreferredCurrencyInput } from "@brokerage/validators";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Form, FormSuccess, SelectField, SubmitButton, useZodForm } from "~/components/forms";
import { useTRPC } from "~/trpc/react";
import styles from "./dashboard.module.css";

/** The profile's preferred currency: the dashboard's total is shown in it. */
export function PreferredCurrencyForm({ current, choices }: { current: string; choices: string[] }) {
  const t = useTranslations("dashboard");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const save = useMutation(
    trpc.customer.setPreferredCurrency.mutationOptions({
      onSuccess() {
        void queryClient.invalidateQueries({ queryKey: trpc.dashboard.summary.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.customer.me.pathKey() });
      },
    }),
  );
  const form = useZodForm(setPreferredCurrencyInput, { currency: current });

  return (
    <section aria-labelledby={`${id}-heading`} className={styles.settings}>
      <h2 id={`${id}-heading`}>{t("currencyHeading")}</h2>
      <Form
        form={form}
        onSubmit={async (values) => {
          save.reset();
          await save.mutateAsync(values);
        }}
      >
        {save.data ? (
          <FormSuccess>
            <p>{t("currencySaved", { currency: save.data.preferredCurrency })}</p>
          </FormSuccess>
        ) : null}
        <SelectField id="preferred-currency" name="currency" label={t("currencyLabel")} hint={t("currencyHint")}>
          {[...new Set([...choices, current])].sort().map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
        <SubmitButton label={t("saveCurrency")} pendingLabel={t("savingCurrency")} />
      </Form>
    </section>
  );
}
