"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "~/trpc/react";
import shared from "../_components/shared.module.css";
import type { Account } from "./account-data";
import styles from "./account.module.css";
import { ChooseTypeStep, CodeStep } from "./password-wizard-code";
import type { PasswordType, StartedFlow } from "./password-wizard-flow";
import { NewPasswordStep } from "./password-wizard-password";

type Step = "choose" | "code" | "password" | "done";

const STEPS = ["choose", "code", "password"] as const;

/**
 * Seed 001's wizard as steps: choose main or investor -> a code is e-mailed -> enter it
 * -> the new password twice, with the policy spelled out. Each step moves focus to its
 * heading so keyboard and screen-reader users follow along.
 */
export function PasswordWizard({ account }: { account: Account }) {
  const t = useTranslations("accountPassword");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [step, setStep] = useState<Step>("choose");
  const [passwordType, setPasswordType] = useState<PasswordType>("main");
  const [flow, setFlow] = useState<StartedFlow | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const start = useMutation(trpc.accounts.passwordWizard.start.mutationOptions());

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  async function sendCode(type: PasswordType) {
    const started = await start.mutateAsync({ accountId: account.id, passwordType: type });
    setPasswordType(type);
    setFlow(started);
    setStep("code");
  }
  function reset() {
    setFlow(null);
    setStep("choose");
  }
  const typeLabel = t(`type.${passwordType}`);

  return (
    <section aria-labelledby={`${id}-heading`} className={styles.subsection}>
      <h3 id={`${id}-heading`} className={styles.subheading}>
        {t("changeHeading")}
      </h3>
      <WizardProgress step={step} />

      {step === "choose" ? <ChooseTypeStep headingRef={headingRef} initial={passwordType} onSubmit={sendCode} /> : null}

      {step === "code" && flow ? (
        <CodeStep
          headingRef={headingRef}
          account={account}
          flow={flow}
          typeLabel={typeLabel}
          onResend={() => sendCode(passwordType)}
          onConfirmed={() => setStep("password")}
          onCancel={reset}
        />
      ) : null}

      {step === "password" && flow ? (
        <NewPasswordStep
          headingRef={headingRef}
          account={account}
          flow={flow}
          typeLabel={typeLabel}
          onChanged={() => {
            setStep("done");
            void queryClient.invalidateQueries({ queryKey: trpc.accounts.get.queryKey({ accountId: account.id }) });
            void queryClient.invalidateQueries({ queryKey: trpc.accounts.list.pathKey() });
          }}
          onCancel={reset}
        />
      ) : null}

      {step === "done" ? (
        <div className="stack">
          <h4 ref={headingRef} tabIndex={-1} className={styles.stepHeading}>
            {t("doneHeading")}
          </h4>
          <p role="status" className={shared.notice}>
            {t("done", { type: typeLabel })}
          </p>
          <p>
            <button type="button" className="button button--secondary" onClick={reset}>
              {t("changeAnother")}
            </button>
          </p>
        </div>
      ) : null}
    </section>
  );
}

/** The three steps, the current one marked (aria-current) and the ones behind ticked. */
function WizardProgress({ step }: { step: Step }) {
  const t = useTranslations("accountPassword");
  return (
    <ol className={styles.steps} aria-label={t("progressLabel")}>
      {STEPS.map((s, index) => {
        const current = step === s;
        const complete = step === "done" || (STEPS as readonly Step[]).indexOf(step) > index;
        return (
          <li key={s} aria-current={current ? "step" : undefined} className={current ? styles.stepCurrent : complete ? styles.stepDone : undefined}>
            <span className={styles.stepNumber} aria-hidden="true">
              {complete ? "✓" : index + 1}
            </span>
            {t(`steps.${s}`)}
            {complete ? <span className="visually-hidden"> {t("stepComplete")}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
