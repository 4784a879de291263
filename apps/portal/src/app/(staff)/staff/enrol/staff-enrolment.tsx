"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { RecoveryCodesPanel } from "~/app/(account)/security/recovery-codes-panel";
import { groupSecret } from "~/app/(account)/security/secret-text";
import securityStyles from "~/app/(account)/security/security.module.css";
import { throwingRefusals } from "~/components/forms/action-mutation";
import { FormAlert } from "~/components/forms/form-messages";
import formStyles from "~/components/forms/forms.module.css";
import { SubmitButton } from "~/components/forms/submit-button";
import { TextField } from "~/components/forms/text-field";
import { useFormErrors } from "~/components/forms/use-form-errors";
import { finishEnrolmentAction, startEnrolmentAction } from "./actions";

const start = throwingRefusals(startEnrolmentAction);
const finish = throwingRefusals(finishEnrolmentAction);
const FIELD_OF_CODE = { INVALID_OTP_CODE: "code" } as const;

/**
 * Staff TOTP enrolment: a secret as a QR code and a key to type, a code from the app to
 * confirm, then the recovery codes, shown this once. Then on to the page asked for.
 */
export function StaffEnrolment({
  account,
  issuer,
  returnTo,
}: {
  account: string;
  issuer: string;
  returnTo: string;
}) {
  const t = useTranslations("staff.enrol");
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const setup = useMutation({ mutationFn: start });
  const enable = useMutation({
    mutationFn: finish,
    onSuccess: (result) => setRecoveryCodes(result.recoveryCodes),
  });
  const setupErrors = useFormErrors(setup.error);
  const errors = useFormErrors(enable.error, FIELD_OF_CODE);

  if (recoveryCodes) {
    return (
      <RecoveryCodesPanel
        codes={recoveryCodes}
        intro={t("enabled")}
        account={account}
        issuer={issuer}
        onDone={() => window.location.assign(returnTo)}
      />
    );
  }

  if (!setup.data) {
    return (
      <section className={`${securityStyles.panel} stack`} aria-labelledby="enrol-start-title">
        <h2 id="enrol-start-title">{t("startTitle")}</h2>
        <p>{t("startBody")}</p>
        <FormAlert alert={setupErrors.alert} />
        <p>
          <button
            type="button"
            className="button"
            disabled={setup.isPending}
            onClick={() => setup.mutate()}
          >
            {setup.isPending ? t("starting") : t("start")}
          </button>
        </p>
      </section>
    );
  }

  const data = setup.data;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    enable.mutate({ code: String(new FormData(event.currentTarget).get("code") ?? "").trim() });
  }

  return (
    <section className={`${securityStyles.panel} stack`} aria-labelledby="enrol-setup-title">
      <h2 id="enrol-setup-title">{t("setupTitle")}</h2>
      <div className={securityStyles.setupGrid}>
        <div className="stack">
          <p>{t("scanStep")}</p>
          {/* A PNG data: URL made by the server; next/image adds nothing for it. */}
          <img
            className={securityStyles.qr}
            src={data.qrCode}
            width={240}
            height={240}
            alt={t("qrAlt", { account, issuer })}
          />
        </div>
        <div className="stack">
          <p>{t("keyStep")}</p>
          <p>
            <code className={securityStyles.secret} data-testid="otp-secret">
              {groupSecret(data.secret)}
            </code>
          </p>
          <p className="muted small">{t("keyDetails")}</p>
        </div>
      </div>
      <form method="post" className={formStyles.form} onSubmit={onSubmit}>
        <FormAlert alert={errors.alert} />
        <p className="muted">{t("expires")}</p>
        <TextField
          id="enrol-code"
          name="code"
          label={t("code")}
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
            pending={enable.isPending}
            label={t("confirm")}
            pendingLabel={t("confirming")}
          />
          <button
            type="button"
            className="button button--secondary"
            disabled={setup.isPending}
            onClick={() => setup.mutate()}
          >
            {t("newKey")}
          </button>
        </div>
      </form>
    </section>
  );
}
