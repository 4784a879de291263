"use client";

import { acceptTermsInput } from "@brokerage/validators";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { refusalFieldCodes } from "~/components/forms/refusal";
import { CheckboxField, Form, SubmitButton, useZodForm } from "~/components/forms";
import { useTRPC } from "~/trpc/react";
import styles from "../compliance.module.css";
import { RiskWarningText } from "../risk-warning";

export function TermsAcceptance({ returnTo }: { returnTo: string | null }) {
  const t = useTranslations("compliance");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: terms } = useSuspenseQuery(trpc.compliance.terms.queryOptions());
  const [changed, setChanged] = useState(false);
  const accept = useMutation(trpc.compliance.acceptTerms.mutationOptions());
  const form = useZodForm(
    acceptTermsInput,
    { version: terms?.version ?? 1, accepted: false },
    { sentence: (field) => (field === "accepted" ? t("acceptRequired") : undefined) },
  );

  if (!terms) return <p className="alert">{t("termsMissing")}</p>;
  const done = accept.isSuccess || terms.accepted;

  async function submit(values: { version: number; accepted: boolean }) {
    try {
      await accept.mutateAsync(values);
      setChanged(false);
    } catch (error) {
      // A newer version came into force while the page was open: show it, to be read first.
      if ((refusalFieldCodes(error).version ?? []).includes("NOT_CURRENT")) {
        setChanged(true);
        await queryClient.invalidateQueries({ queryKey: trpc.compliance.pathKey() });
        return;
      }
      throw error;
    } finally {
      void queryClient.invalidateQueries({ queryKey: trpc.accounts.groups.queryKey() });
    }
  }

  return (
    <div className="stack-lg">
      <RiskWarningText text={terms.riskWarning} />
      <article className="stack" aria-labelledby="terms-title">
        <h2 id="terms-title">{terms.title}</h2>
        <p className="muted small">
          {t("termsVersion", { version: terms.version, date: format.dateTime(new Date(terms.effectiveAt), { dateStyle: "long" }) })}
        </p>
        {/* A scrolling region must take keyboard focus to be scrolled without a mouse (axe: scrollable-region-focusable). */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
        <div className={styles.terms} tabIndex={0} role="region" aria-label={terms.title}>
          {terms.body}
        </div>
      </article>
      {done ? (
        <div role="status" className="stack">
          <p>{accept.isSuccess ? t("acceptedNow") : t("termsAccepted")}</p>
          {returnTo ? (
            <p>
              <Link className="button" href={returnTo}>
                {t("continue")}
              </Link>
            </p>
          ) : null}
        </div>
      ) : (
        <Form form={form} onSubmit={(values) => submit({ ...values, version: terms.version })} aria-label={t("acceptButton")}>
          {changed ? (
            <div role="alert" className="alert">
              <p>{t("termsChanged")}</p>
            </div>
          ) : null}
          <CheckboxField name="accepted" label={t("acceptCheckbox")} />
          <SubmitButton label={t("acceptButton")} pendingLabel={t("accepting")} />
        </Form>
      )}
    </div>
  );
}
