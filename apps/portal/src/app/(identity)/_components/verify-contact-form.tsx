"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, type FormEvent } from "react";
import { FormAlert, FormSuccess } from "~/components/forms/form-messages";
import formStyles from "~/components/forms/forms.module.css";
import { SubmitButton } from "~/components/forms/submit-button";
import { TextField } from "~/components/forms/text-field";
import { useFocusOnError } from "~/components/forms/use-focus-on-error";
import { useFormErrors } from "~/components/forms/use-form-errors";
import { useHydrated } from "~/components/forms/use-hydrated";
import { useTRPC } from "~/trpc/react";

export type ContactChannel = "email" | "phone";

const DIGITS: Record<ContactChannel, number> = { email: 6, phone: 4 };
const FIELD_OF_CODE = { CODE_INVALID: "code", CODE_EXPIRED: "code" } as const;

/**
 * The code form of /verify-email and /verify-phone, with "Send a new code". After a
 * successful check the page (and the layout's banner) is rendered again.
 */
export function VerifyContactForm({
  channel,
  recipient,
  verified,
  offerPhone,
}: {
  channel: ContactChannel;
  recipient: string;
  verified: boolean;
  /** After the e-mail: the customer has a phone number that still needs verifying. */
  offerPhone: boolean;
}) {
  const t = useTranslations("verifyContact");
  const trpc = useTRPC();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const successRef = useRef<HTMLDivElement>(null);
  // The page, and the layout's banner, know the new state once rendered again.
  const refresh = () => router.refresh();
  const verifyEmail = useMutation(
    trpc.customer.verifyEmail.mutationOptions({ onSuccess: refresh }),
  );
  const verifyPhone = useMutation(
    trpc.customer.verifyPhone.mutationOptions({ onSuccess: refresh }),
  );
  const verify = channel === "email" ? verifyEmail : verifyPhone;
  const resend = useMutation(trpc.customer.resendCode.mutationOptions());
  const hydrated = useHydrated();
  const error = verify.error ?? resend.error;
  const errors = useFormErrors(error, FIELD_OF_CODE);
  useFocusOnError(formRef, error);
  useEffect(() => {
    if (verify.isSuccess) successRef.current?.focus();
  }, [verify.isSuccess]);

  if (verify.isSuccess || verified) {
    return (
      <FormSuccess ref={successRef}>
        <p>
          {verify.isSuccess
            ? t(`${channel}.justVerified`, { recipient })
            : t(`${channel}.verified`, { recipient })}
        </p>
        <p>
          {offerPhone ? (
            <Link href="/verify-phone">{t("verifyPhoneNext")}</Link>
          ) : (
            <Link href="/accounts">{t("continue")}</Link>
          )}
        </p>
      </FormSuccess>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    resend.reset();
    verify.mutate({ code: String(new FormData(event.currentTarget).get("code") ?? "").trim() });
  }

  const digits = DIGITS[channel];
  return (
    <form ref={formRef} method="post" className={formStyles.form} onSubmit={onSubmit}>
      <FormAlert alert={errors.alert} />
      {resend.data ? (
        <FormSuccess>
          <p>{resend.data.alreadyVerified ? t("alreadyVerified") : t("resent", { recipient })}</p>
        </FormSuccess>
      ) : null}
      <TextField
        id={`verify-${channel}-code`}
        name="code"
        label={t("code")}
        hint={t("codeHint", { digits })}
        autoComplete="one-time-code"
        inputMode="numeric"
        maxLength={digits}
        required
        code
        error={errors.fields.code}
      />
      <div className={formStyles.actions}>
        <SubmitButton
          pending={verify.isPending}
          label={t(`${channel}.submit`)}
          pendingLabel={t(`${channel}.pending`)}
        />
        <button
          type="button"
          className="button button--secondary"
          disabled={!hydrated || resend.isPending}
          onClick={() => {
            verify.reset();
            resend.mutate({ channel });
          }}
        >
          {resend.isPending ? t("resending") : t("resend")}
        </button>
      </div>
    </form>
  );
}
