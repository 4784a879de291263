"use client";

import type { FieldCode } from "@brokerage/validators";
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import { useForm, type DefaultValues, type FieldPath, type FieldValues, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { useErrorMessage, type ErrorMessage } from "~/i18n/use-error-message";
import { appCodeOf } from "~/trpc/error-info";
import { zodCodeResolver } from "./code-resolver";
import { fieldSentenceKeys, planRefusal } from "./refusal";

export interface ZodFormOptions<TValues extends FieldValues> {
  /**
   * Domain codes that are about one field of this form (PASSWORD_TOO_SHORT is about
   * `newPassword`): their sentence goes next to that field, not to the top of the form.
   */
  fieldOfCode?: Readonly<Record<string, FieldPath<TValues>>>;
  /**
   * A sentence of the form's own for a field's code, when the shared catalog's does not
   * fit; may read the refusal (its `details`). Return undefined to use the catalog's.
   */
  sentence?: (field: string, code: FieldCode, refusal: unknown) => string | undefined;
  /**
   * A sentence of the form's own for a domain code, on a field (`fieldOfCode`) or in the
   * alert, when the catalog's general one does not fit this form (a wrong code at sign-in
   * is from a text message, not the authenticator app; staff ask an administrator, not
   * support). Return undefined to use the catalog's.
   */
  domainSentence?: (appCode: string, refusal: unknown) => string | undefined;
  /**
   * The form's field for a key of a refusal's `fieldCodes`, when the form names its fields
   * otherwise than the procedure (flat fields for a nested input: `document.expiryDate` →
   * `expiryDate`, `files.1.contentBase64` → `files.1`). Return undefined to keep the key.
   */
  fieldOfPath?: (key: string) => string | undefined;
  /**
   * A catalog section of the form's own sentences (`kyc.form.fieldErrors`), looked up
   * before the shared ones: `<section>.<field>.<CODE>`, then `<section>.<field>.default`.
   */
  sentences?: string;
  /**
   * Where the focus goes after a refusal: the first invalid field (the default), or the
   * form's alert (`[data-form-alert]`: an error summary that links to each field).
   */
  focusAfterRefusal?: "field" | "alert";
}

export type ZodForm<TIn extends FieldValues, TOut = TIn> = UseFormReturn<TIn, unknown, TOut> & {
  /** The refusal shown at the top of the form (<Form> renders it in FormAlert). */
  alert: ErrorMessage | undefined;
  /** Puts a refusal (a tRPC error, a server action's failure) on the fields and the alert. */
  showRefusal: (error: unknown) => void;
  clearAlert: () => void;
  /** Counts the refusals shown; <Form> moves the focus to the first problem after each. */
  refusals: number;
  /** Where <Form> moves the focus after a refusal (ZodFormOptions.focusAfterRefusal). */
  focusAfterRefusal: "field" | "alert";
};

/**
 * A react-hook-form form that validates with `schema` (the SAME shared schema from
 * @brokerage/validators that the server parses) and words every problem through the
 * catalog by its machine code. Render it with <Form form={form} onSubmit={...}>.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
  options: ZodFormOptions<z.input<S>> = {},
): ZodForm<z.input<S>, z.output<S>> {
  const t = useTranslations();
  const describe = useErrorMessage();
  const { fieldOfCode, sentence, domainSentence, fieldOfPath, sentences, focusAfterRefusal = "field" } = options;
  const fieldNames = useRef(new Set(Object.keys(defaultValues as object)));

  const sentenceOf = useCallback(
    (field: string, code: FieldCode, refusal?: unknown) => {
      const own = sentence?.(field, code, refusal);
      if (own !== undefined) return own;
      // Keys are built from field names and codes, so they are not the catalog's typed keys.
      const loose = t as unknown as { (key: string): string; has(key: string): boolean };
      const key = fieldSentenceKeys(field, code, sentences).find((k) => loose.has(k));
      return key ? loose(key) : describe(undefined).sentence;
    },
    [t, describe, sentence, sentences],
  );

  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodCodeResolver(schema, sentenceOf),
    defaultValues,
    // The alert takes the focus after a refusal: react-hook-form must not move it to a field.
    shouldFocusError: focusAfterRefusal === "field",
  });
  const [alert, setAlert] = useState<ErrorMessage | undefined>();
  const [refusals, setRefusals] = useState(0);
  const { setError, getValues } = form;

  const showRefusal = useCallback(
    (error: unknown) => {
      const described = describe(error);
      const plan = planRefusal({
        error,
        // A field of the defaults, or one rendered since (a code field shown on demand).
        hasField: (name) => fieldNames.current.has(name.split(".")[0]!) || getValues(name as FieldPath<z.input<S>>) !== undefined,
        fieldOfCode,
        fieldOfPath,
        hasReference: described.reference !== undefined,
      });
      for (const field of plan.fields) {
        const domain = field.code === "DOMAIN";
        setError(field.name as FieldPath<z.input<S>>, {
          type: domain ? field.appCode : field.code,
          message: domain
            ? (domainSentence?.(field.appCode ?? "", error) ?? described.sentence)
            : sentenceOf(field.name, field.code as FieldCode, error),
        });
      }
      const own = plan.alert ? domainSentence?.(appCodeOf(error) ?? "", error) : undefined;
      setAlert(plan.alert ? (own !== undefined ? { ...described, sentence: own } : described) : undefined);
      setRefusals((n) => n + 1);
    },
    [describe, fieldOfCode, fieldOfPath, sentenceOf, domainSentence, setError, getValues],
  );
  const clearAlert = useCallback(() => setAlert(undefined), []);

  return { ...form, alert, showRefusal, clearAlert, refusals, focusAfterRefusal };
}
