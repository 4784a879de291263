"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { staffSignInAction, type StaffSignInState } from "./actions";
import styles from "./sign-in.module.css";

const INITIAL: StaffSignInState = { error: null, otpRequired: false };

type ErrorKey =
  | "MISSING_FIELDS"
  | "INVALID_DATA"
  | "CUSTOMER_NOT_FOUND_OR_INCORRECT"
  | "FORBIDDEN"
  | "OTP_REQUIRED"
  | "INVALID_OTP_CODE"
  | "OTP_NOT_CONFIGURED"
  | "TOO_MANY_ATTEMPTS"
  | "UNKNOWN";

const KNOWN = new Set<string>([
  "MISSING_FIELDS",
  "INVALID_DATA",
  "CUSTOMER_NOT_FOUND_OR_INCORRECT",
  "FORBIDDEN",
  "OTP_REQUIRED",
  "INVALID_OTP_CODE",
  "OTP_NOT_CONFIGURED",
  "TOO_MANY_ATTEMPTS",
]);

const errorKey = (code: string): ErrorKey => (KNOWN.has(code) ? (code as ErrorKey) : "UNKNOWN");

export function StaffSignInForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations("staff.signIn");
  const [state, action, pending] = useActionState(staffSignInAction, INITIAL);
  // Controlled fields: React resets an uncontrolled form after its action, and the OTP
  // step needs the e-mail and password again.
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [otpCode, setOtpCode] = useState("");
  const otpField = useRef<HTMLInputElement>(null);
  const alert = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!state.error) return;
    if (state.otpRequired) otpField.current?.focus();
    else alert.current?.focus();
  }, [state]);

  return (
    <form
      action={action}
      className={styles.form}
      aria-describedby={state.error ? "staff-sign-in-error" : undefined}
    >
      {state.error ? (
        <div
          id="staff-sign-in-error"
          ref={alert}
          tabIndex={-1}
          role="alert"
          className={`alert ${styles.error}`}
        >
          {t(`errors.${errorKey(state.error)}`)}
        </div>
      ) : null}
      <input type="hidden" name="returnTo" value={returnTo} />
      <div className={styles.field}>
        <label htmlFor="staff-email">{t("email")}</label>
        <input
          id="staff-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </div>
      <div className={styles.field}>
        <label htmlFor="staff-password">{t("password")}</label>
        <input
          id="staff-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </div>
      {state.otpRequired ? (
        <div className={styles.field}>
          <label htmlFor="staff-otp">{t("otpCode")}</label>
          <p id="staff-otp-hint" className={styles.hint}>
            {t("otpHint")}
          </p>
          <input
            ref={otpField}
            id="staff-otp"
            name="otpCode"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            aria-describedby="staff-otp-hint"
            required
            value={otpCode}
            onChange={(event) => setOtpCode(event.target.value)}
          />
        </div>
      ) : null}
      <div className={styles.actions}>
        <button type="submit" className="button" aria-disabled={pending || undefined}>
          {t("submit")}
        </button>
        <p role="status" className={styles.hint}>
          {pending ? t("submitting") : ""}
        </p>
      </div>
    </form>
  );
}
