"use client";

import type { RouterOutputs } from "@brokerage/api";
import { enableOtpInput } from "@brokerage/validators";
import { useTranslations } from "next-intl";
import { enableOtpAction } from "~/app/actions/enable-otp";
import { CodeField, Form, SubmitButton, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import { useReauthRetry } from "~/components/reauth/reauth-prompt";
import { AuthenticatorKey } from "./authenticator-key";
import styles from "./security.module.css";
import { useCopy } from "./use-copy";
import { useFocusOnMount } from "./use-focus-on-mount";

export type OtpSetup = RouterOutputs["otp"]["setup"];

// When replacing, a wrong code may be either of the two (the answer does not say): its
// sentence goes on top of the form.
const REPLACE_FIELD_OF_CODE = { OTP_REQUIRED: "currentCode" } as const;
const ENABLE_FIELD_OF_CODE = { INVALID_OTP_CODE: "code" } as const;

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
  const [copyState, copy] = useCopy();
  // Turning two-factor on needs a recent password: asked for inline, then the same request is retried.
  const reauth = useReauthRetry();
  const form = useZodForm(
    enableOtpInput,
    replacing ? { secret: setup.secret, code: "", currentCode: "" } : { secret: setup.secret, code: "" },
    { fieldOfCode: replacing ? REPLACE_FIELD_OF_CODE : ENABLE_FIELD_OF_CODE },
  );
  const secretProblem = form.formState.errors.secret?.message;

  /** Sends the codes; answers the refusal to show, if any (REAUTH_REQUIRED asks for the password and sends again). */
  async function send(values: { secret: string; code: string; currentCode?: string | undefined }): Promise<unknown> {
    const result = await enableOtpAction(values);
    if (result.ok) {
      onEnabled(result.value.recoveryCodes);
      return undefined;
    }
    const retry = () => void send(values).then((refusal) => refusal && form.showRefusal(refusal));
    return reauth.guard(result.error, retry) ? undefined : result.error;
  }

  return (
    <section aria-labelledby="otp-setup-title" className={`${styles.panel} stack`}>
      <h2 id="otp-setup-title" ref={headingRef} tabIndex={-1} className={styles.panelTitle}>
        {replacing ? t("replaceTitle") : t("enableTitle")}
      </h2>
      <AuthenticatorKey
        qrCode={setup.qrCode}
        secret={setup.secret}
        qrAlt={t("qrAlt", { account, issuer })}
        scanStep={t("scanStep")}
        keyStep={t("keyStep")}
        keyDetails={t("keyDetails")}
      >
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
        {secretProblem ? <p className="alert">{secretProblem}</p> : null}
      </AuthenticatorKey>
      {reauth.prompt}
      <Form
        form={form}
        hidden={reauth.active}
        onSubmit={async (values) => {
          const refusal = await send(values);
          if (refusal) throw refusal;
        }}
      >
        <p className="muted">{t("expires")}</p>
        {replacing ? (
          <CodeField
            id="otp-current-code"
            name="currentCode"
            label={t("currentCode")}
            hint={t("currentCodeHint")}
            autoComplete="off"
            autoCapitalize="none"
            minLength={6}
            maxLength={32}
            required
          />
        ) : null}
        <CodeField
          id="otp-new-code"
          name="code"
          label={replacing ? t("newCode") : t("code")}
          hint={t("codeHint")}
          digits={6}
          maxLength={6}
          required
        />
        <div className={formStyles.actions}>
          <SubmitButton label={replacing ? t("switch") : t("enable")} pendingLabel={t("enabling")} />
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={form.formState.isSubmitting}>
            {t("cancel")}
          </button>
        </div>
      </Form>
    </section>
  );
}
