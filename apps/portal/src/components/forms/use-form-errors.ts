"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useErrorMessage } from "~/i18n/use-error-message";
import { appCodeOf } from "~/trpc/error-info";
import { formErrorView, type FormErrorView } from "./form-errors";

/**
 * What a form shows for a refusal (a tRPC error or a server action's failure): see
 * formErrorView. `fieldOfCode` names the field a domain code is about, per form.
 */
export function useFormErrors(
  error: unknown,
  fieldOfCode: Readonly<Record<string, string>> = {},
): FormErrorView {
  const describe = useErrorMessage();
  const t = useTranslations("formErrors");
  return useMemo(() => {
    // The catalog's keys are typed; field names arrive from the server as strings.
    const loose = t as unknown as { (key: string): string; has(key: string): boolean };
    return formErrorView({
      error,
      appCode: appCodeOf(error),
      describe,
      fieldOfCode,
      fieldSentence: (field) => (loose.has(field) ? loose(field) : undefined),
    });
  }, [error, describe, fieldOfCode, t]);
}
