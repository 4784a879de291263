"use client";

import { closeRelationshipInput } from "@brokerage/validators";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { signOutAction } from "~/app/actions/sign-out";
import { CheckboxField, Form, SubmitButton, useZodForm } from "~/components/forms";
import { useReauthRetry } from "~/components/reauth/reauth-prompt";
import { appCodeOf, detailsOf } from "~/trpc/error-info";
import { useTRPC } from "~/trpc/react";

interface FundedAccount {
  login: number;
  currency: string;
  balance: string;
}

export function CloseRelationship() {
  const t = useTranslations("yourData");
  const trpc = useTRPC();
  const [funded, setFunded] = useState<FundedAccount[]>([]);
  const [signingOut, startSignOut] = useTransition();
  const close = useMutation(trpc.customerData.close.mutationOptions());
  const reauth = useReauthRetry(2);
  const form = useZodForm(closeRelationshipInput, { confirm: false }, {
    sentence: (field) => (field === "confirm" ? t("closeConfirmRequired") : undefined),
  });

  async function run(values: { confirm: boolean }): Promise<void> {
    try {
      await close.mutateAsync(values);
      startSignOut(() => void signOutAction());
    } catch (error) {
      // The password is asked for inline, then the same closure is tried again.
      if (reauth.guard(error, () => void run(values).catch(() => undefined))) return;
      setFunded(
        appCodeOf(error) === "CLOSURE_FUNDS_REMAINING"
          ? ((detailsOf(error)?.accounts as FundedAccount[] | undefined) ?? [])
          : [],
      );
      throw error;
    }
  }

  return (
    <section className="stack" aria-labelledby="close-title">
      <h2 id="close-title">{t("closeTitle")}</h2>
      <p>{t("closeIntro")}</p>
      <p>{t("closeNeedsZero")}</p>
      {close.isSuccess || signingOut ? (
        <p role="status">{t("closed")}</p>
      ) : reauth.active ? (
        reauth.prompt
      ) : (
        <Form form={form} onSubmit={run} aria-labelledby="close-title">
          {funded.length > 0 ? (
            <div className="stack">
              <p>{t("fundsRemaining")}</p>
              <ul>
                {funded.map((a) => (
                  <li key={a.login}>{t("fundsRemainingItem", { login: a.login, balance: `${a.balance} ${a.currency}` })}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <CheckboxField name="confirm" label={t("closeConfirm")} />
          <SubmitButton label={t("closeButton")} pendingLabel={t("closing")} />
        </Form>
      )}
    </section>
  );
}
