"use client";

import { useTranslations } from "next-intl";
import { useErrorMessage } from "~/i18n/use-error-message";
import type { StaffActionResult } from "./staff-action-result";

/** The sentence for a refused staff action, announced as an alert. */
export function ActionProblem({
  result,
  prefix,
}: {
  result: StaffActionResult<unknown> | null;
  prefix?: string;
}) {
  const describe = useErrorMessage();
  const t = useTranslations("staff.actions");
  if (!result || result.ok) return null;
  const fields = Object.entries(result.fieldErrors).filter(([field]) => field !== "_form");
  const message = describe({
    data: {
      appCode: result.code,
      details: result.reference ? { correlationId: result.reference } : null,
    },
  });
  return (
    <div role="alert" className="alert">
      <p>{[prefix, message.sentence, message.reference].filter(Boolean).join(" ")}</p>
      {fields.length > 0 ? (
        <ul>
          {fields.map(([field, messages]) => (
            <li key={field}>{t("fieldProblem", { field, problem: messages.join(" ") })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
