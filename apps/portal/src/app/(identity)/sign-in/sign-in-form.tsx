"use client";

import { signInCodeStep, signInPasswordStep, type LoginOtpChannel } from "@brokerage/validators";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { signInAction } from "~/app/actions/sign-in";
import { CodeField, Form, SubmitButton, TextField, untilNavigated, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";

type CodeStep = {
  kind: "otp";
  channel: LoginOtpChannel;
  channels: LoginOtpChannel[];
  /** Where the last SMS code went ("•••• 5678"), when one was sent by this form. */
  smsSentTo: string | null;
  /** A resend asked for just now: its outcome is announced. */
  resent: boolean;
};
type Step = { kind: "password" } | CodeStep;

const FIELD_OF_CODE = { INVALID_OTP_CODE: "otpCode" } as const;
const CHANNELS = new Set<string>(["totp", "sms", "recovery"]);

/** The second step the server's OTP_REQUIRED describes (older servers: the app and recovery codes). */
function codeStepOf(details: Record<string, unknown> | null, resent = false): CodeStep {
  const listed = Array.isArray(details?.otpChannels) ? details.otpChannels.filter((c): c is LoginOtpChannel => CHANNELS.has(c as string)) : [];
  const channels = listed.length > 0 ? listed : (["totp", "recovery"] as LoginOtpChannel[]);
  const preferred = details?.otpDefaultChannel as LoginOtpChannel | undefined;
  return {
    kind: "otp",
    channels,
    channel: preferred && channels.includes(preferred) ? preferred : channels[0]!,
    smsSentTo: details?.smsSent === true && typeof details.smsSentTo === "string" ? details.smsSentTo : null,
    resent,
  };
}

/**
 * E-mail and password; when the account has two-factor authentication the server
 * answers OTP_REQUIRED with the channels it offers (authenticator app, text message,
 * recovery code) and, when text messages come first, has already sent the code. The form
 * then asks for the code, keeping the e-mail and password it already has.
 */
export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("signIn");
  const [step, setStep] = useState<Step>({ kind: "password" });
  const [sending, setSending] = useState(false);
  // A wrong code's sentence names where the code came from (the catalog's names the app).
  const channel = step.kind === "otp" ? step.channel : null;
  const domainSentence = useCallback(
    (appCode: string) =>
      appCode !== "INVALID_OTP_CODE" ? undefined : channel === "sms" ? t("smsCodeWrong") : channel === "recovery" ? t("recoveryCodeWrong") : undefined,
    [channel, t],
  );
  const form = useZodForm(
    step.kind === "password" ? signInPasswordStep : signInCodeStep,
    { email: "", password: "", otpCode: "" },
    { fieldOfCode: FIELD_OF_CODE, domainSentence },
  );
  const { setFocus, clearErrors, clearAlert, resetField, getValues, showRefusal } = form;

  useEffect(() => {
    if (step.kind === "otp") setFocus("otpCode");
  }, [step, setFocus]);

  function goTo(nextStep: Step) {
    clearErrors();
    clearAlert();
    resetField("otpCode");
    setStep(nextStep);
  }

  /** Asks for a (new) code by text message: the first step again, with the `sms` channel. */
  async function sendSms(from: CodeStep) {
    clearAlert();
    setSending(true);
    try {
      const { email, password } = getValues();
      const result = await signInAction({ email, password, otpChannel: "sms", next });
      if (!result.ok && result.error.data.appCode === "OTP_REQUIRED") {
        const sent = codeStepOf(result.error.data.details, true);
        goTo({ ...from, channel: "sms", smsSentTo: sent.smsSentTo ?? from.smsSentTo, resent: true });
        return;
      }
      if (!result.ok) {
        goTo({ ...from, channel: "sms", resent: false });
        showRefusal(result.error);
      }
    } finally {
      setSending(false);
    }
  }

  const otherChannels = step.kind === "otp" ? step.channels.filter((c) => c !== step.channel) : [];

  return (
    <Form
      form={form}
      aria-labelledby={step.kind === "otp" ? "sign-in-otp-title" : undefined}
      onSubmit={async (values) => {
        const result = await signInAction({ ...values, ...(step.kind === "otp" ? { otpChannel: step.channel } : {}), next });
        // OTP_REQUIRED is not a refusal to show: it moves the form to its second step.
        if (!result.ok && result.error.data.appCode === "OTP_REQUIRED" && step.kind === "password") {
          goTo(codeStepOf(result.error.data.details));
          return;
        }
        if (!result.ok) return result;
        // A full page load: the whole frame (header, banners) and every cached query belong
        // to the new session.
        window.location.assign(result.value.redirectTo);
        return untilNavigated();
      }}
    >
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
          />
          <TextField
            id="sign-in-password"
            name="password"
            type="password"
            label={t("password")}
            autoComplete="current-password"
            required
            maxLength={1024}
          />
        </>
      ) : (
        <>
          <h2 id="sign-in-otp-title">{t("otpTitle")}</h2>
          {step.channel === "recovery" ? (
            <>
              <p>{t("recoveryIntro")}</p>
              <CodeField
                key="recovery"
                id="sign-in-recovery-code"
                name="otpCode"
                label={t("recoveryCode")}
                hint={t("recoveryCodeHint")}
                autoComplete="off"
                autoCapitalize="none"
                required
                maxLength={32}
              />
            </>
          ) : step.channel === "sms" ? (
            <>
              <p>{step.smsSentTo ? t("smsIntro", { phone: step.smsSentTo }) : t("smsIntroEarlier")}</p>
              <CodeField
                key="sms"
                id="sign-in-sms-code"
                name="otpCode"
                label={t("smsCode")}
                hint={t("smsCodeHint")}
                digits={6}
                required
                maxLength={6}
              />
              <p role="status">{step.resent && step.smsSentTo ? t("smsResent", { phone: step.smsSentTo }) : null}</p>
              <p>
                <button type="button" className={formStyles.linkButton} disabled={sending} onClick={() => void sendSms(step)}>
                  {sending ? t("sendingSms") : t("resendSms")}
                </button>
              </p>
            </>
          ) : (
            <>
              <p>{t("otpIntro", { email: form.getValues("email") })}</p>
              <CodeField
                key="totp"
                id="sign-in-otp-code"
                name="otpCode"
                label={t("otpCode")}
                hint={t("otpCodeHint")}
                digits={6}
                required
                maxLength={6}
              />
            </>
          )}
          {otherChannels.map((channel) => (
            <p key={channel}>
              <button
                type="button"
                className={formStyles.linkButton}
                disabled={sending}
                onClick={() => (channel === "sms" ? void sendSms(step) : goTo({ ...step, channel, resent: false }))}
              >
                {channel === "sms" ? t("useSms") : channel === "recovery" ? t("useRecoveryCode") : t("useAppCode")}
              </button>
            </p>
          ))}
        </>
      )}
      <div className={formStyles.actions}>
        <SubmitButton label={t("submit")} pendingLabel={t("pending")} />
        {step.kind === "otp" ? (
          <button type="button" className={formStyles.linkButton} onClick={() => goTo({ kind: "password" })}>
            {t("startOver")}
          </button>
        ) : null}
      </div>
    </Form>
  );
}
