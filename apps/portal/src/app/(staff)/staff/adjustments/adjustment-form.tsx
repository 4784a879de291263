"use client";

import { balanceAdjustmentForm } from "@brokerage/validators";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { AmountField, Form, SelectField, SubmitButton, TextField, useZodForm } from "~/components/forms";
import styles from "../staff-pages.module.css";
import { requestAdjustmentAction, type RequestedAdjustment } from "./actions";

/** The maker's form: account, type, amount, reason. The kit gives each attempt its idempotency key. */
export function AdjustmentForm({ defaultAccountId }: { defaultAccountId: string }) {
  const t = useTranslations("staff.adjustments");
  const [made, setMade] = useState<RequestedAdjustment | null>(null);
  const form = useZodForm(balanceAdjustmentForm, { accountId: defaultAccountId, type: "deposit", amount: "", comment: "" });
  return (
    <section aria-labelledby="request-title" className={styles.panel}>
      <h2 id="request-title">{t("formTitle")}</h2>
      <p className="muted">{t("formIntro")}</p>
      <Form
        form={form}
        className={styles.form}
        onSubmit={async (values, { attemptKey }) => {
          setMade(null);
          // The same request sent again after a fault (CORE_NOT_AVAILABLE) keeps its key: the server finishes it at most once.
          const result = await requestAdjustmentAction({ ...values, idempotencyKey: attemptKey });
          if (result.ok) setMade(result.value);
          return result;
        }}
      >
        <TextField name="accountId" label={t("accountId")} hint={t("accountIdHint")} inputMode="numeric" required />
        <SelectField name="type" label={t("type")}>
          <option value="deposit">{t("types.deposit")}</option>
          <option value="withdrawal">{t("types.withdrawal")}</option>
        </SelectField>
        <AmountField name="amount" label={t("amount")} hint={t("amountHint")} required />
        <TextField name="comment" label={t("comment")} hint={t("commentHint")} maxLength={255} required />
        <SubmitButton label={t("submit")} pendingLabel={t("submitting")} />
      </Form>
      {made ? (
        <p role="status" className={styles.success}>
          {made.status === "PENDING"
            ? t("madePending", { amount: made.amount, currency: made.currency, login: made.login })
            : t("madeApplied", { amount: made.amount, currency: made.currency, login: made.login, balance: made.balance ?? "" })}
        </p>
      ) : null}
    </section>
  );
}
