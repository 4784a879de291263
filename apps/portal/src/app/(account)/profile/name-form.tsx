"use client";

import { updateNameInput } from "@brokerage/validators";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Form, FormSuccess, SubmitButton, TextField, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import { useTRPC } from "~/trpc/react";

/** First and last name; once KYC holds the name it is shown, not offered for change. */
export function NameForm({ firstName, lastName, locked }: { firstName: string; lastName: string; locked: boolean }) {
  const t = useTranslations("profile.name");
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.profile.updateName.mutationOptions({ onSuccess: () => router.refresh() }));
  const form = useZodForm(updateNameInput, { firstName, lastName });

  return (
    <section className="stack" aria-labelledby="profile-name-title">
      <h2 id="profile-name-title">{t("title")}</h2>
      {locked ? (
        <p>{t("locked", { name: `${firstName} ${lastName}` })}</p>
      ) : (
        <Form
          form={form}
          aria-labelledby="profile-name-title"
          onSubmit={async (values) => {
            update.reset();
            await update.mutateAsync(values);
          }}
        >
          {update.isSuccess ? (
            <FormSuccess>
              <p>{t("saved")}</p>
            </FormSuccess>
          ) : null}
          <TextField id="profile-first-name" name="firstName" label={t("firstName")} autoComplete="given-name" required maxLength={100} />
          <TextField id="profile-last-name" name="lastName" label={t("lastName")} autoComplete="family-name" required maxLength={100} />
          <div className={formStyles.actions}>
            <SubmitButton label={t("submit")} pendingLabel={t("pending")} />
          </div>
        </Form>
      )}
    </section>
  );
}
