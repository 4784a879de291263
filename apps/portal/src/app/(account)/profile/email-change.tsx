"use client";

import { confirmEmailChangeInput, requestEmailChangeInput, type StepUpInput } from "@brokerage/validators";
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
 * The e-mail change: the new address (the password is asked for inline when the last one
 * was entered more than 5 minutes ago), then the code sent there.
 */
export function EmailChange({ email, verified, pending }: { email: string; verified: boolean; pending: string | null }) {
  const t = useTranslations("profile.email");
  const trpc = useTRPC();
  const router = useRouter();
  const [sentTo, setSentTo] = useState<string | null>(pending);
  const [changedTo, setChangedTo] = useState<string | null>(null);
  const request = useMutation(trpc.profile.requestEmailChange.mutationOptions());
  const confirm = useMutation(trpc.profile.confirmEmailChange.mutationOptions());
  const reauth = useReauthRetry(3);
  const requestForm = useZodForm(requestEmailChangeInput, { newEmail: "" });
  const stepUp = useStepUp({ onRefusal: requestForm.showRefusal });
  const codeForm = useZodForm(confirmEmailChangeInput, { code: "" }, { fieldOfCode: CODE_FIELD });

  async function ask(values: { newEmail: string }): Promise<void> {
    const send = async (confirmation: StepUpInput | undefined) => {
      const answer = await request.mutateAsync({ ...values, stepUp: confirmation });
      setChangedTo(null);
      codeForm.reset();
      setSentTo(answer.newEmail);
    };
    try {
      await send(undefined);
    } catch (error) {
      // The password is asked for inline, then the same request is sent again.
      if (reauth.guard(error, () => void ask(values).catch(requestForm.showRefusal))) return;
      // Then the step-up confirmation (issue 16), which sends it again with the code.
      if (stepUp.guard(error, send)) return;
      throw error;
    }
  }

  return (
    <section className="stack" aria-labelledby="profile-email-title">
      <h2 id="profile-email-title">{t("title")}</h2>
      <p>
        {t("current", { email })} {verified ? null : t("unverified")}
      </p>
      {changedTo ? (
        <FormSuccess>
          <p>{t("changed", { email: changedTo })}</p>
        </FormSuccess>
      ) : null}
      {reauth.active ? (
        reauth.prompt
      ) : stepUp.active ? (
        stepUp.prompt
      ) : sentTo ? (
        <Form
          form={codeForm}
          aria-labelledby="profile-email-title"
          onSubmit={async (values) => {
            const done = await confirm.mutateAsync(values);
            setSentTo(null);
            requestForm.reset();
            setChangedTo(done.email);
            router.refresh();
          }}
        >
          <p role="status">{t("sent", { email: sentTo })}</p>
          <CodeField id="profile-email-code" name="code" label={t("code")} hint={t("codeHint")} digits={6} maxLength={6} required />
          <div className={formStyles.actions}>
            <SubmitButton label={t("confirm")} pendingLabel={t("confirming")} />
            <button type="button" className="button button--secondary" onClick={() => setSentTo(null)}>
              {t("other")}
            </button>
          </div>
        </Form>
      ) : (
        <Form form={requestForm} aria-labelledby="profile-email-title" onSubmit={ask}>
          <TextField
            id="profile-new-email"
            name="newEmail"
            type="email"
            label={t("newEmail")}
            hint={t("newEmailHint")}
            autoComplete="email"
            spellCheck={false}
            required
            maxLength={254}
          />
          <div className={formStyles.actions}>
            <SubmitButton label={t("submit")} pendingLabel={t("pending")} />
          </div>
        </Form>
      )}
    </section>
  );
}
