"use client";

import { useTranslations } from "next-intl";
import { FormAlert, useRefusalAlert } from "~/components/forms";
import { fieldSentenceKeys, refusalFieldCodes } from "~/components/forms/refusal";
import type { ActionResult } from "~/server/action-result";

/**
 * The sentence for a refused staff action that is a button (not a form), announced as an
 * alert; its field problems, if any, worded from the catalog by their codes.
 */
export function ActionProblem({ result }: { result: ActionResult<unknown> | null }) {
  const t = useTranslations("staff.actions");
  const tf = useTranslations() as unknown as { (key: string): string; has(key: string): boolean };
  const alert = useRefusalAlert(result && !result.ok ? result.error : undefined);
  if (!result || result.ok || !alert) return null;
  const fields = Object.entries(refusalFieldCodes(result.error)).filter(([field]) => field !== "_form");
  return (
    <>
      <FormAlert alert={alert} />
      {fields.length > 0 ? (
        <ul className="small">
          {fields.map(([field, codes]) => {
            const key = fieldSentenceKeys(field, codes[0]!).find((k) => tf.has(k))!;
            return <li key={field}>{t("fieldProblem", { field, problem: tf(key) })}</li>;
          })}
        </ul>
      ) : null}
    </>
  );
}
