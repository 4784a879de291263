"use client";

import { reauthenticateInput } from "@brokerage/validators";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { Form, SubmitButton, TextField, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
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
  const confirm = useMutation(trpc.session.reauthenticate.mutationOptions());
  const form = useZodForm(reauthenticateInput, { password: "" });
  // The prompt appears where the customer was acting: the password field takes the focus.
  const { setFocus } = form;
  useEffect(() => setFocus("password"), [setFocus]);

  return (
    <Form
      form={form}
      aria-labelledby="reauth-title"
      onSubmit={async (values) => {
        await confirm.mutateAsync(values);
        onConfirmed();
      }}
    >
      <Heading id="reauth-title">{t("title")}</Heading>
      <p>{t("intro")}</p>
      <TextField
        id="reauth-password"
        name="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
        maxLength={1024}
      />
      <div className={formStyles.actions}>
        <SubmitButton label={t("submit")} pendingLabel={t("pending")} />
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={confirm.isPending}>
          {t("cancel")}
        </button>
      </div>
    </Form>
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
