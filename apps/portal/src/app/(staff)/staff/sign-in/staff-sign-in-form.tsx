"use client";

import { signInCodeStep, signInPasswordStep } from "@brokerage/validators";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { CodeField, Form, SubmitButton, TextField, untilNavigated, useZodForm } from "~/components/forms";
import { staffSignInAction } from "./actions";

const FIELD_OF_CODE = { INVALID_OTP_CODE: "otpCode" } as const;
/** Codes whose sentence is the staff page's own (an administrator helps staff, not support). */
const STAFF_SENTENCES = new Set(["FORBIDDEN", "OTP_NOT_CONFIGURED"]);

/**
 * E-mail and password, then (staff always have two-factor sign-in once enrolled) the code
 * of the authenticator app or a recovery code, keeping the e-mail and password. A member
 * who has not enrolled yet goes straight on to the enrolment.
 */
export function StaffSignInForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations("staff.signIn");
  const [codeStep, setCodeStep] = useState(false);
  const domainSentence = useCallback(
    (appCode: string) => (STAFF_SENTENCES.has(appCode) ? t(`errors.${appCode as "FORBIDDEN" | "OTP_NOT_CONFIGURED"}`) : undefined),
    [t],
  );
  const form = useZodForm(codeStep ? signInCodeStep : signInPasswordStep, { email: "", password: "", otpCode: "" }, {
    fieldOfCode: FIELD_OF_CODE,
    domainSentence,
  });
  const { setFocus } = form;
  useEffect(() => {
    if (codeStep) setFocus("otpCode");
  }, [codeStep, setFocus]);

  return (
    <Form
      form={form}
      onSubmit={async (values) => {
        const result = await staffSignInAction({ ...values, returnTo });
        // OTP_REQUIRED is not a refusal to show: it adds the code field.
        if (!result.ok && result.error.data.appCode === "OTP_REQUIRED" && !codeStep) {
          form.clearAlert();
          setCodeStep(true);
          return;
        }
        if (!result.ok) return result;
        // A full page load: the staff frame and every cached query belong to the new session.
        window.location.assign(result.value.redirectTo);
        return untilNavigated();
      }}
    >
      <TextField id="staff-email" name="email" type="email" label={t("email")} autoComplete="username" required maxLength={254} spellCheck={false} />
      <TextField id="staff-password" name="password" type="password" label={t("password")} autoComplete="current-password" required maxLength={1024} />
      {codeStep ? (
        <CodeField
          id="staff-otp"
          name="otpCode"
          label={t("otpCode")}
          hint={t("otpHint")}
          autoCapitalize="none"
          required
          maxLength={32}
        />
      ) : null}
      <SubmitButton label={t("submit")} pendingLabel={t("submitting")} />
    </Form>
  );
}
