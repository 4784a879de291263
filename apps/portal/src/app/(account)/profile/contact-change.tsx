"use client";

import type { StepUpInput } from "@brokerage/validators";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import type { DefaultValues, FieldValues } from "react-hook-form";
import type { z } from "zod";
import { CodeField, Form, FormSuccess, SubmitButton, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import { useReauthRetry } from "~/components/reauth/reauth-prompt";
import { useStepUp } from "~/components/step-up/step-up-prompt";

const CODE_FIELD = { CODE_INVALID: "code", CODE_EXPIRED: "code" } as const;

/**
 * A change of the e-mail address or the phone number (the profile page): the new one
 * (the password is asked for inline when the last one was entered more than 5 minutes
 * ago, then the step-up confirmation), then the code sent to it. The address or number on
 * file changes only then. Texts: `profile.email` / `profile.phone`, whose `sent` and
 * `changed` sentences take the address or number under the kind's name.
 */
export function ContactChange<S extends z.ZodType<FieldValues, FieldValues>, C extends z.ZodType<{ code: string }, FieldValues>>({
  kind,
  about,
  pending,
  requestSchema,
  requestDefaults,
  requestField,
  sendRequest,
  codeSchema,
  codeDigits,
  confirmCode,
}: {
  kind: "email" | "phone";
  /** What is on file now, above the forms. */
  about: ReactNode;
  /** Where a code was sent earlier and is still waiting. */
  pending: string | null;
  requestSchema: S;
  requestDefaults: DefaultValues<z.input<S>>;
  /** The field of the new address or number (inside the request form). */
  requestField: ReactNode;
  /** Sends the request (again with the confirmation when one is asked for); answers where the code went. */
  sendRequest: (values: z.output<S>, stepUp: StepUpInput | undefined) => Promise<string>;
  codeSchema: C;
  codeDigits: number;
  /** Confirms the code; answers the new address or number. */
  confirmCode: (values: z.output<C>) => Promise<string>;
}) {
  const t = useTranslations(`profile.${kind}`) as unknown as (key: string, values?: Record<string, string>) => string;
  const router = useRouter();
  const titleId = `profile-${kind}-title`;
  const [sentTo, setSentTo] = useState<string | null>(pending);
  const [changedTo, setChangedTo] = useState<string | null>(null);
  const reauth = useReauthRetry(3);
  const requestForm = useZodForm(requestSchema, requestDefaults);
  const stepUp = useStepUp({ onRefusal: requestForm.showRefusal });
  const codeForm = useZodForm(codeSchema, { code: "" } as DefaultValues<z.input<C>>, { fieldOfCode: CODE_FIELD as never });

  async function ask(values: z.output<S>): Promise<void> {
    const send = async (confirmation: StepUpInput | undefined) => {
      const to = await sendRequest(values, confirmation);
      setChangedTo(null);
      codeForm.reset();
      setSentTo(to);
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
    <section className="stack" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("title")}</h2>
      {about}
      {changedTo ? (
        <FormSuccess>
          <p>{t("changed", { [kind]: changedTo })}</p>
        </FormSuccess>
      ) : null}
      {reauth.active ? (
        reauth.prompt
      ) : stepUp.active ? (
        stepUp.prompt
      ) : sentTo ? (
        <Form
          form={codeForm}
          aria-labelledby={titleId}
          onSubmit={async (values) => {
            const changed = await confirmCode(values);
            setSentTo(null);
            requestForm.reset();
            setChangedTo(changed);
            router.refresh();
          }}
        >
          <p role="status">{t("sent", { [kind]: sentTo })}</p>
          <CodeField id={`profile-${kind}-code`} name="code" label={t("code")} hint={t("codeHint")} digits={codeDigits} maxLength={codeDigits} required />
          <div className={formStyles.actions}>
            <SubmitButton label={t("confirm")} pendingLabel={t("confirming")} />
            <button type="button" className="button button--secondary" onClick={() => setSentTo(null)}>
              {t("other")}
            </button>
          </div>
        </Form>
      ) : (
        <Form form={requestForm} aria-labelledby={titleId} onSubmit={ask}>
          {requestField}
          <div className={formStyles.actions}>
            <SubmitButton label={t("submit")} pendingLabel={t("pending")} />
          </div>
        </Form>
      )}
    </section>
  );
}
