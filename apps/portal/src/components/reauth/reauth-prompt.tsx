"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState, type FormEvent, type ReactNode } from "react";
import { FormAlert } from "~/components/forms/form-messages";
import formStyles from "~/components/forms/forms.module.css";
import { SubmitButton } from "~/components/forms/submit-button";
import { TextField } from "~/components/forms/text-field";
import { useFocusOnError } from "~/components/forms/use-focus-on-error";
import { useFormErrors } from "~/components/forms/use-form-errors";
import { appCodeOf } from "~/trpc/error-info";
import { useTRPC } from "~/trpc/react";

/**
 * Asks for the password inline (session.reauthenticate) and then runs `onConfirmed`, the
 * change that came back REAUTH_REQUIRED.
 */
export function ReauthPrompt({
  onConfirmed,
  onCancel,
  headingLevel = 3,
}: {
  onConfirmed: () => void;
  onCancel: () => void;
  /** The prompt's heading level where it appears (2 directly under the page's h1). */
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const t = useTranslations("reauth");
  const trpc = useTRPC();
  const formRef = useRef<HTMLFormElement>(null);
  const confirm = useMutation(trpc.session.reauthenticate.mutationOptions({ onSuccess: onConfirmed }));
  const errors = useFormErrors(confirm.error);
  useFocusOnError(formRef, confirm.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    confirm.mutate({ password: String(new FormData(event.currentTarget).get("password") ?? "") });
  }

  return (
    <form ref={formRef} method="post" className={formStyles.form} onSubmit={submit} aria-labelledby="reauth-title">
      <Heading id="reauth-title">{t("title")}</Heading>
      <p>{t("intro")}</p>
      <FormAlert alert={errors.alert} />
      <TextField
        id="reauth-password"
        name="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
        maxLength={1024}
        autoFocus
        error={errors.fields.password}
      />
      <div className={formStyles.actions}>
        <SubmitButton pending={confirm.isPending} label={t("submit")} pendingLabel={t("pending")} />
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={confirm.isPending}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

/**
 * For a screen whose changes may answer REAUTH_REQUIRED: `guard(error, retry)` shows the
 * password prompt instead of the error and, once confirmed, runs `retry`.
 */
export function useReauthRetry(headingLevel: 2 | 3 = 3): {
  guard: (error: unknown, retry: () => void) => boolean;
  prompt: ReactNode;
  active: boolean;
} {
  const [retry, setRetry] = useState<{ run: () => void } | null>(null);
  const guard = useCallback((error: unknown, run: () => void) => {
    if (appCodeOf(error) !== "REAUTH_REQUIRED") return false;
    setRetry({ run });
    return true;
  }, []);
  const prompt = retry ? (
    <ReauthPrompt
      onConfirmed={() => {
        setRetry(null);
        retry.run();
      }}
      onCancel={() => setRetry(null)}
      headingLevel={headingLevel}
    />
  ) : null;
  return { guard, prompt, active: retry !== null };
}
