"use client";

import { assignCustomerForm, CLIENT_CATEGORIES, clientCategoryForm, staffReasonForm } from "@brokerage/validators";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { Form, SelectField, SubmitButton, TextAreaField, TextField, useZodForm } from "~/components/forms";
import type { ActionResult } from "~/server/action-result";
import { ActionProblem } from "../../action-problem";
import styles from "../../staff-pages.module.css";
import {
  assignCustomerAction,
  endSessionsAction,
  resetTwoFactorAction,
  setClientCategoryAction,
  setCustomerStatusAction,
} from "../actions";

/** A form's answer: on success the page (rendered on the server) is loaded again, and `onDone` says what was done. */
function useRefreshing() {
  const router = useRouter();
  return <T,>(result: ActionResult<T>, onDone: () => void) => {
    if (result.ok) {
      onDone();
      router.refresh();
    }
    return result;
  };
}

/** customers:support: a reason, then end the sessions or reset two-factor. */
export function SupportActions({ customerId }: { customerId: number }) {
  const t = useTranslations("staff.customer.support");
  const refreshed = useRefreshing();
  const form = useZodForm(staffReasonForm, { reason: "" });
  // Which of the two buttons sent the form.
  const intent = useRef<"sessions" | "twoFactor">("sessions");
  const [done, setDone] = useState<"sessions" | "twoFactor" | null>(null);
  return (
    <section aria-labelledby="support-title" className={styles.panel}>
      <h2 id="support-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      <Form
        form={form}
        className={styles.form}
        aria-labelledby="support-title"
        onSubmit={async (values) => {
          const what = intent.current;
          setDone(null);
          const result: ActionResult<unknown> = await (what === "sessions" ? endSessionsAction(customerId, values) : resetTwoFactorAction(customerId, values));
          return refreshed(result, () => setDone(what));
        }}
      >
        <TextField id="support-reason" name="reason" label={t("reason")} hint={t("reasonHint")} maxLength={500} required />
        <div className={styles.tabs}>
          <SubmitButton label={t("endSessions")} pendingLabel={t("endSessions")} onClick={() => (intent.current = "sessions")} />
          <SubmitButton secondary label={t("resetTwoFactor")} pendingLabel={t("resetTwoFactor")} onClick={() => (intent.current = "twoFactor")} />
        </div>
      </Form>
      {done ? <p role="status">{t(done === "sessions" ? "sessionsEnded" : "twoFactorReset")}</p> : null}
    </section>
  );
}

/** customers:manage: desk and manager, and disable/enable. */
export function ManageActions({
  customerId,
  deskId,
  managerId,
  status,
}: {
  customerId: number;
  deskId: number | null;
  managerId: number | null;
  status: number;
}) {
  const t = useTranslations("staff.customer.manage");
  const refreshed = useRefreshing();
  const form = useZodForm(assignCustomerForm, { deskId: deskId === null ? "" : String(deskId), managerId: managerId === null ? "" : String(managerId) });
  const [saved, setSaved] = useState(false);
  // Disable/enable is a button, not a form: its refusal is shown beside it.
  const [pending, startTransition] = useTransition();
  const [statusResult, setStatusResult] = useState<ActionResult<unknown> | null>(null);
  const toggle = () =>
    startTransition(async () => {
      setSaved(false);
      const result = await setCustomerStatusAction(customerId, status === 0 ? 1 : 0);
      setStatusResult(result);
      refreshed(result, () => setSaved(true));
    });
  return (
    <section aria-labelledby="manage-title" className={styles.panel}>
      <h2 id="manage-title">{t("title")}</h2>
      <Form
        form={form}
        className={styles.form}
        aria-labelledby="manage-title"
        onSubmit={async (values) => {
          setSaved(false);
          setStatusResult(null);
          return refreshed(await assignCustomerAction(customerId, values), () => setSaved(true));
        }}
      >
        <TextField id="assign-desk" name="deskId" inputMode="numeric" label={t("deskId")} />
        <TextField id="assign-manager" name="managerId" inputMode="numeric" label={t("managerId")} hint={t("managerIdHint")} />
        <SubmitButton label={t("assign")} pendingLabel={t("assign")} />
      </Form>
      <p>
        <button type="button" className="button button--secondary" disabled={pending} onClick={toggle}>
          {status === 0 ? t("disable") : t("enable")}
        </button>
      </p>
      <ActionProblem result={statusResult} />
      {saved ? <p role="status">{t("saved")}</p> : null}
    </section>
  );
}

/** customers:manage: the client category, with the evidence the decision rests on (issue 17). */
export function CategoryAction({ customerId, category }: { customerId: number; category: "RETAIL" | "PROFESSIONAL" }) {
  const t = useTranslations("staff.customer.compliance");
  const refreshed = useRefreshing();
  const form = useZodForm(clientCategoryForm, { category: category === "RETAIL" ? "PROFESSIONAL" : "RETAIL", evidence: "" });
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="category-title" className={styles.panel}>
      <h2 id="category-title">{t("formTitle")}</h2>
      <p className="muted">{t("formIntro")}</p>
      <Form
        form={form}
        className={styles.form}
        aria-labelledby="category-title"
        onSubmit={async (values) => {
          setSaved(false);
          return refreshed(await setClientCategoryAction(customerId, values), () => setSaved(true));
        }}
      >
        <SelectField id="category-next" name="category" label={t("newCategory")}>
          {CLIENT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`categories.${c}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField id="category-evidence" name="evidence" label={t("evidence")} hint={t("evidenceHint")} maxLength={2000} required />
        <SubmitButton label={t("save")} pendingLabel={t("save")} />
      </Form>
      {saved ? <p role="status">{t("saved")}</p> : null}
    </section>
  );
}
