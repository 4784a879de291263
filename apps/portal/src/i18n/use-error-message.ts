"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { correlationIdOf } from "~/trpc/error-info";
import { errorMessageKey, type ErrorMessageKey } from "./error-message";

export interface ErrorMessage {
  /** A human sentence in the customer's language. */
  sentence: string;
  /** "Reference: <id>" for unexpected faults, for the customer to quote to support. */
  reference: string | undefined;
}

/** Turns a tRPC error (anything with `data.appCode`) into what a form or page shows. */
export function useErrorMessage(): (error: unknown) => ErrorMessage {
  const t = useTranslations();
  return useCallback(
    (error: unknown) => {
      const key = errorMessageKey(error, (code) => t.has(`errors.${code as ErrorMessageKey}`));
      const reference = correlationIdOf(error);
      return {
        sentence: t(`errors.${key}`),
        reference: reference ? t("errorReference", { reference }) : undefined,
      };
    },
    [t],
  );
}
