"use client";

import { confirmEmailChangeInput, requestEmailChangeInput } from "@brokerage/validators";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { TextField } from "~/components/forms";
import { useTRPC } from "~/trpc/react";
import { ContactChange } from "./contact-change";

/** The e-mail change: the new address, then the 6-digit code sent there. */
export function EmailChange({ email, verified, pending }: { email: string; verified: boolean; pending: string | null }) {
  const t = useTranslations("profile.email");
  const trpc = useTRPC();
  const request = useMutation(trpc.profile.requestEmailChange.mutationOptions());
  const confirm = useMutation(trpc.profile.confirmEmailChange.mutationOptions());
  return (
    <ContactChange
      kind="email"
      about={
        <p>
          {t("current", { email })} {verified ? null : t("unverified")}
        </p>
      }
      pending={pending}
      requestSchema={requestEmailChangeInput}
      requestDefaults={{ newEmail: "" }}
      requestField={
        <TextField
          id="profile-new-email"
          name="newEmail"
          type="email"
          label={t("newEmail")}
          hint={t("newEmailHint")}
          autoComplete="email"
          spellCheck={false}
          required
          maxLength={254}
        />
      }
      sendRequest={async (values, stepUp) => (await request.mutateAsync({ ...values, stepUp })).newEmail}
      codeSchema={confirmEmailChangeInput}
      codeDigits={6}
      confirmCode={async (values) => (await confirm.mutateAsync(values)).email}
    />
  );
}
