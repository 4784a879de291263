"use client";

import { useRef, type FormEvent } from "react";
import { FormAlert } from "~/components/forms/form-messages";
import formStyles from "~/components/forms/forms.module.css";
import { SubmitButton } from "~/components/forms/submit-button";
import { TextField } from "~/components/forms/text-field";
import { useFocusOnError } from "~/components/forms/use-focus-on-error";
import { useFormErrors } from "~/components/forms/use-form-errors";

const FIELD_OF_CODE = { INVALID_OTP_CODE: "code" } as const;

/** One code and one button: regenerating recovery codes, turning two-factor off. */
export function OtpCodeForm({
  id,
  label,
  submitLabel,
  pendingLabel,
  acceptsRecoveryCode,
  pending,
  error,
  onSubmit,
}: {
  id: string;
  label: string;
  submitLabel: string;
  pendingLabel: string;
  acceptsRecoveryCode: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (code: string) => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(error, FIELD_OF_CODE);
  useFocusOnError(formRef, error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(String(new FormData(event.currentTarget).get("code") ?? "").trim());
  }

  return (
    <form ref={formRef} method="post" className={formStyles.form} onSubmit={submit}>
      <FormAlert alert={errors.alert} />
      <TextField
        id={id}
        name="code"
        label={label}
        autoComplete={acceptsRecoveryCode ? "off" : "one-time-code"}
        inputMode={acceptsRecoveryCode ? "text" : "numeric"}
        autoCapitalize="none"
        spellCheck={false}
        minLength={6}
        maxLength={acceptsRecoveryCode ? 32 : 6}
        required
        code
        error={errors.fields.code}
      />
      <div className={formStyles.actions}>
        <SubmitButton pending={pending} label={submitLabel} pendingLabel={pendingLabel} secondary />
      </div>
    </form>
  );
}
