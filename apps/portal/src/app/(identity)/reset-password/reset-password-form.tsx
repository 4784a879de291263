"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { appCodeOf } from "~/trpc/error-info";
import { FormAlert } from "~/components/forms/form-messages";
import formStyles from "~/components/forms/forms.module.css";
import { SubmitButton } from "~/components/forms/submit-button";
import { TextField } from "~/components/forms/text-field";
import { useFocusOnError } from "~/components/forms/use-focus-on-error";
import { useFormErrors } from "~/components/forms/use-form-errors";
import { useTRPC } from "~/trpc/react";

const FIELD_OF_CODE = {
  CODE_INVALID: "code",
  CODE_EXPIRED: "code",
  PASSWORD_TOO_SHORT: "password",
  PASSWORD_TOO_LONG: "password",
  PASSWORD_TOO_WEAK: "password",
  INVALID_OTP_CODE: "otpCode",
} as const;

/** The code from the e-mail and a new password; then every session ends and the customer signs in again. */
export function ResetPasswordForm({ email }: { email: string }) {
  const t = useTranslations("resetPassword");
  const trpc = useTRPC();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const reset = useMutation(
    trpc.auth.resetPassword.mutationOptions({
      onSuccess: () => router.replace("/sign-in?notice=password-reset"),
    }),
  );
  const errors = useFormErrors(reset.error, FIELD_OF_CODE);
  // An account with two-factor needs a current code (or a recovery code) too: the field
  // appears when the server asks for it (OTP_REQUIRED) and stays.
  const [askOtp, setAskOtp] = useState(false);
  if (!askOtp && appCodeOf(reset.error) === "OTP_REQUIRED") setAskOtp(true);
  useFocusOnError(formRef, reset.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    reset.mutate({
      email: value("email").trim(),
      code: value("code").trim(),
      password: value("password"),
      passwordConfirmation: value("passwordConfirmation"),
      ...(askOtp && value("otpCode").trim() ? { otpCode: value("otpCode").trim() } : {}),
    });
  }

  return (
    <form ref={formRef} method="post" className={formStyles.form} onSubmit={onSubmit}>
      <FormAlert alert={errors.alert} />
      <TextField
        id="reset-email"
        name="email"
        type="email"
        label={t("email")}
        autoComplete="username"
        defaultValue={email}
        required
        maxLength={254}
        spellCheck={false}
        error={errors.fields.email}
      />
      <TextField
        id="reset-code"
        name="code"
        label={t("code")}
        hint={t("codeHint")}
        autoComplete="one-time-code"
        inputMode="numeric"
        maxLength={6}
        required
        code
        error={errors.fields.code}
      />
      <TextField
        id="reset-password"
        name="password"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        autoComplete="new-password"
        required
        maxLength={1024}
        error={errors.fields.password}
      />
      <TextField
        id="reset-password-confirmation"
        name="passwordConfirmation"
        type="password"
        label={t("passwordConfirmation")}
        autoComplete="new-password"
        required
        maxLength={1024}
        error={errors.fields.passwordConfirmation}
      />
      {askOtp ? (
        <TextField
          id="reset-otp-code"
          name="otpCode"
          label={t("otpCode")}
          hint={t("otpCodeHint")}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          minLength={6}
          maxLength={32}
          required
          code
          autoFocus
          error={errors.fields.otpCode}
        />
      ) : null}
      <div className={formStyles.actions}>
        <SubmitButton
          pending={reset.isPending || reset.isSuccess}
          label={t("submit")}
          pendingLabel={t("pending")}
        />
      </div>
    </form>
  );
}
