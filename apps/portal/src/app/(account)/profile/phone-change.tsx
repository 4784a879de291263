"use client";

import { confirmPhoneChangeInput, requestPhoneChangeForm } from "@brokerage/validators";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { TextField } from "~/components/forms";
import { useTRPC } from "~/trpc/react";
import { ContactChange } from "./contact-change";

/** The phone change: the new number, then the 4-digit code sent to it by text message. */
export function PhoneChange({
  phone,
  verified,
  smsOtpEnabled,
  pending,
}: {
  phone: string | null;
  verified: boolean;
  smsOtpEnabled: boolean;
  pending: string | null;
}) {
  const t = useTranslations("profile.phone");
  const trpc = useTRPC();
  const request = useMutation(trpc.profile.requestPhoneChange.mutationOptions());
  const confirm = useMutation(trpc.profile.confirmPhoneChange.mutationOptions());
  return (
    <ContactChange
      kind="phone"
      about={
        <>
          <p>
            {phone ? t("current", { phone }) : t("none")} {phone && !verified ? t("unverified") : null}
          </p>
          {smsOtpEnabled ? <p>{t("smsSecondFactor")}</p> : null}
        </>
      }
      pending={pending}
      requestSchema={requestPhoneChangeForm}
      requestDefaults={{ phone: "" }}
      requestField={<TextField id="profile-new-phone" name="phone" type="tel" label={t("newPhone")} hint={t("newPhoneHint")} autoComplete="tel" required maxLength={32} />}
      sendRequest={async (values, stepUp) => (await request.mutateAsync({ ...values, stepUp })).phone}
      codeSchema={confirmPhoneChangeInput}
      codeDigits={4}
      confirmCode={async (values) => (await confirm.mutateAsync(values)).phone}
    />
  );
}
