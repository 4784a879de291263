"use client";

import { confirmPhoneChangeInput, requestPhoneChangeForm, type StepUpInput } from "@brokerage/validators";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { CodeField, Form, FormSuccess, SubmitButton, TextField, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import { useReauthRetry } from "~/components/reauth/reauth-prompt";
import { useStepUp } from "~/components/step-up/step-up-prompt";
import { useTRPC } from "~/trpc/react";

const CODE_FIELD = { CODE_INVALID: "code", CODE_EXPIRED: "code" } as const;

/**
 * The phone change: the new number (the password is asked for inline when needed), then
 * the 4-digit code sent to it by text message. The number on file changes only then.
 */
export function PhoneChange({
  phone,
  verified,
  smsOtpEnabled,
  pending,
}: {
  phone: string | null;
  verified: boolean;
  smsOtpEnabled: boolean;
  pending: string | null;
}) {
  const t = useTranslations("profile.phone");
  const trpc = useTRPC();
  const router = useRouter();
  const [sentTo, setSentTo] = useState<string | null>(pending);
  const [changedTo, setChangedTo] = useState<string | null>(null);
  const request = useMutation(trpc.profile.requestPhoneChange.mutationOptions());
  const confirm = useMutation(trpc.profile.confirmPhoneChange.mutationOptions());
  const reauth = useReauthRetry(3);
  const requestForm = useZodForm(requestPhoneChangeForm, { phone: "" });
  const stepUp = useStepUp({ onRefusal: requestForm.showRefusal });
  const codeForm = useZodForm(confirmPhoneChangeInput, { code: "" }, { fieldOfCode: CODE_FIELD });

  async function ask(values: { phone: string }): Promise<void> {
    const send = async (confirmation: StepUpInput | undefined) => {
      const answer = await request.mutateAsync({ ...values, stepUp: confirmation });
      setChangedTo(null);
      codeForm.reset();
      setSentTo(answer.phone);
    };
    try {
      await send(undefined);
    } catch (error) {
      if (reauth.guard(error, () => void ask(values).catch(requestForm.showRefusal))) return;
      // The step-up confirmation (issue 16): the prompt sends the request again with the code.
      if (stepUp.guard(error, send)) return;
      throw error;
    }
  }

  return (
    <section className="stack" aria-labelledby="profile-phone-title">
      <h2 id="profile-phone-title">{t("title")}</h2>
      <p>
        {phone ? t("current", { phone }) : t("none")} {phone && !verified ? t("unverified") : null}
      </p>
      {smsOtpEnabled ? <p>{t("smsSecondFactor")}</p> : null}
      {changedTo ? (
        <FormSuccess>
          <p>{t("changed", { phone: changedTo })}</p>
        </FormSuccess>
      ) : null}
      {reauth.active ? (
        reauth.prompt
      ) : stepUp.active ? (
        stepUp.prompt
      ) : sentTo ? (
        <Form
          form={codeForm}
          aria-labelledby="profile-phone-title"
          onSubmit={async (values) => {
            const done = await confirm.mutateAsync(values);
            setSentTo(null);
            requestForm.reset();
            setChangedTo(done.phone);
            router.refresh();
          }}
        >
          <p role="status">{t("sent", { phone: sentTo })}</p>
          <CodeField id="profile-phone-code" name="code" label={t("code")} hint={t("codeHint")} digits={4} maxLength={4} required />
          <div className={formStyles.actions}>
            <SubmitButton label={t("confirm")} pendingLabel={t("confirming")} />
            <button type="button" className="button button--secondary" onClick={() => setSentTo(null)}>
              {t("other")}
            </button>
          </div>
        </Form>
      ) : (
        <Form form={requestForm} aria-labelledby="profile-phone-title" onSubmit={ask}>
          <TextField
            id="profile-new-phone"
            name="phone"
            type="tel"
            label={t("newPhone")}
            hint={t("newPhoneHint")}
            autoComplete="tel"
            required
            maxLength={32}
          />
          <div className={formStyles.actions}>
            <SubmitButton label={t("submit")} pendingLabel={t("pending")} />
          </div>
        </Form>
      )}
    </section>
  );
}
