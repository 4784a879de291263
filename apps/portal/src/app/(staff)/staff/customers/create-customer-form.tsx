"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "~/components/forms/submit-button";
import { TextField } from "~/components/forms/text-field";
import { ActionProblem } from "../action-problem";
import styles from "../staff-pages.module.css";
import { createCustomerAction } from "./actions";

/** customers:manage: a new customer with the staff-only fields; they set their own password. */
export function CreateCustomerForm() {
  const t = useTranslations("staff.customers.create");
  const [state, action, pending] = useActionState(createCustomerAction, null);
  const fields = state && !state.ok ? state.fieldErrors : {};
  const err = (name: string) => fields[name]?.join(" ");
  return (
    <section aria-labelledby="create-title" className={styles.panel}>
      <h2 id="create-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      <form action={action} className={styles.form} noValidate>
        <TextField
          id="create-email"
          name="email"
          type="email"
          label={t("email")}
          required
          error={err("email")}
        />
        <TextField
          id="create-first-name"
          name="firstName"
          label={t("firstName")}
          required
          error={err("firstName")}
        />
        <TextField
          id="create-last-name"
          name="lastName"
          label={t("lastName")}
          required
          error={err("lastName")}
        />
        <TextField
          id="create-phone"
          name="phone"
          type="tel"
          label={t("phone")}
          hint={t("phoneHint")}
          error={err("phone")}
        />
        <TextField
          id="create-language"
          name="preferredLanguage"
          label={t("language")}
          hint={t("languageHint")}
          error={err("preferredLanguage")}
        />
        <TextField
          id="create-desk"
          name="deskId"
          inputMode="numeric"
          label={t("deskId")}
          error={err("deskId")}
        />
        <TextField
          id="create-manager"
          name="managerId"
          inputMode="numeric"
          label={t("managerId")}
          hint={t("managerIdHint")}
          error={err("managerId")}
        />
        <fieldset className="field">
          <legend>{t("tanChannels")}</legend>
          {(["sms", "email", "totp"] as const).map((channel) => (
            <label key={channel}>
              <input type="checkbox" name="tanChannels" value={channel} />{" "}
              {t(`channels.${channel}`)}
            </label>
          ))}
          {err("tanChannels") ? <p className="small">{err("tanChannels")}</p> : null}
        </fieldset>
        <TextField
          id="create-conversion"
          name="conversionRateClass"
          inputMode="numeric"
          label={t("conversionRateClass")}
          hint={t("conversionRateClassHint")}
          error={err("conversionRateClass")}
        />
        <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
      </form>
      <ActionProblem result={state} prefix={t("refused")} />
      {state?.ok ? (
        <p role="status">
          {t("created", { email: state.value.email })}{" "}
          <Link href={`/staff/customers/${state.value.customerId}`}>{t("open")}</Link>
        </p>
      ) : null}
    </section>
  );
}
