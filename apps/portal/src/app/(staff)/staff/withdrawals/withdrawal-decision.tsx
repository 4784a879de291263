"use client";

import { withdrawalRejectionForm } from "@brokerage/validators";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Form, FormAlert, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { useHydrated } from "~/components/forms/use-hydrated";
import { useErrorMessage } from "~/i18n/use-error-message";
import { useTRPC } from "~/trpc/react";
import styles from "../staff-pages.module.css";

/** "Approve and pay out", or "Reject" with the reason the customer reads, for one pending withdrawal. */
export function WithdrawalDecision({ withdrawalId, label }: { withdrawalId: string; label: string }) {
  const t = useTranslations("staffWithdrawals");
  const trpc = useTRPC();
  const router = useRouter();
  const describe = useErrorMessage();
  const hydrated = useHydrated();
  const [refreshing, startRefresh] = useTransition();
  const [outcome, setOutcome] = useState<"approved" | "rejected" | null>(null);
  const approve = useMutation(trpc.staffWithdrawals.approve.mutationOptions());
  const reject = useMutation(trpc.staffWithdrawals.reject.mutationOptions());
  const form = useZodForm(withdrawalRejectionForm, { reason: "" });
  const busy = !hydrated || approve.isPending || reject.isPending || refreshing || outcome !== null;
  const done = (what: "approved" | "rejected") => {
    setOutcome(what);
    startRefresh(() => router.refresh());
  };

  return (
    <div className={styles.decision}>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => {
          reject.reset();
          approve.mutate({ withdrawalId }, { onSuccess: () => done("approved") });
        }}
      >
        {t("approve")}
        <span className="visually-hidden">: {label}</span>
      </button>
      <FormAlert alert={approve.error ? describe(approve.error) : undefined} />
      <Form
        form={form}
        className={styles.inlineForm}
        onSubmit={async ({ reason }) => {
          approve.reset();
          await reject.mutateAsync({ withdrawalId, reason });
          done("rejected");
        }}
      >
        <TextField name="reason" label={t("rejectReason", { request: label })} required maxLength={500} />
        <SubmitButton label={t("reject")} pendingLabel={t("reject")} secondary />
      </Form>
      {outcome ? <p role="status">{t(outcome)}</p> : null}
    </div>
  );
}
