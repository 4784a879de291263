"use client";

import { enableSmsFactorInput, type StepUpInput } from "@brokerage/validators";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { CodeField, Form, SubmitButton, useZodForm } from "~/components/forms";
import { FormAlert, useRefusalAlert } from "~/components/forms/form-messages";
import formStyles from "~/components/forms/forms.module.css";
import { useHydrated } from "~/components/forms/use-hydrated";
import { useReauthRetry } from "~/components/reauth/reauth-prompt";
import { useStepUp } from "~/components/step-up/step-up-prompt";
import { useTRPC } from "~/trpc/react";
import { RecoveryCodesPanel } from "./recovery-codes-panel";
import styles from "./security.module.css";

export interface SmsFactorStatus {
  smsOtpEnabled: boolean;
  totpEnabled: boolean;
  phone: string | null;
  phoneVerified: boolean;
  defaultFactor: "TOTP" | "SMS" | null;
  recoveryCodesLeft: number;
}

const FIELD_OF_CODE = { CODE_INVALID: "code", CODE_EXPIRED: "code" } as const;

/**
 * Sign-in codes by text message, beside the authenticator app: turned on with a code sent
 * to the verified phone, off again, and which factor comes first when both are on. Every
 * change asks for the password inline when the last one is older than 5 minutes. With
 * text messages as the only factor, turning them off (two-factor off) and new recovery
 * codes are confirmed by a code sent to the phone (the shared step-up prompt).
 */
