"use client";

import { PREFERRED_LANGUAGES, setPreferredLanguageInput, type PreferredLanguage } from "@brokerage/validators";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Form, FormSuccess, SelectField, SubmitButton, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import { useTRPC } from "~/trpc/react";

const isPreferred = (language: string): language is PreferredLanguage => (PREFERRED_LANGUAGES as readonly string[]).includes(language);

/** The preferred language: the sign-up list, stored on the customer. */
export function LanguageForm({ language }: { language: string }) {
  const t = useTranslations("profile.language");
  // The languages' own names, as the sign-up form shows them.
  const names = useTranslations("signUp.languages");
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.profile.setPreferredLanguage.mutationOptions({ onSuccess: () => router.refresh() }));
  const form = useZodForm(setPreferredLanguageInput, { language: isPreferred(language) ? language : "en" });

  return (
    <section className="stack" aria-labelledby="profile-language-title">
      <h2 id="profile-language-title">{t("title")}</h2>
      <Form
        form={form}
        aria-labelledby="profile-language-title"
        onSubmit={async (values) => {
          save.reset();
          await save.mutateAsync(values);
        }}
      >
        {save.isSuccess ? (
          <FormSuccess>
            <p>{t("saved")}</p>
          </FormSuccess>
        ) : null}
        <SelectField id="profile-language" name="language" label={t("label")} hint={t("hint")} autoComplete="language">
          {PREFERRED_LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {names(code)}
            </option>
          ))}
        </SelectField>
        <div className={formStyles.actions}>
          <SubmitButton label={t("submit")} pendingLabel={t("pending")} />
        </div>
      </Form>
    </section>
  );
}
