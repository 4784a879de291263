"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, type FormEvent } from "react";
import { signUpAction } from "~/app/actions/sign-up";
import { throwingRefusals } from "~/components/forms/action-mutation";
import { FormAlert } from "~/components/forms/form-messages";
import formStyles from "~/components/forms/forms.module.css";
import { SelectField } from "~/components/forms/select-field";
import { SubmitButton } from "~/components/forms/submit-button";
import { TextField } from "~/components/forms/text-field";
import { useFocusOnError } from "~/components/forms/use-focus-on-error";
import { useFormErrors } from "~/components/forms/use-form-errors";
import styles from "../identity.module.css";

/** The languages a customer may prefer (for messages, and the portal once it speaks them). */
export const PREFERRED_LANGUAGES = ["en", "de", "es", "fr", "it", "pl"] as const;

const FIELD_OF_CODE = {
  EMAIL_ALREADY_REGISTERED: "email",
  PASSWORD_TOO_SHORT: "password",
  PASSWORD_TOO_LONG: "password",
  PASSWORD_TOO_WEAK: "password",
} as const;

const signUp = throwingRefusals(signUpAction);

export function SignUpForm({ defaultLanguage }: { defaultLanguage: string }) {
  const t = useTranslations("signUp");
  const formRef = useRef<HTMLFormElement>(null);
  const mutation = useMutation({
    mutationFn: signUp,
    // A full page load, so the whole frame (header, banners) is the new customer's.
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
  const errors = useFormErrors(mutation.error, FIELD_OF_CODE);
  useFocusOnError(formRef, mutation.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    mutation.mutate({
      firstName: value("firstName"),
      lastName: value("lastName"),
      email: value("email"),
      password: value("password"),
      phone: value("phone"),
      preferredLanguage: value("preferredLanguage"),
    });
  }

  const initialLanguage = (PREFERRED_LANGUAGES as readonly string[]).includes(defaultLanguage)
    ? defaultLanguage
    : "en";

  return (
    <form ref={formRef} method="post" className={formStyles.form} onSubmit={onSubmit}>
      <FormAlert alert={errors.alert} />
      <div className={styles.nameRow}>
        <TextField
          id="sign-up-first-name"
          name="firstName"
          label={t("firstName")}
          autoComplete="given-name"
          required
          maxLength={100}
          error={errors.fields.firstName}
        />
        <TextField
          id="sign-up-last-name"
          name="lastName"
          label={t("lastName")}
          autoComplete="family-name"
          required
          maxLength={100}
          error={errors.fields.lastName}
        />
      </div>
      <TextField
        id="sign-up-email"
        name="email"
        type="email"
        label={t("email")}
        autoComplete="email"
        required
        maxLength={254}
        spellCheck={false}
        error={errors.fields.email}
      />
      <TextField
        id="sign-up-password"
        name="password"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        autoComplete="new-password"
        required
        maxLength={1024}
        error={errors.fields.password}
      />
      <TextField
        id="sign-up-phone"
        name="phone"
        type="tel"
        label={t("phone")}
        hint={t("phoneHint")}
        autoComplete="tel"
        maxLength={32}
        error={errors.fields.phone}
      />
      <SelectField
        id="sign-up-language"
        name="preferredLanguage"
        label={t("preferredLanguage")}
        autoComplete="language"
        defaultValue={initialLanguage}
        error={errors.fields.preferredLanguage}
      >
        {PREFERRED_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`languages.${code}`)}
          </option>
        ))}
      </SelectField>
      <div className={formStyles.actions}>
        <SubmitButton
          pending={mutation.isPending || mutation.isSuccess}
          label={t("submit")}
          pendingLabel={t("pending")}
        />
      </div>
    </form>
  );
}
