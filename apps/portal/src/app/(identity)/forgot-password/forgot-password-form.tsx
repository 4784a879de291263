"use client";

import { requestPasswordResetInput } from "@brokerage/validators";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Form, FormSuccess, SubmitButton, TextField, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import { useTRPC } from "~/trpc/react";

/** Asks for a reset code. The answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const t = useTranslations("forgotPassword");
  const trpc = useTRPC();
  const successRef = useRef<HTMLDivElement>(null);
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const form = useZodForm(requestPasswordResetInput, { email: "" });
  const email = request.variables?.email ?? "";
  useEffect(() => {
    if (request.isSuccess) successRef.current?.focus();
  }, [request.isSuccess]);

  return (
    <Form
      form={form}
      onSubmit={async (values) => {
        request.reset();
        await request.mutateAsync(values);
      }}
    >
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
      />
      <div className={formStyles.actions}>
        <SubmitButton label={t("submit")} pendingLabel={t("pending")} />
      </div>
    </Form>
  );
}
