"use client";

import { changePasswordInput } from "@brokerage/validators";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Form, FormSuccess, SubmitButton, TextField, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import { useTRPC } from "~/trpc/react";

const FIELD_OF_CODE = {
  PASSWORD_TOO_SHORT: "newPassword",
  PASSWORD_TOO_LONG: "newPassword",
  PASSWORD_TOO_WEAK: "newPassword",
} as const;

export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations("changePassword");
  const trpc = useTRPC();
  const successRef = useRef<HTMLDivElement>(null);
  const change = useMutation(trpc.customer.changePassword.mutationOptions());
  const form = useZodForm(
    changePasswordInput,
    { currentPassword: "", newPassword: "", newPasswordConfirmation: "" },
    { fieldOfCode: FIELD_OF_CODE },
  );
  useEffect(() => {
    if (change.isSuccess) successRef.current?.focus();
  }, [change.isSuccess]);

  return (
    <Form
      form={form}
      onSubmit={async (values) => {
        change.reset();
        await change.mutateAsync(values);
        form.reset();
      }}
    >
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
      />
      <TextField
        id="change-new-password-confirmation"
        name="newPasswordConfirmation"
        type="password"
        label={t("newPasswordConfirmation")}
        autoComplete="new-password"
        required
        maxLength={1024}
      />
      <div className={formStyles.actions}>
        <SubmitButton label={t("submit")} pendingLabel={t("pending")} />
      </div>
    </Form>
  );
}
