"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { FormAlert, FormSuccess } from "~/components/forms/form-messages";
import formStyles from "~/components/forms/forms.module.css";
import { SubmitButton } from "~/components/forms/submit-button";
import { TextField } from "~/components/forms/text-field";
import { useFocusOnError } from "~/components/forms/use-focus-on-error";
import { useFormErrors } from "~/components/forms/use-form-errors";
import { useTRPC } from "~/trpc/react";

/** Asks for a reset code. The answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const t = useTranslations("forgotPassword");
  const trpc = useTRPC();
  const formRef = useRef<HTMLFormElement>(null);
  const successRef = useRef<HTMLDivElement>(null);
  const [email, setEmail] = useState("");
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const errors = useFormErrors(request.error);
  useFocusOnError(formRef, request.error);
  useEffect(() => {
    if (request.isSuccess) successRef.current?.focus();
  }, [request.isSuccess]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    setEmail(typed);
    request.mutate({ email: typed });
  }

  return (
    <form ref={formRef} method="post" className={formStyles.form} onSubmit={onSubmit}>
      <FormAlert alert={errors.alert} />
      {request.isSuccess ? (
        <FormSuccess ref={successRef}>
          <p>{t("sent", { email })}</p>
          <p>
            <Link href={`/reset-password?${new URLSearchParams({ email })}`}>{t("enterCode")}</Link>
          </p>
        </FormSuccess>
      ) : null}
      <TextField
        id="forgot-password-email"
        name="email"
        type="email"
        label={t("email")}
        autoComplete="email"
        required
        maxLength={254}
        spellCheck={false}
        error={errors.fields.email}
      />
      <div className={formStyles.actions}>
        <SubmitButton pending={request.isPending} label={t("submit")} pendingLabel={t("pending")} />
      </div>
    </form>
  );
}