export function SmsFactorSettings({ status, account, issuer }: { status: SmsFactorStatus; account: string; issuer: string }) {
  const t = useTranslations("security.sms");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const statusRef = useRef<HTMLDivElement>(null);
  const reauth = useReauthRetry();
  const [codeSentTo, setCodeSentTo] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [recoveryIntro, setRecoveryIntro] = useState("");

  const send = useMutation(trpc.smsFactor.sendSetupCode.mutationOptions());
  const enable = useMutation(trpc.smsFactor.enable.mutationOptions());
  const disable = useMutation(trpc.smsFactor.disable.mutationOptions());
  const setDefault = useMutation(trpc.smsFactor.setDefault.mutationOptions());
  const regenerate = useMutation(trpc.otp.regenerateRecoveryCodes.mutationOptions());
  const [confirmRefusal, setConfirmRefusal] = useState<unknown>(null);
  const stepUp = useStepUp({ onRefusal: setConfirmRefusal });
  const sendAlert = useRefusalAlert(send.error);
  const disableAlert = useRefusalAlert(disable.error ?? regenerate.error ?? confirmRefusal);
  const defaultAlert = useRefusalAlert(setDefault.error);
  const form = useZodForm(enableSmsFactorInput, { code: "" }, { fieldOfCode: FIELD_OF_CODE });

  function done(message: string) {
    setNotice(message);
    setCodeSentTo(null);
    router.refresh();
    requestAnimationFrame(() => statusRef.current?.focus());
  }

  function sendCode() {
    setNotice(null);
    send.reset();
    send.mutate(undefined, {
      onSuccess: (data) => setCodeSentTo(data.sentTo),
      onError: (error) => void reauth.guard(error, sendCode),
    });
  }

  /** The operation, then again with the confirmation when it asks for one (step-up) or the password (re-authentication). */
  function confirmedRun(run: (confirmation: StepUpInput | undefined) => Promise<void>, reset: () => void) {
    const start = () => {
      setNotice(null);
      setConfirmRefusal(null);
      reset();
      run(undefined).catch((error: unknown) => {
        if (reauth.guard(error, start)) return;
        if (stepUp.guard(error, run)) reset();
      });
    };
    start();
  }

  const turnOff = () =>
    confirmedRun(async (confirmation) => {
      await disable.mutateAsync(confirmation ? { stepUp: confirmation } : undefined);
      done(t("nowOff"));
    }, disable.reset);

  const newRecoveryCodes = () =>
    confirmedRun(async (confirmation) => {
      const out = await regenerate.mutateAsync(confirmation ? { stepUp: confirmation } : {});
      setRecoveryCodes(out.recoveryCodes);
      setRecoveryIntro(t("codesRegenerated"));
      router.refresh();
    }, regenerate.reset);

  /** Throws the refusal for the form to show (REAUTH_REQUIRED asks for the password and sends again). */
  async function turnOn(values: { code: string }): Promise<void> {
    try {
      const result = await enable.mutateAsync(values);
      if (result.recoveryCodes) {
        setRecoveryCodes(result.recoveryCodes);
        setRecoveryIntro(t("nowOn"));
      }
      done(t("nowOn"));
    } catch (error) {
      const retry = () => void turnOn(values).catch((refusal: unknown) => form.showRefusal(refusal));
      if (reauth.guard(error, retry)) return;
      throw error;
    }
  }

  if (recoveryCodes) {
    return (
      <RecoveryCodesPanel codes={recoveryCodes} intro={recoveryIntro} account={account} issuer={issuer} onDone={() => setRecoveryCodes(null)} />
    );
  }

  return (
    <section aria-labelledby="sms-factor-title" className={`${styles.panel} stack`}>
      <div className={styles.titleRow}>
        <h2 id="sms-factor-title">{t("title")}</h2>
        <span className={status.smsOtpEnabled ? "badge badge--ok" : "badge badge--off"}>{status.smsOtpEnabled ? t("on") : t("off")}</span>
      </div>
      <div ref={statusRef} role="status" tabIndex={-1} className={styles.status}>
        {notice ? <p className={formStyles.success}>{notice}</p> : null}
      </div>
      {reauth.prompt}
      <div hidden={reauth.active} className="stack">
        {status.smsOtpEnabled ? (
          <>
            <p>{t("onIntro", { phone: status.phone ?? "" })}</p>
            {status.totpEnabled ? (
              <>
                <p>{status.defaultFactor === "SMS" ? t("defaultIsSms") : t("defaultIsApp")}</p>
                <FormAlert alert={defaultAlert} />
                <p>
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={!hydrated || setDefault.isPending}
                    onClick={() =>
                      setDefault.mutate(
                        { factor: status.defaultFactor === "SMS" ? "TOTP" : "SMS" },
                        { onSuccess: () => done(t("defaultChanged")) },
                      )
                    }
                  >
                    {status.defaultFactor === "SMS" ? t("preferApp") : t("preferSms")}
                  </button>
                </p>
              </>
            ) : null}
            {!status.totpEnabled ? (
              <section aria-labelledby="sms-recovery-title" className={`${styles.subsection} stack`}>
                <h3 id="sms-recovery-title">{t("recoveryTitle")}</h3>
                <p>{t("recoveryIntro", { count: status.recoveryCodesLeft })}</p>
                <p>
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={!hydrated || regenerate.isPending || stepUp.active}
                    onClick={newRecoveryCodes}
                  >
                    {regenerate.isPending ? t("regenerating") : t("regenerate")}
                  </button>
                </p>
              </section>
            ) : null}
            <FormAlert alert={disableAlert} />
            {stepUp.prompt}
            <p>
              <button type="button" className="button button--secondary" disabled={!hydrated || disable.isPending || stepUp.active} onClick={turnOff}>
                {disable.isPending ? t("pending") : t("turnOff")}
              </button>
            </p>
          </>
        ) : !status.phoneVerified ? (
          <>
            <p>{t("needsPhone")}</p>
            <p>
              <Link href="/verify-phone">{t("verifyPhoneLink")}</Link>
            </p>
          </>
        ) : codeSentTo === null ? (
          <>
            <p>{t("offIntro", { phone: status.phone ?? "" })}</p>
            <FormAlert alert={sendAlert} />
            <p>
              <button type="button" className="button" disabled={!hydrated || send.isPending} onClick={sendCode}>
                {send.isPending ? t("sending") : t("sendCode")}
              </button>
            </p>
          </>
        ) : (
          <Form form={form} aria-labelledby="sms-factor-title" onSubmit={turnOn}>
            <p>{t("codeSent", { phone: codeSentTo })}</p>
            <CodeField id="sms-factor-code" name="code" label={t("code")} hint={t("codeHint")} digits={6} required maxLength={6} />
            <div className={formStyles.actions}>
              <SubmitButton label={t("turnOn")} pendingLabel={t("pending")} />
              <button type="button" className={formStyles.linkButton} disabled={send.isPending} onClick={sendCode}>
                {t("resend")}
              </button>
            </div>
            <FormAlert alert={sendAlert} />
          </Form>
        )}
      </div>
    </section>
  );
}
