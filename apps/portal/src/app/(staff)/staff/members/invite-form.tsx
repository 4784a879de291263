"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert, FormSuccess } from "~/components/forms/form-messages";
import formStyles from "~/components/forms/forms.module.css";
import { SelectField } from "~/components/forms/select-field";
import { SubmitButton } from "~/components/forms/submit-button";
import { TextField } from "~/components/forms/text-field";
import { useFormErrors } from "~/components/forms/use-form-errors";
import { inviteStaffAction } from "./actions";
import { ROLE_KEYS } from "./roles";

const FIELD_OF_CODE = { EMAIL_ALREADY_REGISTERED: "email" } as const;

/** Invites a new staff member: the enrolment link goes to them by e-mail. */
export function InviteStaffForm() {
  const t = useTranslations("staff.members");
  const [state, action, pending] = useActionState(inviteStaffAction, null);
  const errors = useFormErrors(state && !state.ok ? state.error : null, FIELD_OF_CODE);
  return (
    <form action={action} className={formStyles.form} aria-labelledby="invite-title">
      <h2 id="invite-title">{t("inviteTitle")}</h2>
      <p>{t("inviteIntro")}</p>
      {state?.ok ? <FormSuccess>{t("invited", { email: state.value.email })}</FormSuccess> : null}
      <FormAlert alert={errors.alert} />
      <TextField
        id="invite-email"
        name="email"
        type="email"
        label={t("inviteEmail")}
        autoComplete="off"
        required
        error={errors.fields.email}
      />
      <TextField
        id="invite-name"
        name="name"
        label={t("inviteName")}
        autoComplete="off"
        required
        maxLength={100}
        error={errors.fields.name}
      />
      <SelectField
        id="invite-role"
        name="role"
        label={t("inviteRole")}
        defaultValue="KYC_REVIEWER"
        error={errors.fields.role}
      >
        {ROLE_KEYS.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </SelectField>
      <div className={formStyles.actions}>
        <SubmitButton pending={pending} label={t("inviteSubmit")} pendingLabel={t("inviting")} />
      </div>
    </form>
  );
}
