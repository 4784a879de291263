"use client";

import { payoutMethodForm, type StepUpInput } from "@brokerage/validators";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { Form, FormAlert, SubmitButton, TextField, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import { useHydrated } from "~/components/forms/use-hydrated";
import { useReauthRetry } from "~/components/reauth/reauth-prompt";
import { useStepUp } from "~/components/step-up/step-up-prompt";
import { useErrorMessage } from "~/i18n/use-error-message";
import { useTRPC } from "~/trpc/react";
import styles from "../money.module.css";

/**
 * The customer's saved bank accounts: each can be removed; a new one is added with IBAN,
 * BIC and the holder (prefilled with the customer's name, which it must be). Both changes
 * need a recent password: asked for inline, then done.
 */
export function PayoutMethods({ holderName, onAdded }: { holderName: string; onAdded: (id: string) => void }) {
  const t = useTranslations("payoutMethods");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useErrorMessage();
  const hydrated = useHydrated();
  const headingId = useId();
  const formId = useId();
  const statusRef = useRef<HTMLDivElement>(null);
  const { data: methods } = useSuspenseQuery(trpc.payoutMethods.list.queryOptions());
  const add = useMutation(trpc.payoutMethods.add.mutationOptions());
  const remove = useMutation(trpc.payoutMethods.remove.mutationOptions());
  const reauth = useReauthRetry(3);
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(payoutMethodForm, { iban: "", bic: "", holderName });
  const stepUp = useStepUp({ onRefusal: form.showRefusal });

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.payoutMethods.list.queryKey() });

  function removeMethod(method: { id: string; ibanMasked: string }) {
    setMessage(null);
    add.reset();
    remove.mutate(
      { payoutMethodId: method.id },
      {
        onSuccess: async () => {
          await refresh();
          setMessage(t("removed", { iban: method.ibanMasked }));
          statusRef.current?.focus();
        },
        onError: (error) => {
          reauth.guard(error, () => removeMethod(method));
        },
      },
    );
  }

  const removeProblem = remove.error && !reauth.active ? describe(remove.error) : undefined;

  return (
    <section aria-labelledby={headingId} className={`${styles.panel} stack`}>
      <h2 id={headingId}>{t("title")}</h2>
      <p className="muted small">{t("intro")}</p>
      <div ref={statusRef} role="status" tabIndex={-1}>
        {message ? <p className={formStyles.success}>{message}</p> : null}
      </div>
      <FormAlert alert={removeProblem} />
      {methods.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <ul className={styles.list} aria-label={t("listLabel")}>
          {methods.map((m) => (
            <li key={m.id} className={styles.item}>
              <span className={styles.itemText}>
                <span>{t("item", { iban: m.ibanMasked, holder: m.holderName })}</span>
                <span className="muted small">{t("bicValue", { bic: m.bic })}</span>
              </span>
              <button
                type="button"
                className="button button--secondary"
                disabled={!hydrated || remove.isPending || reauth.active}
                onClick={() => removeMethod(m)}
              >
                {remove.isPending && remove.variables?.payoutMethodId === m.id ? t("removing") : t("remove")}
                <span className="visually-hidden"> {t("removeWhich", { iban: m.ibanMasked })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {reauth.prompt}
      <h3>{t("addTitle")}</h3>
      <Form
        form={form}
        id={formId}
        aria-label={t("addTitle")}
        onSubmit={async (values) => {
          setMessage(null);
          remove.reset();
          const send = async (confirmation: StepUpInput | undefined) => {
            const made = await add.mutateAsync({ ...values, stepUp: confirmation });
            await refresh();
            form.reset({ iban: "", bic: "", holderName });
            setMessage(t("added", { iban: made.ibanMasked }));
            onAdded(made.id);
          };
          try {
            await send(undefined);
          } catch (error) {
            if (reauth.guard(error, () => (document.getElementById(formId) as HTMLFormElement | null)?.requestSubmit())) return;
            // Asked for a confirmation: the step-up prompt shows, and adds the same account with it.
            if (stepUp.guard(error, send)) return;
            throw error;
          }
        }}
      >
        <TextField name="iban" label={t("iban")} hint={t("ibanHint")} autoComplete="off" spellCheck={false} required maxLength={64} />
        <TextField name="bic" label={t("bic")} autoComplete="off" spellCheck={false} required maxLength={16} />
        <TextField name="holderName" label={t("holderName")} hint={t("holderHint")} autoComplete="name" required maxLength={140} />
        <div className={formStyles.actions}>
          <SubmitButton label={t("submit")} pendingLabel={t("pending")} secondary />
        </div>
      </Form>
      {stepUp.prompt}
    </section>
  );
}
