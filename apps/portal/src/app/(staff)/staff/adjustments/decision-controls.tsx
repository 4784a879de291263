"use client";

import { staffReasonForm } from "@brokerage/validators";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Form, SubmitButton, TextField, useZodForm } from "~/components/forms";
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
  const [approving, startTransition] = useTransition();
  // The approval is a button: its refusal is shown below it; the rejection's in its form.
  const [approval, setApproval] = useState<StaffActionResult<string> | null>(null);
  const [decided, setDecided] = useState<string | null>(null);
  const form = useZodForm(staffReasonForm, { reason: "" });
  const settled = (result: StaffActionResult<string>) => {
    if (result.ok) {
      setDecided(result.value);
      router.refresh();
    }
    return result;
  };
  const approve = () =>
    startTransition(async () => {
      setDecided(null);
      setApproval(settled(await approveAdjustmentAction(requestId)));
    });
  return (
    <div className={styles.decision}>
      <button
        type="button"
        className="button"
        disabled={approving}
        aria-label={t(finishOnly ? "finishLabel" : "approveLabel", { request: label })}
        onClick={approve}
      >
        {t(finishOnly ? "finish" : "approve")}
      </button>
      {finishOnly ? null : (
        <Form
          form={form}
          className={styles.inlineForm}
          onSubmit={async (values) => {
            setDecided(null);
            setApproval(null);
            return settled(await rejectAdjustmentAction(requestId, values));
          }}
        >
          <TextField id={`reject-reason-${requestId}`} name="reason" label={t("rejectReason", { request: label })} maxLength={500} required />
          <SubmitButton secondary label={t("reject")} pendingLabel={t("reject")} aria-label={t("rejectLabel", { request: label })} />
        </Form>
      )}
      <ActionProblem result={approval} />
      {decided ? <p role="status">{t(`decided.${decided === "REJECTED" ? "rejected" : "approved"}`)}</p> : null}
    </div>
  );
}
