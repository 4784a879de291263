"use client";

import type { RouterOutputs } from "@brokerage/api";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { formatMoney } from "~/app/accounts/_lib/money";
import { FormAlert } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import { useHydrated } from "~/components/forms/use-hydrated";
import { useErrorMessage } from "~/i18n/use-error-message";
import { useTRPC } from "~/trpc/react";
import { WITHDRAWAL_LIST_INPUT } from "../_lib/list-inputs";
import styles from "../money.module.css";

type Withdrawal = RouterOutputs["withdrawals"]["list"][number];

/** Withdrawals still moving: the list asks again every few seconds while one is. */
const MOVING = new Set<Withdrawal["status"]>(["APPROVED", "PAYING", "RELEASING"]);
const REFRESH_MS = 5_000;

/** The customer's withdrawals, newest first, with "Cancel withdrawal" while one waits for approval. */
export function WithdrawalList() {
  const t = useTranslations("withdrawals");
  const locale = useLocale();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useErrorMessage();
  const hydrated = useHydrated();
  const headingId = useId();
  const statusRef = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { data: withdrawals } = useSuspenseQuery({
    ...trpc.withdrawals.list.queryOptions(WITHDRAWAL_LIST_INPUT),
    refetchInterval: (query) => ((query.state.data ?? []).some((w) => MOVING.has(w.status)) ? REFRESH_MS : false),
  });
  const cancel = useMutation(trpc.withdrawals.cancel.mutationOptions());
  const when = (value: Date | string) => format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

  function cancelWithdrawal(w: Withdrawal) {
    setMessage(null);
    cancel.mutate(
      { withdrawalId: w.id },
      {
        onSettled: () => {
          void queryClient.invalidateQueries({ queryKey: trpc.withdrawals.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.accounts.live.pathKey() });
        },
        onSuccess: () => {
          setMessage(t("canceled", { amount: formatMoney(w.amount, w.currency, locale), login: w.login }));
          statusRef.current?.focus();
        },
      },
    );
  }

  return (
    <section aria-labelledby={headingId} className="stack">
      <h2 id={headingId}>{t("title")}</h2>
      <div ref={statusRef} role="status" tabIndex={-1}>
        {message ? <p className={formStyles.success}>{message}</p> : null}
      </div>
      <FormAlert alert={cancel.error ? describe(cancel.error) : undefined} />
      {withdrawals.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <ul className={styles.list} aria-label={t("listLabel")}>
          {withdrawals.map((w) => {
            const amount = formatMoney(w.amount, w.currency, locale);
            return (
              <li key={w.id} className={styles.item} data-withdrawal-id={w.id}>
                <span className={styles.itemText}>
                  <strong>{t("item", { amount, login: w.login })}</strong>
                  <span>{t(`status.${w.status}`)}</span>
                  <span className="muted small">{t("to", { destination: w.destination.label })}</span>
                  <span className="muted small">
                    {t("requestedAt", { date: when(w.createdAt) })}
                    {w.paidAt ? ` · ${t("paidAt", { date: when(w.paidAt) })}` : ""}
                  </span>
                  {w.rejectionReason ? <span className="small">{t("reason", { reason: w.rejectionReason })}</span> : null}
                </span>
                {w.status === "PENDING" ? (
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={!hydrated || cancel.isPending}
                    onClick={() => cancelWithdrawal(w)}
                  >
                    {cancel.isPending && cancel.variables?.withdrawalId === w.id ? t("canceling") : t("cancel")}
                    <span className="visually-hidden"> {t("cancelWhich", { amount, login: w.login })}</span>
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <p className="muted small">{t("timeZoneNote")}</p>
    </section>
  );
}
