"use client";

import { setPasswordWithLinkInput } from "@brokerage/validators";
import { useTranslations } from "next-intl";
import { Form, SubmitButton, TextField, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import { toFormData } from "~/components/forms/form-data";
import { setStaffPasswordAction } from "./actions";

const FIELD_OF_CODE = {
  PASSWORD_TOO_SHORT: "password",
  PASSWORD_TOO_LONG: "password",
  PASSWORD_TOO_WEAK: "password",
} as const;

/** The new member's password (the customers' rules), twice. */
export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("staff.enrolLink");
  const form = useZodForm(setPasswordWithLinkInput, { token, password: "", passwordConfirmation: "" }, { fieldOfCode: FIELD_OF_CODE });
  return (
    // A success redirects (the action signs the member in and goes on to the enrolment).
    <Form form={form} onSubmit={(values) => setStaffPasswordAction(null, toFormData(values))}>
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
      />
      <TextField
        id="staff-new-password-confirmation"
        name="passwordConfirmation"
        type="password"
        label={t("passwordConfirmation")}
        autoComplete="new-password"
        required
      />
      <div className={formStyles.actions}>
        <SubmitButton label={t("submit")} pendingLabel={t("submitting")} />
      </div>
    </Form>
  );
}
