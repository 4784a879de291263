"use client";

import { inviteStaffInput } from "@brokerage/validators";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Form, FormSuccess, SelectField, SubmitButton, TextField, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import { toFormData } from "~/components/forms/form-data";
import { inviteStaffAction } from "./actions";
import { ROLE_KEYS } from "./roles";

const FIELD_OF_CODE = { EMAIL_ALREADY_REGISTERED: "email" } as const;

/** Invites a new staff member: the enrolment link goes to them by e-mail. */
export function InviteStaffForm() {
  const t = useTranslations("staff.members");
  const [invited, setInvited] = useState<string | null>(null);
  const form = useZodForm(inviteStaffInput, { email: "", name: "", role: "KYC_REVIEWER" }, { fieldOfCode: FIELD_OF_CODE });
  return (
    <Form
      form={form}
      aria-labelledby="invite-title"
      onSubmit={async (values) => {
        setInvited(null);
        const result = await inviteStaffAction(null, toFormData(values));
        if (result.ok) {
          setInvited(result.value.email);
          form.reset();
        }
        return result;
      }}
    >
      <h2 id="invite-title">{t("inviteTitle")}</h2>
      <p>{t("inviteIntro")}</p>
      {invited ? <FormSuccess>{t("invited", { email: invited })}</FormSuccess> : null}
      <TextField id="invite-email" name="email" type="email" label={t("inviteEmail")} autoComplete="off" required />
      <TextField id="invite-name" name="name" label={t("inviteName")} autoComplete="off" required maxLength={100} />
      <SelectField id="invite-role" name="role" label={t("inviteRole")}>
        {ROLE_KEYS.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </SelectField>
      <div className={formStyles.actions}>
        <SubmitButton label={t("inviteSubmit")} pendingLabel={t("inviting")} />
      </div>
    </Form>
  );
}
