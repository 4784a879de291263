"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { SelectField } from "~/components/forms/select-field";
import { SubmitButton } from "~/components/forms/submit-button";
import { TextField } from "~/components/forms/text-field";
import { ActionProblem } from "../action-problem";
import styles from "../staff-pages.module.css";
import { requestAdjustmentAction } from "./actions";

/** The maker's form: account, type, amount, reason. Each new form carries a new idempotency key. */
export function AdjustmentForm({ defaultAccountId }: { defaultAccountId: string }) {
  const t = useTranslations("staff.adjustments");
  const [state, action, pending] = useActionState(requestAdjustmentAction, null);
  const [key, setKey] = useState("");
  useEffect(() => {
    // A fresh key once the page is interactive and after each accepted request. After a
    // refusal the key stays: sending the form again (e.g. after CORE_NOT_AVAILABLE) is a
    // repeat of the same request, which the server finishes at most once.
    if (state === null || state.ok) setKey(crypto.randomUUID());
  }, [state]);
  const fields = state && !state.ok ? state.fieldErrors : {};
  return (
    <section aria-labelledby="request-title" className={styles.panel}>
      <h2 id="request-title">{t("formTitle")}</h2>
      <p className="muted">{t("formIntro")}</p>
      <form action={action} className={styles.form} noValidate>
        <input type="hidden" name="idempotencyKey" value={key} />
        <TextField
          id="adjustment-account"
          name="accountId"
          label={t("accountId")}
          hint={t("accountIdHint")}
          inputMode="numeric"
          defaultValue={defaultAccountId}
          required
          error={fields.accountId?.join(" ")}
        />
        <SelectField id="adjustment-type" name="type" label={t("type")} defaultValue="deposit">
          <option value="deposit">{t("types.deposit")}</option>
          <option value="withdrawal">{t("types.withdrawal")}</option>
        </SelectField>
        <TextField
          id="adjustment-amount"
          name="amount"
          label={t("amount")}
          hint={t("amountHint")}
          inputMode="decimal"
          required
          error={fields.amount?.join(" ")}
        />
        <TextField
          id="adjustment-comment"
          name="comment"
          label={t("comment")}
          hint={t("commentHint")}
          maxLength={255}
          required
          error={fields.comment?.join(" ")}
        />
        <SubmitButton
          pending={pending || key === ""}
          label={t("submit")}
          pendingLabel={t("submitting")}
        />
      </form>
      <ActionProblem result={state} prefix={t("refused")} />
      {state?.ok ? (
        <p role="status" className={styles.success}>
          {state.value.status === "PENDING"
            ? t("madePending", {
                amount: state.value.amount,
                currency: state.value.currency,
                login: state.value.login,
              })
            : t("madeApplied", {
                amount: state.value.amount,
                currency: state.value.currency,
                login: state.value.login,
                balance: state.value.balance ?? "",
              })}
        </p>
      ) : null}
    </section>
  );
}
