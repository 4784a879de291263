"use client";

import { useTranslations } from "next-intl";
import { get, useFormContext, useFormState, useWatch } from "react-hook-form";
import { useFileProblems } from "~/components/forms";
import type { ErrorMessage } from "~/i18n/use-error-message";
import { KYC_FIELD_ORDER, kycFocusId, type KycFieldName } from "./form-layout";
import styles from "./kyc-form.module.css";

interface Problem {
  field: KycFieldName;
  text: string;
}

/**
 * The problems of a refused attempt, on top of the form (the kit's alert for this form):
 * the refusal's sentence when no field is named, else every field's problem in the order
 * of the form, each a link to its field. The kit gives it the focus after a refusal.
 */
export function KycErrorSummary({ alert, sendFailed }: { alert: ErrorMessage | undefined; sendFailed: boolean }) {
  const t = useTranslations("kyc.form");
  const { control } = useFormContext();
  const { errors } = useFormState({ control });
  const files = useFileProblems("files");
  const picked = (useWatch({ control, name: "files" }) ?? []) as ReadonlyArray<{ name: string }>;

  const problems: Problem[] = [];
  for (const field of KYC_FIELD_ORDER) {
    if (field === "files") {
      if (files.list) problems.push({ field, text: files.list });
      files.files.forEach((problem, index) => {
        if (problem) problems.push({ field, text: t("fileError", { name: picked[index]?.name ?? "", error: problem }) });
      });
      continue;
    }
    const message = (get(errors, field) as { message?: unknown } | undefined)?.message;
    if (typeof message === "string" && message) problems.push({ field, text: message });
  }
  // The refusal's own sentence, when it names no field (a fault, a submission already pending).
  const formError = problems.length === 0 && alert ? (sendFailed ? { sentence: t("sendFailed"), reference: undefined } : alert) : null;
  const count = problems.length + (formError ? 1 : 0);
  if (count === 0) return null;

  return (
    <div
      className={styles.summary}
      role="alert"
      tabIndex={-1}
      aria-labelledby="kyc-error-summary-title"
      data-form-alert=""
    >
      <h3 id="kyc-error-summary-title">{t("errorSummaryTitle", { count })}</h3>
      {formError ? (
        <p>
          {formError.sentence}
          {formError.reference ? <span className={styles.reference}> {formError.reference}</span> : null}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <>
          <p>{t("errorSummaryIntro")}</p>
          <ul>
            {problems.map(({ field, text }, index) => (
              <li key={`${field}-${index}`}>
                {field === "form" ? (
                  text
                ) : (
                  <a
                    href={`#${kycFocusId(field)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(kycFocusId(field))?.focus();
                    }}
                  >
                    {t(field)}: {text}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
