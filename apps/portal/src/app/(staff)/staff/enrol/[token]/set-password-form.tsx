"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert } from "~/components/forms/form-messages";
import formStyles from "~/components/forms/forms.module.css";
import { SubmitButton } from "~/components/forms/submit-button";
import { TextField } from "~/components/forms/text-field";
import { useFormErrors } from "~/components/forms/use-form-errors";
import { setStaffPasswordAction } from "./actions";

const FIELD_OF_CODE = {
  PASSWORD_TOO_SHORT: "password",
  PASSWORD_TOO_LONG: "password",
  PASSWORD_TOO_WEAK: "password",
} as const;

/** The new member's password (the customers' rules), twice. */
export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("staff.enrolLink");
  const [state, action, pending] = useActionState(setStaffPasswordAction, null);
  const errors = useFormErrors(state && !state.ok ? state.error : null, FIELD_OF_CODE);
  return (
    <form action={action} className={formStyles.form}>
      <FormAlert alert={errors.alert} />
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account the new password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <TextField
        id="staff-new-password"
        name="password"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        autoComplete="new-password"
        required
        error={errors.fields.password}
      />
      <TextField
        id="staff-new-password-confirmation"
        name="passwordConfirmation"
        type="password"
        label={t("passwordConfirmation")}
        autoComplete="new-password"
        required
        error={errors.fields.passwordConfirmation}
      />
      <div className={formStyles.actions}>
        <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
      </div>
    </form>
  );
}
