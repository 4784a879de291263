"use client";

import type { RouterOutputs } from "@brokerage/api";
import { questionnaireAnswers } from "@brokerage/validators";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { Form, RadioGroupField, SubmitButton, useZodForm } from "~/components/forms";
import { appCodeOf } from "~/trpc/error-info";
import { useTRPC } from "~/trpc/react";

type Questionnaire = NonNullable<RouterOutputs["compliance"]["questionnaire"]>;

export function Questionnaire({ returnTo }: { returnTo: string | null }) {
  const t = useTranslations("compliance");
  const trpc = useTRPC();
  const { data: questionnaire } = useSuspenseQuery(trpc.compliance.questionnaire.queryOptions());
  if (!questionnaire) return <p className="alert">{t("questionnaireMissing")}</p>;
  return <QuestionnaireForm questionnaire={questionnaire} returnTo={returnTo} />;
}

function QuestionnaireForm({ questionnaire, returnTo }: { questionnaire: Questionnaire; returnTo: string | null }) {
  const t = useTranslations("compliance");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const submit = useMutation(trpc.compliance.submitAppropriateness.mutationOptions());
  const schema = useMemo(() => questionnaireAnswers(questionnaire.questions), [questionnaire.questions]);
  const form = useZodForm(
    schema,
    Object.fromEntries(questionnaire.questions.map((q) => [q.id, ""])),
    { sentence: () => t("answerRequired") },
  );
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const next = `/compliance/terms${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ""}`;

  if (submit.data?.passed) {
    return (
      <div className="stack" role="status">
        <h2>{t("passedTitle")}</h2>
        <p>
          <Link className="button" href={next}>
            {t("passedNext")}
          </Link>
        </p>
      </div>
    );
  }
  const failed = submit.data && !submit.data.passed ? submit.data : null;
  const coolingOff = appCodeOf(submit.error) === "APPROPRIATENESS_COOLING_OFF";
  const retryAt = failed?.retryAfter ?? questionnaire.retryAfter;

  async function onSubmit(answers: Record<string, string>) {
    try {
      await submit.mutateAsync({ version: questionnaire.version, answers });
    } catch (error) {
      // The cooling-off has its own sentence with the time, below: not a form refusal.
      if (appCodeOf(error) !== "APPROPRIATENESS_COOLING_OFF") throw error;
    } finally {
      void queryClient.invalidateQueries({ queryKey: trpc.compliance.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.accounts.groups.queryKey() });
    }
  }

  return (
    <div className="stack-lg">
      {questionnaire.status === "PASSED" ? <p className="small">{t("passedAlready")}</p> : null}
      {(failed || questionnaire.status === "FAILED") && retryAt ? (
        <div role="alert" className="alert">
          <p>{t("failedWarning", { retryAt: when(retryAt) })}</p>
        </div>
      ) : null}
      {coolingOff && retryAt ? (
        <div role="alert" className="alert">
          <p>{t("coolingOff", { retryAt: when(retryAt) })}</p>
        </div>
      ) : null}
      <Form form={form} onSubmit={onSubmit} aria-label={t("appropriatenessTitle")}>
        {questionnaire.questions.map((q, index) => (
          <RadioGroupField
            key={q.id}
            name={q.id}
            legend={`${index + 1}. ${q.text}`}
            options={q.options.map((o) => ({ value: o.id, label: o.text }))}
          />
        ))}
        <SubmitButton label={t("submitAnswers")} pendingLabel={t("submitting")} />
      </Form>
    </div>
  );
}
