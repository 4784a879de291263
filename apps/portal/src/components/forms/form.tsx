"use client";

import { useLayoutEffect, useRef, useState, type FormEvent, type FormHTMLAttributes, type ReactNode } from "react";
import { FormProvider, type FieldValues } from "react-hook-form";
import { createAttemptKeys, isRetryable, type AttemptKeys } from "./attempt-key";
import { FormAlert } from "./form-messages";
import styles from "./forms.module.css";
import { refusalOfResult } from "./refusal";
import type { ZodForm } from "./use-zod-form";

const CHECKED_HERE = { data: { appCode: "INVALID_DATA" } };

export interface SubmitContext {
  /**
   * The idempotency key of this attempt: the same while the same values are retried after
   * a fault (no answer, a 5xx), new once the attempt succeeded or was refused.
   */
  attemptKey: string;
}

/**
 * A form of the kit. `onSubmit` gets the values the shared schema accepted; it may throw a
 * tRPC error or return a server action's ActionResult: a refusal lands on the fields and in
 * the alert, and the focus moves to the first problem. The submit button (SubmitButton) is
 * disabled while `onSubmit` runs.
 */
export function Form<TIn extends FieldValues, TOut>({
  form,
  onSubmit,
  children,
  className,
  alert,
  ...rest
}: {
  form: ZodForm<TIn, TOut>;
  onSubmit: (values: TOut, context: SubmitContext) => Promise<unknown> | unknown;
  children: ReactNode;
  /**
   * What the form shows on top instead of FormAlert: its own rendering of `form.alert` and
   * the field errors (an error summary). Mark its focusable element `data-form-alert`.
   */
  alert?: ReactNode;
} & Omit<FormHTMLAttributes<HTMLFormElement>, "onSubmit" | "method" | "noValidate">) {
  const ref = useRef<HTMLFormElement>(null);
  // A mutable object kept for the form's life (state, not a ref: submit handlers read it).
  const [keys] = useState<AttemptKeys>(createAttemptKeys);
  // One attempt at a time, also when the button stays focusable (SubmitButton keepsFocus).
  const inFlight = useRef(false);
  const { refusals, clearAlert, showRefusal, handleSubmit, focusAfterRefusal } = form;

  // A layout effect: the focus moves in the same commit that shows the refusal, so no one
  // (a user, a screen reader, a test) sees the refusal while the focus is still elsewhere.
  useLayoutEffect(() => {
    // After a refused submit, keyboard and screen-reader users land on the problem: the
    // first invalid field (its label and error are read), else the alert; or the alert
    // first, when it is an error summary that links to each field.
    if (refusals === 0 || !ref.current) return;
    const summary = focusAfterRefusal === "alert" ? ref.current.querySelector<HTMLElement>("[data-form-alert]") : null;
    if (summary) {
      summary.focus();
      return;
    }
    const invalid = ref.current.querySelector<HTMLElement>('[aria-invalid="true"]');
    // A radio group carries aria-invalid on its group: the focus goes to its first choice.
    const target = invalid?.matches("input, select, textarea") ? invalid : (invalid?.querySelector<HTMLElement>("input") ?? invalid);
    (target ?? ref.current.querySelector<HTMLElement>("[data-form-alert]"))?.focus();
  }, [refusals, focusAfterRefusal]);

  const validateAndSend = handleSubmit(async (values) => {
    clearAlert();
    const attemptKey = keys.keyFor(JSON.stringify(values));
    let refusal: unknown;
    let retryable = false;
    try {
      refusal = refusalOfResult(await onSubmit(values, { attemptKey }));
    } catch (error) {
      refusal = error ?? {};
      retryable = isRetryable(error);
    }
    if (!retryable) keys.finish();
    if (refusal !== undefined) showRefusal(refusal);
  }, () => {
    // Found in the browser: shown as the server shows INVALID_DATA (the sentence on top,
    // each problem at its field), so a form looks the same whichever side refused it.
    showRefusal(CHECKED_HERE);
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    if (inFlight.current) {
      event.preventDefault();
      return;
    }
    inFlight.current = true;
    void validateAndSend(event).finally(() => {
      inFlight.current = false;
    });
  };

  return (
    <FormProvider {...form}>
      {/* The kit words every problem itself (the same sentences as the server's refusals). */}
      <form ref={ref} method="post" noValidate className={className ?? styles.form} onSubmit={submit} {...rest}>
        {alert === undefined ? <FormAlert alert={form.alert ?? rootAlert(form)} /> : alert}
        {children}
      </form>
    </FormProvider>
  );
}

/**
 * What `onSubmit` awaits after sending the browser to another page (`location.assign`): the
 * form stays pending, its button disabled, until the page goes.
 */
export function untilNavigated(): Promise<never> {
  return new Promise<never>(() => {});
}

/** A problem of the whole input found by the schema (an issue without a path). */
function rootAlert<TIn extends FieldValues, TOut>(form: ZodForm<TIn, TOut>) {
  const message = form.formState.errors.root?.message;
  return message ? { sentence: message, reference: undefined } : undefined;
}
