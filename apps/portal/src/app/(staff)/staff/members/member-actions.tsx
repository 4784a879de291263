"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert, FormSuccess, useRefusalAlert } from "~/components/forms/form-messages";
import { useHydrated } from "~/components/forms/use-hydrated";
import styles from "../staff-pages.module.css";
import { manageStaffMemberAction } from "./actions";
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
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState(manageStaffMemberAction, null);
  const errorsAlert = useRefusalAlert(state && !state.ok ? state.error : null);
  const disabled = pending || !hydrated;
  const roleId = `role-${member.id}`;
  return (
    <form action={action} className="stack">
      <input type="hidden" name="staffId" value={member.id} />
      <div className={styles.inline}>
        <div>
          <label htmlFor={roleId}>{t("roleFor", { name: member.name })}</label>
          <select id={roleId} name="role" defaultValue={member.role}>
            {ROLE_KEYS.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          name="intent"
          value="changeRole"
          className="button button--secondary"
          disabled={disabled}
        >
          {t("changeRole", { name: member.name })}
        </button>
      </div>
      <div className={styles.actions}>
        <button
          type="submit"
          name="intent"
          value={member.enabled ? "disable" : "enable"}
          className="button button--secondary"
          disabled={disabled}
        >
          {member.enabled
            ? t("disable", { name: member.name })
            : t("enable", { name: member.name })}
        </button>
        <button
          type="submit"
          name="intent"
          value="endSessions"
          className="button button--secondary"
          disabled={disabled || member.activeSessions === 0}
        >
          {t("endSessions", { name: member.name })}
        </button>
        <button
          type="submit"
          name="intent"
          value="resetTwoFactor"
          className="button button--secondary"
          disabled={disabled || !member.otpEnabled}
        >
          {t("resetTwoFactor", { name: member.name })}
        </button>
        {member.passwordSet ? null : (
          <button
            type="submit"
            name="intent"
            value="resendInvite"
            className="button button--secondary"
            disabled={disabled}
          >
            {t("resendInvite", { name: member.name })}
          </button>
        )}
      </div>
      {state?.ok ? (
        <FormSuccess>{t(`done.${state.value.intent}`, { name: member.name })}</FormSuccess>
      ) : null}
      <FormAlert alert={errorsAlert} />
    </form>
  );
}
