import { getTranslations } from "next-intl/server";
import type { KycStatusName } from "~/components/kyc/kyc-words";
import styles from "./kyc.module.css";

type StepState = "done" | "current" | "upcoming" | "rejected";

interface Step {
  key: string;
  title: string;
  state: StepState;
  detail: string[];
}

/**
 * Where the customer stands: send, review, decision. The current step carries
 * aria-current="step"; each step says its state in words, not only by its colour.
 */
export async function KycProgress(props: {
  status: KycStatusName;
  hasSubmission: boolean;
  submittedOn: string | null;
  decidedOn: string | null;
  rejectionReason: string | null;
}) {
  const t = await getTranslations("kyc.progress");
  const { status, submittedOn, decidedOn } = props;
  const sent = status === "PENDING_REVIEW" || status === "APPROVED" || status === "REJECTED";
  const decided = status === "APPROVED" || status === "REJECTED";

  const steps: Step[] = [
    {
      key: "submit",
      title: t("stepSubmit"),
      state: sent ? "done" : "current",
      detail: sent && submittedOn ? [t("submittedOn", { date: submittedOn })] : [],
    },
    {
      key: "review",
      title: t("stepReview"),
      state: decided ? "done" : status === "PENDING_REVIEW" ? "current" : "upcoming",
      detail: status === "PENDING_REVIEW" ? [t("reviewing")] : [],
    },
    {
      key: "decision",
      title:
        status === "APPROVED"
          ? t("stepApproved")
          : status === "REJECTED"
            ? t("stepRejected")
            : t("stepDecision"),
      state: status === "APPROVED" ? "done" : status === "REJECTED" ? "rejected" : "upcoming",
      detail: [
        ...(decided && decidedOn ? [t("decidedOn", { date: decidedOn })] : []),
        ...(status === "REJECTED" && props.rejectionReason
          ? [t("rejectedBecause", { reason: props.rejectionReason })]
          : []),
        ...(status === "REJECTED" ? [t("sendAgain")] : []),
      ],
    },
  ];
  const stateLabel: Record<StepState, string> = {
    done: t("stateDone"),
    current: t("stateCurrent"),
    upcoming: t("stateUpcoming"),
    rejected: t("stateRejected"),
  };
  const stateClass: Record<StepState, string | undefined> = {
    done: styles.stepDone,
    current: styles.stepCurrent,
    upcoming: styles.stepUpcoming,
    rejected: styles.stepRejected,
  };

  return (
    <section aria-labelledby="kyc-progress-title" className={styles.panel}>
      <h2 id="kyc-progress-title">{t("heading")}</h2>
      <ol className={styles.steps}>
        {steps.map((step, index) => (
          <li
            key={step.key}
            className={`${styles.step} ${stateClass[step.state] ?? ""}`}
            aria-current={
              step.state === "current" || step.state === "rejected" ? "step" : undefined
            }
          >
            <span className={styles.stepMarker} aria-hidden="true">
              {step.state === "done" ? "✓" : step.state === "rejected" ? "✕" : index + 1}
            </span>
            <div className={styles.stepBody}>
              <p className={styles.stepTitle}>
                {step.title} <span className={styles.stepState}>({stateLabel[step.state]})</span>
              </p>
              {step.detail.map((line) => (
                <p key={line} className={styles.stepDetail}>
                  {line}
                </p>
              ))}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
