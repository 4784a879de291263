"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { signInAction } from "~/app/actions/sign-in";
import { throwingRefusals } from "~/components/forms/action-mutation";
import { FormAlert } from "~/components/forms/form-messages";
import formStyles from "~/components/forms/forms.module.css";
import { SubmitButton } from "~/components/forms/submit-button";
import { TextField } from "~/components/forms/text-field";
import { useFocusOnError } from "~/components/forms/use-focus-on-error";
import { useFormErrors } from "~/components/forms/use-form-errors";
import { appCodeOf } from "~/trpc/error-info";

type Step =
  { kind: "password" } | { kind: "otp"; email: string; password: string; recovery: boolean };

const FIELD_OF_CODE = { INVALID_OTP_CODE: "otpCode" } as const;

const signIn = throwingRefusals(signInAction);

/**
 * E-mail and password; when the account has two-factor authentication the server
 * answers OTP_REQUIRED and the form asks for the app's code (or a recovery code),
 * keeping the e-mail and password it already has.
 */
export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("signIn");
  const [step, setStep] = useState<Step>({ kind: "password" });
  const formRef = useRef<HTMLFormElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const mutation = useMutation({
    mutationFn: signIn,
    // A full page load: the whole frame (header, banners) and every cached query belong
    // to the new session.
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
  const otpRequired = appCodeOf(mutation.error) === "OTP_REQUIRED";
  // OTP_REQUIRED is not a refusal to show: it moves the form to its second step.
  const errors = useFormErrors(otpRequired ? null : mutation.error, FIELD_OF_CODE);
  useFocusOnError(formRef, otpRequired ? null : mutation.error);

  useEffect(() => {
    if (step.kind === "otp") codeRef.current?.focus();
  }, [step]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (step.kind === "password") {
      const email = String(form.get("email") ?? "");
      const password = String(form.get("password") ?? "");
      mutation.mutate(
        { email, password, next },
        {
          onError: (error) => {
            if (appCodeOf(error) === "OTP_REQUIRED") {
              setStep({ kind: "otp", email, password, recovery: false });
            }
          },
        },
      );
    } else {
      mutation.mutate({
        email: step.email,
        password: step.password,
        otpCode: String(form.get("otpCode") ?? ""),
        next,
      });
    }
  }

  const pending = mutation.isPending || mutation.isSuccess;

  return (
    <form
      ref={formRef}
      method="post"
      className={formStyles.form}
      onSubmit={onSubmit}
      aria-labelledby={step.kind === "otp" ? "sign-in-otp-title" : undefined}
    >
      <FormAlert alert={errors.alert} />
      {step.kind === "password" ? (
        <>
          <TextField
            id="sign-in-email"
            name="email"
            type="email"
            label={t("email")}
            autoComplete="username"
            required
            maxLength={254}
            spellCheck={false}
            error={errors.fields.email}
          />
          <TextField
            id="sign-in-password"
            name="password"
            type="password"
            label={t("password")}
            autoComplete="current-password"
            required
            maxLength={1024}
            error={errors.fields.password}
          />
        </>
      ) : (
        <>
          <h2 id="sign-in-otp-title">{t("otpTitle")}</h2>
          <p>{step.recovery ? t("recoveryIntro") : t("otpIntro", { email: step.email })}</p>
          {step.recovery ? (
            <TextField
              key="recovery"
              id="sign-in-recovery-code"
              name="otpCode"
              label={t("recoveryCode")}
              hint={t("recoveryCodeHint")}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              maxLength={32}
              code
              inputRef={codeRef}
              error={errors.fields.otpCode}
            />
          ) : (
            <TextField
              key="totp"
              id="sign-in-otp-code"
              name="otpCode"
              label={t("otpCode")}
              hint={t("otpCodeHint")}
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              maxLength={6}
              code
              inputRef={codeRef}
              error={errors.fields.otpCode}
            />
          )}
          <p>
            <button
              type="button"
              className={formStyles.linkButton}
              onClick={() => {
                mutation.reset();
                setStep({ ...step, recovery: !step.recovery });
              }}
            >
              {step.recovery ? t("useAppCode") : t("useRecoveryCode")}
            </button>
          </p>
        </>
      )}
      <div className={formStyles.actions}>
        <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("pending")} />
        {step.kind === "otp" ? (
          <button
            type="button"
            className={formStyles.linkButton}
            onClick={() => {
              mutation.reset();
              setStep({ kind: "password" });
            }}
          >
            {t("startOver")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
