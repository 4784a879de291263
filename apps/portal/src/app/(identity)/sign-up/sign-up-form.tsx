"use client";

import { PREFERRED_LANGUAGES, signUpForm } from "@brokerage/validators";
import { useTranslations } from "next-intl";
import { signUpAction } from "~/app/actions/sign-up";
import { Form, SelectField, SubmitButton, TextField, untilNavigated, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import styles from "../identity.module.css";

const FIELD_OF_CODE = {
  EMAIL_ALREADY_REGISTERED: "email",
  PASSWORD_TOO_SHORT: "password",
  PASSWORD_TOO_LONG: "password",
  PASSWORD_TOO_WEAK: "password",
} as const;

export function SignUpForm({ defaultLanguage }: { defaultLanguage: string }) {
  const t = useTranslations("signUp");
  const initialLanguage = (PREFERRED_LANGUAGES as readonly string[]).includes(defaultLanguage)
    ? defaultLanguage
    : "en";
  const form = useZodForm(
    signUpForm,
    { firstName: "", lastName: "", email: "", password: "", phone: "", preferredLanguage: initialLanguage },
    { fieldOfCode: FIELD_OF_CODE },
  );

  return (
    <Form
      form={form}
      onSubmit={async (values) => {
        const result = await signUpAction({ ...values, ...(values.phone ? {} : { phone: undefined }) });
        if (!result.ok) return result;
        // A full page load, so the whole frame (header, banners) is the new customer's.
        window.location.assign(result.value.redirectTo);
        return untilNavigated();
      }}
    >
      <div className={styles.nameRow}>
        <TextField
          id="sign-up-first-name"
          name="firstName"
          label={t("firstName")}
          autoComplete="given-name"
          required
          maxLength={100}
          />
        <TextField
          id="sign-up-last-name"
          name="lastName"
          label={t("lastName")}
          autoComplete="family-name"
          required
          maxLength={100}
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
      />
      <TextField
        id="sign-up-phone"
        name="phone"
        type="tel"
        label={t("phone")}
        hint={t("phoneHint")}
        autoComplete="tel"
        maxLength={32}
      />
      <SelectField
        id="sign-up-language"
        name="preferredLanguage"
        label={t("preferredLanguage")}
        autoComplete="language"
      >
        {PREFERRED_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`languages.${code}`)}
          </option>
        ))}
      </SelectField>
      <div className={formStyles.actions}>
        <SubmitButton label={t("submit")} pendingLabel={t("pending")} />
      </div>
    </Form>
  );
}
