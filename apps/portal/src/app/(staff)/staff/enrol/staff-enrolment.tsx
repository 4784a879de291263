"use client";

import { enrolmentCodeInput } from "@brokerage/validators";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { RecoveryCodesPanel } from "~/app/(account)/security/recovery-codes-panel";
import { AuthenticatorKey } from "~/app/(account)/security/authenticator-key";
import securityStyles from "~/app/(account)/security/security.module.css";
import { CodeField, Form, FormAlert, SubmitButton, useRefusalAlert, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import { finishEnrolmentAction, startEnrolmentAction } from "./actions";
import { useHydrated } from "~/components/forms/use-hydrated";

/** A server action's refusal thrown, so the mutation keeps it as its error. */
async function start() {
  const result = await startEnrolmentAction();
  if (!result.ok) throw result.error;
  return result.value;
}
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
  const hydrated = useHydrated();
  const setupAlert = useRefusalAlert(setup.error);
  const form = useZodForm(enrolmentCodeInput, { code: "" }, { fieldOfCode: FIELD_OF_CODE });

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
        <FormAlert alert={setupAlert} />
        <p>
          <button
            type="button"
            className="button"
            disabled={!hydrated || setup.isPending}
            onClick={() => setup.mutate()}
          >
            {setup.isPending ? t("starting") : t("start")}
          </button>
        </p>
      </section>
    );
  }

  const data = setup.data;

  return (
    <section className={`${securityStyles.panel} stack`} aria-labelledby="enrol-setup-title">
      <h2 id="enrol-setup-title">{t("setupTitle")}</h2>
      <AuthenticatorKey
        qrCode={data.qrCode}
        secret={data.secret}
        qrAlt={t("qrAlt", { account, issuer })}
        scanStep={t("scanStep")}
        keyStep={t("keyStep")}
        keyDetails={t("keyDetails")}
      />
      <Form
        form={form}
        onSubmit={async (values) => {
          const result = await finishEnrolmentAction(values);
          if (result.ok) setRecoveryCodes(result.value.recoveryCodes);
          return result;
        }}
      >
        <p className="muted">{t("expires")}</p>
        <CodeField id="enrol-code" name="code" label={t("code")} hint={t("codeHint")} digits={6} maxLength={6} required />
        <div className={formStyles.actions}>
          <SubmitButton label={t("confirm")} pendingLabel={t("confirming")} />
          <button
            type="button"
            className="button button--secondary"
            disabled={setup.isPending}
            onClick={() => {
              form.reset();
              form.clearAlert();
              setup.mutate();
            }}
          >
            {t("newKey")}
          </button>
        </div>
      </Form>
    </section>
  );
}
