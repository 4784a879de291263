"use client";

import { otpCodeInput } from "@brokerage/validators";
import { CodeField, Form, SubmitButton, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";

const FIELD_OF_CODE = { INVALID_OTP_CODE: "code" } as const;

/** One code and one button: regenerating recovery codes, turning two-factor off. */
export function OtpCodeForm({
  id,
  label,
  submitLabel,
  pendingLabel,
  acceptsRecoveryCode,
  onSubmit,
}: {
  id: string;
  label: string;
  submitLabel: string;
  pendingLabel: string;
  acceptsRecoveryCode: boolean;
  /** Sends the code; a refusal it throws lands on the form. */
  onSubmit: (code: string) => Promise<unknown>;
}) {
  const form = useZodForm(otpCodeInput, { code: "" }, { fieldOfCode: FIELD_OF_CODE });
  return (
    <Form form={form} onSubmit={(values) => onSubmit(values.code)}>
      <CodeField
        id={id}
        name="code"
        label={label}
        digits={acceptsRecoveryCode ? undefined : 6}
        autoComplete={acceptsRecoveryCode ? "off" : "one-time-code"}
        autoCapitalize="none"
        minLength={6}
        maxLength={acceptsRecoveryCode ? 32 : 6}
        required
      />
      <div className={formStyles.actions}>
        <SubmitButton label={submitLabel} pendingLabel={pendingLabel} secondary />
      </div>
    </Form>
  );
}
