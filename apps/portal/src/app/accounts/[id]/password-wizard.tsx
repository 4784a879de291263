"use client";

import type { RouterOutputs } from "@brokerage/api";
import { checkTradingPasswordRules, meetsTradingPasswordPolicy, TRADING_PASSWORD_RULES } from "@brokerage/validators";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useErrorMessage } from "~/i18n/use-error-message";
import { appCodeOf } from "~/trpc/error-info";
import { useTRPC } from "~/trpc/react";
import { FieldMessage } from "../_components/field-message";
import forms from "../_components/forms.module.css";
import shared from "../_components/shared.module.css";
import { hasFieldCode } from "../_lib/error-fields";
import type { Account } from "./account-detail";
import styles from "./account.module.css";

type PasswordType = "main" | "investor";
type Started = RouterOutputs["accounts"]["passwordWizard"]["start"];
type Step = "choose" | "code" | "password" | "done";

const STEPS = ["choose", "code", "password"] as const;

function timeOf(iso: string, locale: string): string {
  // Shown after a client action only, so the browser's own time zone is safe here.
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

/**
 * Seed 001's wizard as steps: choose main or investor -> a code is e-mailed -> enter it
 * -> the new password twice, with the policy spelled out. Each step moves focus to its
 * heading so keyboard and screen-reader users follow along.
 */
export function PasswordWizard({ account }: { account: Account }) {
  const t = useTranslations("accountPassword");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useErrorMessage();
  const id = useId();

  const [step, setStep] = useState<Step>("choose");
  const [passwordType, setPasswordType] = useState<PasswordType>("main");
  const [flow, setFlow] = useState<Started | null>(null);
  const [code, setCode] = useState("");
  const [codeProblem, setCodeProblem] = useState<string | undefined>();
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [showPasswords, setShowPasswords] = useState(false);
  const [passwordProblem, setPasswordProblem] = useState<string | undefined>();
  const [confirmationProblem, setConfirmationProblem] = useState<string | undefined>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  const start = useMutation(trpc.accounts.passwordWizard.start.mutationOptions());
  const confirm = useMutation(trpc.accounts.passwordWizard.confirm.mutationOptions());
  const change = useMutation(trpc.accounts.passwordWizard.change.mutationOptions());

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  function reset() {
    start.reset();
    confirm.reset();
    change.reset();
    setFlow(null);
    setCode("");
    setCodeProblem(undefined);
    setPassword("");
    setConfirmation("");
    setPasswordProblem(undefined);
    setConfirmationProblem(undefined);
    setStep("choose");
  }

  function sendCode() {
    confirm.reset();
    setCodeProblem(undefined);
    start.mutate(
      { accountId: account.id, passwordType },
      {
        onSuccess(result) {
          setFlow(result);
          setCode("");
          setStep("code");
        },
      },
    );
  }

  function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!flow) return;
    const value = code.trim();
    if (!/^\d{6}$/.test(value)) return setCodeProblem(t("codeFormat"));
    setCodeProblem(undefined);
    confirm.mutate(
      { accountId: account.id, flowId: flow.uuid, code: value },
      {
        onSuccess() {
          setStep("password");
        },
        onError(error) {
          const appCode = appCodeOf(error);
          if (appCode === "CODE_INVALID" || appCode === "CODE_EXPIRED") setCodeProblem(describe(error).sentence);
        },
      },
    );
  }

  function submitPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!flow) return;
    const policyOk = meetsTradingPasswordPolicy(password);
    const matches = password === confirmation;
    setPasswordProblem(policyOk ? undefined : t("policyProblem"));
    setConfirmationProblem(matches ? undefined : t("mismatch"));
    if (!policyOk || !matches) return;
    change.mutate(
      { accountId: account.id, flowId: flow.uuid, password, passwordConfirmation: confirmation },
      {
        onSuccess() {
          setPassword("");
          setConfirmation("");
          setStep("done");
          void queryClient.invalidateQueries({ queryKey: trpc.accounts.get.queryKey({ accountId: account.id }) });
          void queryClient.invalidateQueries({ queryKey: trpc.accounts.list.pathKey() });
        },
        onError(error) {
          const appCode = appCodeOf(error);
          if (appCode === "PASSWORD_POLICY") {
            setPasswordProblem(hasFieldCode(error, "password", "MUST_DIFFER") ? t("mustDiffer") : t("policyProblem"));
          } else if (hasFieldCode(error, "passwordConfirmation", "MISMATCH")) {
            setConfirmationProblem(t("mismatch"));
          }
        },
      },
    );
  }

  const rules = checkTradingPasswordRules(password);
  const typeLabel = t(`type.${passwordType}`);
  const changeError =
    change.error && appCodeOf(change.error) !== "PASSWORD_POLICY" && !hasFieldCode(change.error, "passwordConfirmation", "MISMATCH")
      ? describe(change.error)
      : null;
  const flowOver = change.error ? ["CODE_INVALID", "CODE_EXPIRED"].includes(appCodeOf(change.error) ?? "") : false;

  return (
    <section aria-labelledby={`${id}-heading`} className={styles.subsection}>
      <h3 id={`${id}-heading`} className={styles.subheading}>
        {t("changeHeading")}
      </h3>
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

      {step === "choose" ? (
        <div className="stack">
          <h4 ref={headingRef} tabIndex={-1} className={styles.stepHeading}>
            {t("chooseHeading")}
          </h4>
          <fieldset className={forms.fieldset}>
            <legend>{t("typeLegend")}</legend>
            <div className={forms.choices}>
              {(["main", "investor"] as const).map((type) => (
                <label key={type} className={forms.choice}>
                  <input
                    type="radio"
                    name={`${id}-type`}
                    value={type}
                    checked={passwordType === type}
                    onChange={() => setPasswordType(type)}
                  />
                  <span>
                    <strong>{t(`typeTitle.${type}`)}</strong>
                    <br />
                    <span className="muted small">{t(`typeHint.${type}`)}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <p className="muted small">{t("codeExplained")}</p>
          {start.error ? (
            <p role="alert" className="alert">
              {describe(start.error).sentence}
            </p>
          ) : null}
          <div className={forms.actions}>
            <button type="button" className="button" onClick={sendCode} disabled={start.isPending}>
              {t("sendCode")}
            </button>
            {start.isPending ? (
              <span role="status" className="muted small">
                {t("sending")}
              </span>
            ) : null}
          </div>
        </div>
      ) : null}

      {step === "code" && flow ? (
        <form onSubmit={submitCode} className="stack" noValidate>
          <h4 ref={headingRef} tabIndex={-1} className={styles.stepHeading}>
            {t("codeHeading")}
          </h4>
          <p className={shared.notice}>
            {t("codeSent", {
              recipient: flow.data.recipient.email,
              time: timeOf(flow.data.expiredAt, locale),
              type: typeLabel,
            })}
          </p>
          <div className={forms.field}>
            <label className={forms.label} htmlFor={`${id}-code`}>
              {t("codeLabel")}
            </label>
            <input
              id={`${id}-code`}
              className={`${forms.control} ${styles.codeInput}`}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(event) => setCode(event.target.value.replace(/\s/g, ""))}
              aria-invalid={codeProblem ? true : undefined}
              aria-describedby={`${id}-code-hint${codeProblem ? ` ${id}-code-error` : ""}`}
            />
            <p id={`${id}-code-hint`} className={forms.hint}>
              {t("codeHint")}
            </p>
            <FieldMessage id={`${id}-code-error`} message={codeProblem} />
          </div>
          {confirm.error && !codeProblem ? (
            <p role="alert" className="alert">
              {describe(confirm.error).sentence}
            </p>
          ) : null}
          {start.error ? (
            <p role="alert" className="alert">
              {describe(start.error).sentence}
            </p>
          ) : null}
          <div className={forms.actions}>
            <button type="submit" className="button" disabled={confirm.isPending}>
              {t("confirmCode")}
            </button>
            <button type="button" className="button button--secondary" onClick={sendCode} disabled={start.isPending}>
              {t("resendCode")}
            </button>
            <button type="button" className="button button--secondary" onClick={reset}>
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : null}

      {step === "password" && flow ? (
        <form onSubmit={submitPassword} className="stack" noValidate>
          <h4 ref={headingRef} tabIndex={-1} className={styles.stepHeading}>
            {t("passwordHeading", { type: typeLabel })}
          </h4>
          <div id={`${id}-policy`} className={styles.policy}>
            <p>{t("policyIntro")}</p>
            <ul>
              {TRADING_PASSWORD_RULES.map((rule) => (
                <li key={rule} className={rules[rule] ? styles.ruleMet : undefined}>
                  <span aria-hidden="true">{rules[rule] ? "✓ " : "○ "}</span>
                  {t(`policy.${rule}`)}
                  <span className="visually-hidden"> {rules[rule] ? t("ruleMet") : t("ruleNotMet")}</span>
                </li>
              ))}
            </ul>
          </div>
          <div className={forms.field}>
            <label className={forms.label} htmlFor={`${id}-password`}>
              {t("newPassword")}
            </label>
            <input
              id={`${id}-password`}
              className={forms.control}
              type={showPasswords ? "text" : "password"}
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-invalid={passwordProblem ? true : undefined}
              aria-describedby={`${id}-policy${passwordProblem ? ` ${id}-password-error` : ""}`}
            />
            <FieldMessage id={`${id}-password-error`} message={passwordProblem} />
          </div>
          <div className={forms.field}>
            <label className={forms.label} htmlFor={`${id}-confirmation`}>
              {t("repeatPassword")}
            </label>
            <input
              id={`${id}-confirmation`}
              className={forms.control}
              type={showPasswords ? "text" : "password"}
              autoComplete="new-password"
              value={confirmation}
              onChange={(event) => setConfirmation(event.target.value)}
              aria-invalid={confirmationProblem ? true : undefined}
              aria-describedby={confirmationProblem ? `${id}-confirmation-error` : undefined}
            />
            <FieldMessage id={`${id}-confirmation-error`} message={confirmationProblem} />
          </div>
          <label className={forms.check}>
            <input type="checkbox" checked={showPasswords} onChange={(event) => setShowPasswords(event.target.checked)} />
            {t("showPasswords")}
          </label>
          {changeError ? (
            <p role="alert" className="alert">
              {changeError.sentence}
              {flowOver ? ` ${t("startAgainHint")}` : ""}
            </p>
          ) : null}
          <div className={forms.actions}>
            <button type="submit" className="button" disabled={change.isPending}>
              {t("changePassword")}
            </button>
            <button type="button" className="button button--secondary" onClick={reset}>
              {flowOver ? t("startAgain") : t("cancel")}
            </button>
          </div>
        </form>
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
