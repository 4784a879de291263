"use client";

import { verifyEmailInput, verifyPhoneInput } from "@brokerage/validators";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { CodeField, Form, FormSuccess, SubmitButton, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
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
  const form = useZodForm(channel === "email" ? verifyEmailInput : verifyPhoneInput, { code: "" }, { fieldOfCode: FIELD_OF_CODE });
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

  const digits = DIGITS[channel];
  return (
    <Form
      form={form}
      onSubmit={async (values) => {
        resend.reset();
        await verify.mutateAsync(values);
      }}
    >
      {resend.data ? (
        <FormSuccess>
          <p>{resend.data.alreadyVerified ? t("alreadyVerified") : t("resent", { recipient })}</p>
        </FormSuccess>
      ) : null}
      <CodeField
        id={`verify-${channel}-code`}
        name="code"
        label={t("code")}
        hint={t("codeHint", { digits })}
        digits={digits}
        maxLength={digits}
        required
      />
      <div className={formStyles.actions}>
        <SubmitButton
          label={t(`${channel}.submit`)}
          pendingLabel={t(`${channel}.pending`)}
        />
        <button
          type="button"
          className="button button--secondary"
          disabled={!hydrated || resend.isPending}
          onClick={() => {
            verify.reset();
            form.clearErrors();
            form.clearAlert();
            resend.mutate({ channel }, { onError: form.showRefusal });
          }}
        >
          {resend.isPending ? t("resending") : t("resend")}
        </button>
      </div>
    </Form>
  );
}
