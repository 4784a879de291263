"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { ActionProblem } from "../action-problem";
import type { StaffActionResult } from "../staff-action-result";
import styles from "../staff-pages.module.css";
import { approveAdjustmentAction, rejectAdjustmentAction } from "./actions";

/** Approve, or reject with a reason, one pending request. The server decides who may. */
export function DecisionControls({
  requestId,
  label,
  finishOnly = false,
}: {
  requestId: string;
  label: string;
  /** An approval of this member the core did not confirm: only "finish applying" (the same approval again). */
  finishOnly?: boolean;
}) {
  const t = useTranslations("staff.adjustments");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<StaffActionResult<string> | null>(null);
  const [reason, setReason] = useState("");
  const run = (call: () => Promise<StaffActionResult<string>>) =>
    startTransition(async () => {
      const answer = await call();
      setResult(answer);
      if (answer.ok) router.refresh();
    });
  const onReject = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    run(() => rejectAdjustmentAction(requestId, reason));
  };
  const reasonId = `reject-reason-${requestId}`;
  return (
    <div className={styles.decision}>
      <button
        type="button"
        className="button"
        disabled={pending}
        aria-label={t(finishOnly ? "finishLabel" : "approveLabel", { request: label })}
        onClick={() => run(() => approveAdjustmentAction(requestId))}
      >
        {t(finishOnly ? "finish" : "approve")}
      </button>
      {finishOnly ? null : (
        <form onSubmit={onReject} className={styles.inlineForm}>
          <label htmlFor={reasonId}>{t("rejectReason", { request: label })}</label>
          <input
            id={reasonId}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            required
          />
          <button
            type="submit"
            className="button button--secondary"
            disabled={pending}
            aria-label={t("rejectLabel", { request: label })}
          >
            {t("reject")}
          </button>
        </form>
      )}
      <ActionProblem result={result} />
      {result?.ok ? (
        <p role="status">{t(`decided.${result.value === "REJECTED" ? "rejected" : "approved"}`)}</p>
      ) : null}
    </div>
  );
}
