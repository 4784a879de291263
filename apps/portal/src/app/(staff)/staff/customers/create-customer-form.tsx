"use client";

import { createCustomerForm, STAFF_TAN_CHANNELS } from "@brokerage/validators";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormContext } from "react-hook-form";
import { FieldError, Form, SubmitButton, TextField, useFieldParts, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import styles from "../staff-pages.module.css";
import { createCustomerAction } from "./actions";

/** customers:manage: a new customer with the staff-only fields; they set their own password. */
export function CreateCustomerForm() {
  const t = useTranslations("staff.customers.create");
  const [created, setCreated] = useState<{ customerId: number; email: string } | null>(null);
  const form = useZodForm(createCustomerForm, {
    email: "",
    firstName: "",
    lastName: "",
    phone: "",
    preferredLanguage: "",
    deskId: "",
    managerId: "",
    tanChannels: [],
    conversionRateClass: "",
  });
  return (
    <section aria-labelledby="create-title" className={styles.panel}>
      <h2 id="create-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      <Form
        form={form}
        className={styles.form}
        onSubmit={async (values) => {
          setCreated(null);
          const result = await createCustomerAction(values);
          if (result.ok) setCreated(result.value);
          return result;
        }}
      >
        <TextField name="email" type="email" label={t("email")} required />
        <TextField name="firstName" label={t("firstName")} required />
        <TextField name="lastName" label={t("lastName")} required />
        <TextField name="phone" type="tel" label={t("phone")} hint={t("phoneHint")} />
        <TextField name="preferredLanguage" label={t("language")} hint={t("languageHint")} />
        <TextField name="deskId" inputMode="numeric" label={t("deskId")} />
        <TextField name="managerId" inputMode="numeric" label={t("managerId")} hint={t("managerIdHint")} />
        <TanChannels />
        <TextField name="conversionRateClass" inputMode="numeric" label={t("conversionRateClass")} hint={t("conversionRateClassHint")} />
        <SubmitButton label={t("submit")} pendingLabel={t("submitting")} />
      </Form>
      {created ? (
        <p role="status">
          {t("created", { email: created.email })} <Link href={`/staff/customers/${created.customerId}`}>{t("open")}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** The channels for transaction codes: several checkboxes, one list in the schema. */
function TanChannels() {
  const t = useTranslations("staff.customers.create");
  const { register } = useFormContext();
  const field = useFieldParts("tanChannels");
  return (
    <fieldset className={formStyles.fieldset} aria-invalid={field.aria["aria-invalid"]} aria-describedby={field.aria["aria-describedby"]}>
      <legend>{t("tanChannels")}</legend>
      <div className={formStyles.choices}>
        {STAFF_TAN_CHANNELS.map((channel) => (
          <label key={channel} className={formStyles.check}>
            <input type="checkbox" value={channel} {...register("tanChannels")} /> {t(`channels.${channel}`)}
          </label>
        ))}
      </div>
      <FieldError id={field.errorId}>{field.error}</FieldError>
    </fieldset>
  );
}
