"use client";

import { memberRoleForm } from "@brokerage/validators";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Form, FormSuccess, SelectField, SubmitButton, useZodForm } from "~/components/forms";
import { toFormData } from "~/components/forms/form-data";
import styles from "../staff-pages.module.css";
import { manageStaffMemberAction, type MemberIntent } from "./actions";
import { ROLE_KEYS, type RoleKey } from "./roles";

/**
 * What an ADMIN can do to one member: change the role, disable or enable, end their
 * sessions, reset their two-factor. Each button says what it does and to whom.
 */
export function MemberActions({
  member,
}: {
  member: {
    id: number;
    name: string;
    role: RoleKey;
    enabled: boolean;
    otpEnabled: boolean;
    passwordSet: boolean;
    activeSessions: number;
  };
}) {
  const t = useTranslations("staff.members");
  const form = useZodForm(memberRoleForm, { role: member.role });
  // Which button sent the form.
  const intent = useRef<MemberIntent>("changeRole");
  const [done, setDone] = useState<MemberIntent | null>(null);
  const button = (what: MemberIntent, label: string, disabled = false) => (
    <SubmitButton secondary label={label} pendingLabel={label} disabled={disabled} onClick={() => (intent.current = what)} />
  );
  return (
    <Form
      form={form}
      className="stack"
      onSubmit={async (values) => {
        const what = intent.current;
        setDone(null);
        const result = await manageStaffMemberAction(null, toFormData({ staffId: member.id, intent: what, role: values.role }));
        if (result.ok) setDone(result.value.intent);
        return result;
      }}
    >
      <div className={styles.inline}>
        <SelectField id={`role-${member.id}`} name="role" label={t("roleFor", { name: member.name })}>
          {ROLE_KEYS.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </SelectField>
        {button("changeRole", t("changeRole", { name: member.name }))}
      </div>
      <div className={styles.actions}>
        {member.enabled ? button("disable", t("disable", { name: member.name })) : button("enable", t("enable", { name: member.name }))}
        {button("endSessions", t("endSessions", { name: member.name }), member.activeSessions === 0)}
        {button("resetTwoFactor", t("resetTwoFactor", { name: member.name }), !member.otpEnabled)}
        {member.passwordSet ? null : button("resendInvite", t("resendInvite", { name: member.name }))}
      </div>
      {done ? <FormSuccess>{t(`done.${done}`, { name: member.name })}</FormSuccess> : null}
    </Form>
  );
}
