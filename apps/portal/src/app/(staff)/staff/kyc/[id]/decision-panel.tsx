"use client";

import { KYC_REJECTION_REASON_MAX_LENGTH, kycRejectionForm, type FieldCode } from "@brokerage/validators";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { useFormContext } from "react-hook-form";
import { Form, FormAlert, TextAreaField, useRefusalAlert, useZodForm } from "~/components/forms";
import { refusalFieldCodes } from "~/components/forms/refusal";
import { appCodeOf } from "~/trpc/error-info";
import { approveSubmissionAction, rejectSubmissionAction, type Decision } from "./actions";
import styles from "./review.module.css";
import { useHydrated } from "~/components/forms/use-hydrated";

type Answer = Awaited<ReturnType<typeof approveSubmissionAction>>;

/**
 * Approve, or reject with a reason the customer will read. After a decision the page
 * refreshes (the submission is no longer pending) and this keeps saying what was done.
 */
export function DecisionPanel({ submissionId, level, pending }: { submissionId: number; level: number; pending: boolean }) {
  const t = useTranslations("staff.decision");
  const tReview = useTranslations("staff.review");
  const router = useRouter();
  const [approving, setApproving] = useState(false);
  const hydrated = useHydrated();
  const [outcome, setOutcome] = useState<Decision | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [own, setOwn] = useState<string | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const alert = useRefusalAlert(refusal);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  /** A decision's answer: done, or a refusal this panel words itself (taken, own case), else undefined and the caller shows it. */
  const settle = useCallback(
    (answer: Answer): "handled" | "refused" => {
      if (answer.ok) {
        setOutcome(answer.value);
        router.refresh();
        return "handled";
      }
      if (appCodeOf(answer.error) === "FORBIDDEN") {
        setOwn(t("ownSubmission"));
        return "handled";
      }
      if (refusalFieldCodes(answer.error).submissionId) {
        setOwn(t("alreadyDecided"));
        router.refresh();
        return "handled";
      }
      return "refused";
    },
    [router, t],
  );

  async function approve() {
    if (approving) return;
    setApproving(true);
    setOwn(null);
    setRefusal(null);
    try {
      const answer = await approveSubmissionAction(submissionId);
      if (settle(answer) === "refused" && !answer.ok) setRefusal(answer.error);
    } catch (error) {
      setRefusal(error ?? {});
    } finally {
      setApproving(false);
    }
  }

  if (outcome) {
    return (
      <div ref={outcomeRef} tabIndex={-1} role="status" className={`${styles.outcome} ${styles[outcome] ?? ""}`}>
        <p>{outcome === "APPROVED" ? t("approved") : t("rejected")}</p>
        <p>
          <Link href="/staff/kyc">{tReview("backToQueue")}</Link>
        </p>
      </div>
    );
  }
  if (!pending) return null;

  return (
    <section aria-labelledby="decision-title" className={styles.decision}>
      <h2 id="decision-title">{t("heading")}</h2>
      <p>{t("intro")}</p>
      {own ? (
        <div role="alert" className="alert">
          {own}
        </div>
      ) : null}
      <FormAlert alert={alert} />
      <div className={styles.decisionGrid}>
        <div className={styles.approve}>
          <p id="approve-hint">{t("approveHint", { level })}</p>
          <button
            type="button"
            className="button"
            aria-describedby="approve-hint"
            disabled={!hydrated}
            aria-disabled={approving || undefined}
            onClick={() => void approve()}
          >
            {t("approve")}
          </button>
        </div>
        <RejectForm
          busy={approving}
          onReject={async (reason) => {
            setOwn(null);
            setRefusal(null);
            const answer = await rejectSubmissionAction(submissionId, reason);
            return settle(answer) === "handled" ? undefined : answer;
          }}
        />
      </div>
      <p role="status" className={styles.hint}>
        {approving ? t("working") : ""}
      </p>
    </section>
  );
}

function RejectForm({ busy, onReject }: { busy: boolean; onReject: (reason: string) => Promise<Answer | undefined> }) {
  const t = useTranslations("staff.decision");
  const sentence = useCallback(
    (_field: string, code: FieldCode) => (code === "TOO_LONG" ? t("reasonTooLong") : code === "REQUIRED" ? t("reasonRequired") : undefined),
    [t],
  );
  const form = useZodForm(kycRejectionForm, { reason: "" }, { sentence });
  return (
    <Form form={form} className={styles.reject} aria-labelledby="reject-title" onSubmit={(values) => onReject(values.reason)}>
      <h3 id="reject-title">{t("rejectHeading")}</h3>
      <TextAreaField id="reject-reason" name="reason" label={t("reason")} hint={t("reasonHint")} required maxLength={KYC_REJECTION_REASON_MAX_LENGTH + 100} />
      <RejectButton busy={busy} />
    </Form>
  );
}

function RejectButton({ busy }: { busy: boolean }) {
  const t = useTranslations("staff.decision");
  const { formState } = useFormContext();
  const pending = busy || formState.isSubmitting;
  return (
    <div>
      <button type="submit" className={`button ${styles.rejectButton}`} aria-disabled={pending || undefined}>
        {t("reject")}
      </button>
      {formState.isSubmitting ? (
        <span role="status" className={styles.hint}>
          {" "}
          {t("working")}
        </span>
      ) : null}
    </div>
  );
}
