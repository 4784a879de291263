"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, type FormEvent } from "react";
import { FormAlert, FormSuccess } from "~/components/forms/form-messages";
import formStyles from "~/components/forms/forms.module.css";
import { SubmitButton } from "~/components/forms/submit-button";
import { TextField } from "~/components/forms/text-field";
import { useFocusOnError } from "~/components/forms/use-focus-on-error";
import { useFormErrors } from "~/components/forms/use-form-errors";
import { useTRPC } from "~/trpc/react";

const FIELD_OF_CODE = {
  PASSWORD_TOO_SHORT: "newPassword",
  PASSWORD_TOO_LONG: "newPassword",
  PASSWORD_TOO_WEAK: "newPassword",
} as const;

export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations("changePassword");
  const trpc = useTRPC();
  const formRef = useRef<HTMLFormElement>(null);
  const successRef = useRef<HTMLDivElement>(null);
  const change = useMutation(
    trpc.customer.changePassword.mutationOptions({ onSuccess: () => formRef.current?.reset() }),
  );
  const errors = useFormErrors(change.error, FIELD_OF_CODE);
  useFocusOnError(formRef, change.error);
  useEffect(() => {
    if (change.isSuccess) successRef.current?.focus();
  }, [change.isSuccess]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    change.mutate({
      currentPassword: value("currentPassword"),
      newPassword: value("newPassword"),
      newPasswordConfirmation: value("newPasswordConfirmation"),
    });
  }

  return (
    <form ref={formRef} method="post" className={formStyles.form} onSubmit={onSubmit}>
      <FormAlert alert={errors.alert} />
      {change.isSuccess ? (
        <FormSuccess ref={successRef}>
          <p>{t("changed")}</p>
        </FormSuccess>
      ) : null}
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        id="change-current-password"
        name="currentPassword"
        type="password"
        label={t("currentPassword")}
        autoComplete="current-password"
        required
        maxLength={1024}
        error={errors.fields.currentPassword}
      />
      <TextField
        id="change-new-password"
        name="newPassword"
        type="password"
        label={t("newPassword")}
        hint={t("newPasswordHint")}
        autoComplete="new-password"
        required
        maxLength={1024}
        error={errors.fields.newPassword}
      />
      <TextField
        id="change-new-password-confirmation"
        name="newPasswordConfirmation"
        type="password"
        label={t("newPasswordConfirmation")}
        autoComplete="new-password"
        required
        maxLength={1024}
        error={errors.fields.newPasswordConfirmation}
      />
      <div className={formStyles.actions}>
        <SubmitButton pending={change.isPending} label={t("submit")} pendingLabel={t("pending")} />
      </div>
    </form>
  );
}
