"use client";

// The wizard's first two steps: which password, then the e-mailed code.
import { tradingPasswordCodeForm, tradingPasswordTypeForm } from "@brokerage/validators";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, type RefObject } from "react";
import { CodeField, Form, RadioGroupField, SubmitButton, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import { useTRPC } from "~/trpc/react";
import shared from "../_components/shared.module.css";
import type { Account } from "./account-data";
import styles from "./account.module.css";
import type { PasswordType, StartedFlow } from "./password-wizard-flow";

/** A wrong or expired code is about the code field: its sentence goes there. */
const CODE_OF_FIELD = { CODE_INVALID: "code", CODE_EXPIRED: "code" } as const;

function timeOf(iso: string, locale: string): string {
  // Shown after a client action only, so the browser's own time zone is safe here.
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

export function ChooseTypeStep({
  headingRef,
  initial,
  onSubmit,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  initial: PasswordType;
  onSubmit: (type: PasswordType) => Promise<void>;
}) {
  const t = useTranslations("accountPassword");
  const form = useZodForm(tradingPasswordTypeForm, { passwordType: initial });
  return (
    <div className="stack">
      <h4 ref={headingRef} tabIndex={-1} className={styles.stepHeading}>
        {t("chooseHeading")}
      </h4>
      <Form form={form} onSubmit={(values) => onSubmit(values.passwordType)}>
        <RadioGroupField
          name="passwordType"
          legend={t("typeLegend")}
          options={(["main", "investor"] as const).map((type) => ({
            value: type,
            label: <strong>{t(`typeTitle.${type}`)}</strong>,
            description: t(`typeHint.${type}`),
          }))}
        />
        <p className="muted small">{t("codeExplained")}</p>
        <SubmitButton label={t("sendCode")} pendingLabel={t("sending")} />
      </Form>
    </div>
  );
}

export function CodeStep({
  headingRef,
  account,
  flow,
  typeLabel,
  onResend,
  onConfirmed,
  onCancel,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  account: Account;
  flow: StartedFlow;
  typeLabel: string;
  onResend: () => Promise<void>;
  onConfirmed: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("accountPassword");
  const locale = useLocale();
  const trpc = useTRPC();
  const confirm = useMutation(trpc.accounts.passwordWizard.confirm.mutationOptions());
  const resend = useMutation({ mutationFn: onResend });
  const sentence = useCallback((_field: string, code: string) => (code === "INVALID_FORMAT" || code === "REQUIRED" ? t("codeFormat") : undefined), [t]);
  const form = useZodForm(tradingPasswordCodeForm, { code: "" }, { fieldOfCode: CODE_OF_FIELD, sentence });

  return (
    <Form
      form={form}
      className="stack"
      onSubmit={async (values) => {
        await confirm.mutateAsync({ accountId: account.id, flowId: flow.uuid, code: values.code });
        onConfirmed();
      }}
    >
      <h4 ref={headingRef} tabIndex={-1} className={styles.stepHeading}>
        {t("codeHeading")}
      </h4>
      <p className={shared.notice}>
        {t("codeSent", { recipient: flow.data.recipient.email, time: timeOf(flow.data.expiredAt, locale), type: typeLabel })}
      </p>
      <CodeField name="code" digits={6} label={t("codeLabel")} hint={t("codeHint")} />
      <div className={formStyles.actions}>
        <SubmitButton label={t("confirmCode")} pendingLabel={t("confirmCode")} />
        <button
          type="button"
          className="button button--secondary"
          disabled={resend.isPending}
          onClick={() => {
            form.clearAlert();
            resend.mutate(undefined, { onSuccess: () => form.reset({ code: "" }), onError: (error) => form.showRefusal(error) });
          }}
        >
          {t("resendCode")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </Form>
  );
}
