"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { ActionProblem } from "../../action-problem";
import type { StaffActionResult } from "../../staff-action-result";
import styles from "../../staff-pages.module.css";
import {
  assignCustomerAction,
  endSessionsAction,
  resetTwoFactorAction,
  setClientCategoryAction,
  setCustomerStatusAction,
} from "../actions";

function useStaffAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<StaffActionResult<unknown> | null>(null);
  const run = (call: () => Promise<StaffActionResult<unknown>>) =>
    startTransition(async () => {
      const answer = await call();
      setResult(answer);
      if (answer.ok) router.refresh();
    });
  return { pending, result, run };
}

/** customers:support: a reason, then end the sessions or reset two-factor. */
export function SupportActions({ customerId }: { customerId: number }) {
  const t = useTranslations("staff.customer.support");
  const { pending, result, run } = useStaffAction();
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<"sessions" | "twoFactor" | null>(null);
  const submit = (what: "sessions" | "twoFactor") => (event: Pick<FormEvent, "preventDefault">) => {
    event.preventDefault();
    setDone(what);
    run(() =>
      what === "sessions"
        ? endSessionsAction(customerId, reason)
        : resetTwoFactorAction(customerId, reason),
    );
  };
  return (
    <section aria-labelledby="support-title" className={styles.panel}>
      <h2 id="support-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      <form className={styles.form} onSubmit={submit("sessions")}>
        <div className="field">
          <label htmlFor="support-reason">{t("reason")}</label>
          <p id="support-reason-hint" className="muted small">
            {t("reasonHint")}
          </p>
          <input
            id="support-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            required
            aria-describedby="support-reason-hint"
          />
        </div>
        <div className={styles.tabs}>
          <button type="submit" className="button" disabled={pending}>
            {t("endSessions")}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={pending}
            onClick={submit("twoFactor")}
          >
            {t("resetTwoFactor")}
          </button>
        </div>
      </form>
      <ActionProblem result={result} />
      {result?.ok && done ? (
        <p role="status">{t(done === "sessions" ? "sessionsEnded" : "twoFactorReset")}</p>
      ) : null}
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
  const { pending, result, run } = useStaffAction();
  const [desk, setDesk] = useState(deskId === null ? "" : String(deskId));
  const [manager, setManager] = useState(managerId === null ? "" : String(managerId));
  return (
    <section aria-labelledby="manage-title" className={styles.panel}>
      <h2 id="manage-title">{t("title")}</h2>
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          run(() => assignCustomerAction(customerId, desk, manager));
        }}
      >
        <div className="field">
          <label htmlFor="assign-desk">{t("deskId")}</label>
          <input
            id="assign-desk"
            inputMode="numeric"
            value={desk}
            onChange={(e) => setDesk(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="assign-manager">{t("managerId")}</label>
          <p id="assign-manager-hint" className="muted small">
            {t("managerIdHint")}
          </p>
          <input
            id="assign-manager"
            inputMode="numeric"
            value={manager}
            onChange={(e) => setManager(e.target.value)}
            aria-describedby="assign-manager-hint"
          />
        </div>
        <button type="submit" className="button" disabled={pending}>
          {t("assign")}
        </button>
      </form>
      <p>
        <button
          type="button"
          className="button button--secondary"
          disabled={pending}
          onClick={() => run(() => setCustomerStatusAction(customerId, status === 0 ? 1 : 0))}
        >
          {status === 0 ? t("disable") : t("enable")}
        </button>
      </p>
      <ActionProblem result={result} />
      {result?.ok ? <p role="status">{t("saved")}</p> : null}
    </section>
  );
}

/** customers:manage: the client category, with the evidence the decision rests on (issue 17). */
export function CategoryAction({ customerId, category }: { customerId: number; category: "RETAIL" | "PROFESSIONAL" }) {
  const t = useTranslations("staff.customer.compliance");
  const { pending, result, run } = useStaffAction();
  const [next, setNext] = useState<"RETAIL" | "PROFESSIONAL">(category === "RETAIL" ? "PROFESSIONAL" : "RETAIL");
  const [evidence, setEvidence] = useState("");
  return (
    <section aria-labelledby="category-title" className={styles.panel}>
      <h2 id="category-title">{t("formTitle")}</h2>
      <p className="muted">{t("formIntro")}</p>
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          run(() => setClientCategoryAction(customerId, next, evidence));
        }}
      >
        <div className="field">
          <label htmlFor="category-next">{t("newCategory")}</label>
          <select id="category-next" value={next} onChange={(e) => setNext(e.target.value as "RETAIL" | "PROFESSIONAL")}>
            <option value="RETAIL">{t("categories.RETAIL")}</option>
            <option value="PROFESSIONAL">{t("categories.PROFESSIONAL")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="category-evidence">{t("evidence")}</label>
          <p id="category-evidence-hint" className="muted small">
            {t("evidenceHint")}
          </p>
          <textarea
            id="category-evidence"
            value={evidence}
            onChange={(e) => setEvidence(e.target.value)}
            maxLength={2000}
            required
            aria-describedby="category-evidence-hint"
          />
        </div>
        <button type="submit" className="button" disabled={pending}>
          {t("save")}
        </button>
      </form>
      <ActionProblem result={result} />
      {result?.ok ? <p role="status">{t("saved")}</p> : null}
    </section>
  );
}
