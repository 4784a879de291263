"use client";

import { useEffect, type RefObject } from "react";

/**
 * After a refused submit, keyboard and screen-reader users land on the problem: the
 * first invalid field (its label and error are read), else the form's alert. (The
 * disabled submit button lost the focus while waiting.)
 */
export function useFocusOnError(formRef: RefObject<HTMLElement | null>, error: unknown): void {
  useEffect(() => {
    if (!error || !formRef.current) return;
    const target =
      formRef.current.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      formRef.current.querySelector<HTMLElement>("[data-form-alert]");
    target?.focus();
  }, [error, formRef]);
}
