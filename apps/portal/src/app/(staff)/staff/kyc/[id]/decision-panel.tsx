"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useErrorMessage } from "~/i18n/use-error-message";
import { approveSubmissionAction, rejectSubmissionAction, type DecisionResult } from "./actions";
import styles from "./review.module.css";

const MAX_REASON = 500;

type Busy = "approve" | "reject" | null;

/**
 * Approve, or reject with a reason the customer will read. After a decision the page
 * refreshes (the submission is no longer pending) and this keeps saying what was done.
 */
export function DecisionPanel({
  submissionId,
  level,
  pending,
}: {
  submissionId: number;
  level: number;
  pending: boolean;
}) {
  const t = useTranslations("staff.decision");
  const tReview = useTranslations("staff.review");
  const describeError = useErrorMessage();
  const router = useRouter();
  const [busy, setBusy] = useState<Busy>(null);
  const [outcome, setOutcome] = useState<"APPROVED" | "REJECTED" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<"reasonRequired" | "reasonTooLong" | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);
  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  async function run(kind: Exclude<Busy, null>, call: () => Promise<DecisionResult>) {
    if (busy) return;
    setBusy(kind);
    setProblem(null);
    try {
      const result = await call();
      if (result.ok) {
        setOutcome(result.decision);
        router.refresh();
        return;
      }
      if (result.code === "INVALID_DATA" && result.fieldErrors.reason) {
        setReasonError("reasonRequired");
        reasonRef.current?.focus();
      } else if (result.code === "INVALID_DATA" && result.fieldErrors.submissionId) {
        setProblem(t("alreadyDecided"));
        router.refresh();
      } else if (result.code === "FORBIDDEN") {
        setProblem(t("ownSubmission"));
      } else {
        const message = describeError({
          data: {
            appCode: result.code,
            details: result.reference ? { correlationId: result.reference } : null,
          },
        });
        setProblem([t("failed"), message.sentence, message.reference].filter(Boolean).join(" "));
      }
    } catch {
      setProblem(`${t("failed")} ${describeError(null).sentence}`);
    } finally {
      setBusy(null);
    }
  }

  const onReject = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = reason.trim();
    const error = !trimmed
      ? "reasonRequired"
      : trimmed.length > MAX_REASON
        ? "reasonTooLong"
        : null;
    setReasonError(error);
    if (error) {
      reasonRef.current?.focus();
      return;
    }
    void run("reject", () => rejectSubmissionAction(submissionId, trimmed));
  };

  if (outcome) {
    return (
      <div
        ref={outcomeRef}
        tabIndex={-1}
        role="status"
        className={`${styles.outcome} ${styles[outcome] ?? ""}`}
      >
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
      {problem ? (
        <div ref={problemRef} tabIndex={-1} role="alert" className="alert">
          {problem}
        </div>
      ) : null}
      <div className={styles.decisionGrid}>
        <div className={styles.approve}>
          <p id="approve-hint">{t("approveHint", { level })}</p>
          <button
            type="button"
            className="button"
            aria-describedby="approve-hint"
            aria-disabled={busy !== null || undefined}
            onClick={() => void run("approve", () => approveSubmissionAction(submissionId))}
          >
            {t("approve")}
          </button>
        </div>
        <form
          className={styles.reject}
          noValidate
          onSubmit={onReject}
          aria-labelledby="reject-title"
        >
          <h3 id="reject-title">{t("rejectHeading")}</h3>
          <label htmlFor="reject-reason">{t("reason")}</label>
          <p id="reject-reason-hint" className={styles.hint}>
            {t("reasonHint")}
          </p>
          {reasonError ? (
            <p id="reject-reason-error" className={styles.fieldError}>
              {t(reasonError)}
            </p>
          ) : null}
          <textarea
            ref={reasonRef}
            id="reject-reason"
            name="reason"
            rows={4}
            required
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={`reject-reason-hint${reasonError ? " reject-reason-error" : ""}`}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              if (reasonError) setReasonError(null);
            }}
          />
          <div>
            <button
              type="submit"
              className={`button ${styles.rejectButton}`}
              aria-disabled={busy !== null || undefined}
            >
              {t("reject")}
            </button>
          </div>
        </form>
      </div>
      <p role="status" className={styles.hint}>
        {busy ? t("working") : ""}
      </p>
    </section>
  );
}
