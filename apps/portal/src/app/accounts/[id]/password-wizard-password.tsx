"use client";

// The wizard's last step: the new trading password twice, the policy ticked off as it is typed.
import { checkTradingPasswordRules, newTradingPasswordForm, TRADING_PASSWORD_RULES, type FieldCode } from "@brokerage/validators";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useId, useState, type RefObject } from "react";
import { useWatch } from "react-hook-form";
import { Form, SubmitButton, TextField, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import { appCodeOf } from "~/trpc/error-info";
import { useTRPC } from "~/trpc/react";
import type { Account } from "./account-data";
import styles from "./account.module.css";
import type { StartedFlow } from "./password-wizard-flow";

/** A password the policy refuses is about the password field, not the whole form. */
const FIELD_OF_CODE = { PASSWORD_POLICY: "password" } as const;

export function NewPasswordStep({
  headingRef,
  account,
  flow,
  typeLabel,
  onChanged,
  onCancel,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  account: Account;
  flow: StartedFlow;
  typeLabel: string;
  onChanged: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("accountPassword");
  const trpc = useTRPC();
  const id = useId();
  const [showPasswords, setShowPasswords] = useState(false);
  const change = useMutation(trpc.accounts.passwordWizard.change.mutationOptions());
  const sentence = useCallback(
    (field: string, code: FieldCode) => {
      if (field === "password") return code === "MUST_DIFFER" ? t("mustDiffer") : t("policyProblem");
      if (field === "passwordConfirmation") return t("mismatch");
      return undefined;
    },
    [t],
  );
  const form = useZodForm(newTradingPasswordForm, { password: "", passwordConfirmation: "" }, { fieldOfCode: FIELD_OF_CODE, sentence });
  const password = useWatch({ control: form.control, name: "password" });
  const rules = checkTradingPasswordRules(password);
  // The code was used up or ran out meanwhile: only a new start helps.
  const flowOver = ["CODE_INVALID", "CODE_EXPIRED"].includes(appCodeOf(change.error) ?? "");

  return (
    <Form
      form={form}
      className="stack"
      onSubmit={async (values) => {
        await change.mutateAsync({ accountId: account.id, flowId: flow.uuid, ...values });
        onChanged();
      }}
    >
      <h4 ref={headingRef} tabIndex={-1} className={styles.stepHeading}>
        {t("passwordHeading", { type: typeLabel })}
      </h4>
      <div id={`${id}-policy`} className={styles.policy}>
        <p>{t("policyIntro")}</p>
        <ul>
          {TRADING_PASSWORD_RULES.map((rule) => (
            <li key={rule} className={rules[rule] ? styles.ruleMet : undefined}>
              <span aria-hidden="true">{rules[rule] ? "✓ " : "○ "}</span>
              {t(`policy.${rule}`)}
              <span className="visually-hidden"> {rules[rule] ? t("ruleMet") : t("ruleNotMet")}</span>
            </li>
          ))}
        </ul>
      </div>
      <TextField name="password" type={showPasswords ? "text" : "password"} autoComplete="new-password" label={t("newPassword")} />
      <TextField name="passwordConfirmation" type={showPasswords ? "text" : "password"} autoComplete="new-password" label={t("repeatPassword")} />
      <label className={formStyles.check}>
        <input type="checkbox" checked={showPasswords} onChange={(event) => setShowPasswords(event.target.checked)} />
        {t("showPasswords")}
      </label>
      {flowOver ? <p className="small">{t("startAgainHint")}</p> : null}
      <div className={formStyles.actions}>
        <SubmitButton label={t("changePassword")} pendingLabel={t("changePassword")} />
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {flowOver ? t("startAgain") : t("cancel")}
        </button>
      </div>
    </Form>
  );
}
