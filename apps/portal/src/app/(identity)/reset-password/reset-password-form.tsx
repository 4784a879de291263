"use client";

import { resetPasswordInput } from "@brokerage/validators";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { CodeField, Form, SubmitButton, TextField, untilNavigated, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import { appCodeOf } from "~/trpc/error-info";
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
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  // The code field appears when the server asks for it (OTP_REQUIRED) and stays.
  const form = useZodForm(resetPasswordInput, { email, code: "", password: "", passwordConfirmation: "" }, { fieldOfCode: FIELD_OF_CODE });
  // An account with two-factor needs a current code (or a recovery code) too.
  const [askOtp, setAskOtp] = useState(false);
  const { setFocus } = form;
  useEffect(() => {
    if (askOtp) setFocus("otpCode");
  }, [askOtp, setFocus]);

  return (
    <Form
      form={form}
      onSubmit={async (values) => {
        try {
          await reset.mutateAsync(values);
        } catch (error) {
          if (appCodeOf(error) === "OTP_REQUIRED") setAskOtp(true);
          throw error;
        }
        router.replace("/sign-in?notice=password-reset");
        return untilNavigated();
      }}
    >
      <TextField
        id="reset-email"
        name="email"
        type="email"
        label={t("email")}
        autoComplete="username"
        required
        maxLength={254}
        spellCheck={false}
      />
      <CodeField id="reset-code" name="code" label={t("code")} hint={t("codeHint")} digits={6} maxLength={6} required />
      <TextField
        id="reset-password"
        name="password"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        autoComplete="new-password"
        required
        maxLength={1024}
      />
      <TextField
        id="reset-password-confirmation"
        name="passwordConfirmation"
        type="password"
        label={t("passwordConfirmation")}
        autoComplete="new-password"
        required
        maxLength={1024}
      />
      {askOtp ? (
        <CodeField
          id="reset-otp-code"
          name="otpCode"
          label={t("otpCode")}
          hint={t("otpCodeHint")}
          autoCapitalize="none"
          minLength={6}
          maxLength={32}
          required
        />
      ) : null}
      <div className={formStyles.actions}>
        <SubmitButton label={t("submit")} pendingLabel={t("pending")} />
      </div>
    </Form>
  );
}
