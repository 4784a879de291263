"use client";

import type { RouterOutputs } from "@brokerage/api";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, type FormEvent } from "react";
import { enableOtpAction } from "~/app/actions/enable-otp";
import { throwingRefusals } from "~/components/forms/action-mutation";
import { FormAlert } from "~/components/forms/form-messages";
import formStyles from "~/components/forms/forms.module.css";
import { SubmitButton } from "~/components/forms/submit-button";
import { TextField } from "~/components/forms/text-field";
import { useFocusOnError } from "~/components/forms/use-focus-on-error";
import { useFormErrors } from "~/components/forms/use-form-errors";
import { useReauthRetry } from "~/components/reauth/reauth-prompt";
import { groupSecret } from "./secret-text";
import styles from "./security.module.css";
import { useCopy } from "./use-copy";
import { useFocusOnMount } from "./use-focus-on-mount";

export type OtpSetup = RouterOutputs["otp"]["setup"];

// When replacing, a wrong code may be either of the two (the answer does not say): its
// sentence goes on top of the form.
const REPLACE_FIELD_OF_CODE: Readonly<Record<string, string>> = { OTP_REQUIRED: "currentCode" };
const ENABLE_FIELD_OF_CODE: Readonly<Record<string, string>> = { INVALID_OTP_CODE: "code" };

const enable = throwingRefusals(enableOtpAction);

/**
 * A new secret as a QR code and as a key to type, and the code that proves the app has
 * it. Replacing also asks for a code of the current app (or a recovery code).
 */
export function OtpSetupPanel({
  setup,
  replacing,
  account,
  issuer,
  onEnabled,
  onCancel,
}: {
  setup: OtpSetup;
  replacing: boolean;
  account: string;
  issuer: string;
  onEnabled: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("security.setup");
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const formRef = useRef<HTMLFormElement>(null);
  const [copyState, copy] = useCopy();
  // Turning two-factor on needs a recent password: asked for inline, then the same request is retried.
  const reauth = useReauthRetry();
  const mutation = useMutation({
    mutationFn: enable,
    onSuccess: (result) => onEnabled(result.recoveryCodes),
    onError: (error, input) => {
      reauth.guard(error, () => mutation.mutate(input));
    },
  });
  const fieldOfCode = replacing ? REPLACE_FIELD_OF_CODE : ENABLE_FIELD_OF_CODE;
  const errors = useFormErrors(mutation.error, fieldOfCode);
  useFocusOnError(formRef, mutation.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const currentCode = String(form.get("currentCode") ?? "").trim();
    mutation.mutate({
      secret: setup.secret,
      code: String(form.get("code") ?? "").trim(),
      ...(replacing ? { currentCode } : {}),
    });
  }

  return (
    <section aria-labelledby="otp-setup-title" className={`${styles.panel} stack`}>
      <h2 id="otp-setup-title" ref={headingRef} tabIndex={-1} className={styles.panelTitle}>
        {replacing ? t("replaceTitle") : t("enableTitle")}
      </h2>
      <div className={styles.setupGrid}>
        <div className="stack">
          <p>{t("scanStep")}</p>
          {/* A PNG data: URL made by the server (otp.setup); next/image adds nothing for it. */}
          <img
            className={styles.qr}
            src={setup.qrCode}
            width={240}
            height={240}
            alt={t("qrAlt", { account, issuer })}
          />
        </div>
        <div className="stack">
          <p>{t("keyStep")}</p>
          <p>
            <code className={styles.secret} data-testid="otp-secret">
              {groupSecret(setup.secret)}
            </code>
          </p>
          <p className="muted small">{t("keyDetails")}</p>
          <div className={formStyles.actions}>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => copy(setup.secret)}
            >
              {t("copyKey")}
            </button>
          </div>
          <p role="status" className="small">
            {copyState === "copied"
              ? t("keyCopied")
              : copyState === "failed"
                ? t("copyFailed")
                : null}
          </p>
          <p>
            <a href={setup.otpUrl}>{t("openInApp")}</a>
          </p>
          {errors.fields.secret ? <p className="alert">{errors.fields.secret}</p> : null}
        </div>
      </div>
      {reauth.prompt}
      <form ref={formRef} method="post" className={formStyles.form} onSubmit={onSubmit} hidden={reauth.active}>
        {reauth.active ? null : <FormAlert alert={errors.alert} />}
        <p className="muted">{t("expires")}</p>
        {replacing ? (
          <TextField
            id="otp-current-code"
            name="currentCode"
            label={t("currentCode")}
            hint={t("currentCodeHint")}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            minLength={6}
            maxLength={32}
            required
            code
            error={errors.fields.currentCode}
          />
        ) : null}
        <TextField
          id="otp-new-code"
          name="code"
          label={replacing ? t("newCode") : t("code")}
          hint={t("codeHint")}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          required
          code
          error={errors.fields.code}
        />
        <div className={formStyles.actions}>
          <SubmitButton
            pending={mutation.isPending}
            label={replacing ? t("switch") : t("enable")}
            pendingLabel={t("enabling")}
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={onCancel}
            disabled={mutation.isPending}
          >
            {t("cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}
