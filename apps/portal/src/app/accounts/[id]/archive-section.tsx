"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useState } from "react";
import { archiveAccountForm, type StepUpInput } from "@brokerage/validators";
import { Form, RadioGroupField, SubmitButton, useZodForm } from "~/components/forms";
import { useStepUp } from "~/components/step-up/step-up-prompt";
import { useTRPC } from "~/trpc/react";
import { ModalDialog } from "../_components/modal-dialog";
import shared from "../_components/shared.module.css";
import { formatMoney, isPositiveDecimal } from "../_lib/money";
import type { Account, ArchiveOutcome, LiveQuery } from "./account-data";
import styles from "./account.module.css";

/**
 * Archive: the dialog says what happens to the money before anything is done. A funded
 * REAL account moves its live balance to one of the customer's open wallets in the same
 * currency (only those are offered); a DEMO account's play money moves nowhere.
 */
export function ArchiveSection({
  account,
  live,
  onArchived,
}: {
  account: Account;
  live: LiveQuery;
  onArchived: (outcome: ArchiveOutcome) => void;
}) {
  const t = useTranslations("accountArchive");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [refreshing, setRefreshing] = useState(false);

  const walletsQuery = useQuery({
    ...trpc.accounts.list.queryOptions({
      kind: "WALLET",
      alphabeticCurrencyCode: account.currency,
      sortOrder: "asc",
      limit: 100,
    }),
    enabled: open && account.accountMode === "REAL",
  });
  const wallets = (walletsQuery.data?.items ?? []).filter((w) => w.id !== account.id && w.archivedAt === null);

  const archive = useMutation(trpc.accounts.archive.mutationOptions());
  const domainSentence = useCallback((code: string) => (code === "FALLBACK_INVALID" ? t("fallbackInvalid") : undefined), [t]);
  const form = useZodForm(archiveAccountForm, { fallbackId: "" }, { fieldOfCode: { FALLBACK_INVALID: "fallbackId" }, domainSentence });
  const stepUp = useStepUp({ onRefusal: form.showRefusal });
  // The first wallet is chosen until the customer picks another.
  const firstWallet = wallets[0]?.id;
  const { getValues, setValue } = form;
  useEffect(() => {
    if (firstWallet !== undefined && getValues("fallbackId") === "") setValue("fallbackId", String(firstWallet));
  }, [firstWallet, getValues, setValue]);

  const demo = account.accountMode === "DEMO";
  const balance = live.data?.balance;
  const funded = balance !== undefined && isPositiveDecimal(balance);
  const needsWallet = !demo && funded;
  const reading = live.isPending || refreshing;
  const balanceUnknown = !live.data;
  const money = (value: string) => formatMoney(value, account.currency, locale);

  function openDialog() {
    archive.reset();
    form.reset({ fallbackId: firstWallet !== undefined ? String(firstWallet) : "" });
    form.clearAlert();
    setOpen(true);
    // The amount the dialog names must be the balance now, not the last poll's.
    setRefreshing(true);
    void live.refetch().finally(() => setRefreshing(false));
  }

  async function submit(values: { fallbackId: string }) {
    const fallback = needsWallet && values.fallbackId ? Number(values.fallbackId) : undefined;
    const input = { accountId: account.id, ...(fallback !== undefined ? { fallbackId: fallback } : {}) };
    const send = async (confirmation: StepUpInput | undefined) => {
      const result = await archive.mutateAsync({ ...input, stepUp: confirmation });
      const wallet = wallets.find((w) => w.id === result.fallbackId);
      setOpen(false);
      onArchived({ ...result, fallbackCaption: wallet ? `${wallet.caption} (${wallet.login})` : null });
      void queryClient.invalidateQueries({ queryKey: trpc.accounts.pathKey() });
    };
    // Money leaving a REAL account asks for a confirmation: the shared step-up prompt, then the same archive with it.
    try {
      await send(undefined);
    } catch (error) {
      if (stepUp.guard(error, send)) return;
      throw error;
    }
  }

  let explanation: string;
  if (reading) explanation = t("readingBalance");
  else if (balanceUnknown) explanation = t("balanceUnknown");
  else if (demo) explanation = funded ? t("demoFunded", { amount: money(balance!) }) : t("demoEmpty");
  else if (funded) explanation = t("realFunded", { amount: money(balance!) });
  else explanation = t("realEmpty");

  const noWallet = needsWallet && walletsQuery.isSuccess && wallets.length === 0;
  const canConfirm = !reading && !balanceUnknown && !stepUp.active && !(needsWallet && (!walletsQuery.isSuccess || noWallet));

  return (
    <section aria-labelledby={`${id}-heading`} className={`${styles.panel} ${styles.danger} stack`}>
      <h2 id={`${id}-heading`}>{t("heading")}</h2>
      <p>{account.kind === "WALLET" ? t("introWallet") : t("intro")}</p>
      <p>
        <button type="button" className="button button--secondary" onClick={openDialog}>
          {t("archiveButton")}
        </button>
      </p>

      <ModalDialog
        open={open}
        onClose={() => setOpen(false)}
        labelledBy={`${id}-dialog-title`}
        describedBy={`${id}-dialog-explanation`}
        initialFocusSelector="[data-initial-focus]"
      >
        <h2 id={`${id}-dialog-title`}>{t("dialogTitle", { name: account.caption })}</h2>
        <Form form={form} onSubmit={submit} className="stack">
          <p id={`${id}-dialog-explanation`} className={needsWallet ? shared.warning : undefined} aria-live="polite">
            {explanation}
          </p>

          {needsWallet ? (
            walletsQuery.isPending ? (
              <p role="status" className="muted">
                {t("loadingWallets")}
              </p>
            ) : noWallet ? (
              account.kind === "WALLET" ? (
                <p className="alert">{t("walletHoldsFunds", { currency: account.currency })}</p>
              ) : (
                <p className="alert">
                  {t("noWallet", { currency: account.currency })} <Link href="/accounts/open">{t("openWallet")}</Link>
                </p>
              )
            ) : (
              <RadioGroupField
                name="fallbackId"
                legend={t("fallbackLegend", { currency: account.currency })}
                options={wallets.map((wallet) => ({
                  value: String(wallet.id),
                  label: (
                    <>
                      {wallet.caption} <span className="muted">({wallet.login})</span>
                    </>
                  ),
                }))}
              />
            )
          ) : null}

          <p className="muted small">{t("irreversible")}</p>

          <div className={shared.dialogActions}>
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)} data-initial-focus="">
              {t("cancel")}
            </button>
            <SubmitButton danger label={t("archiveButton")} pendingLabel={t("archiving")} disabled={!canConfirm} />
          </div>
        </Form>
        {stepUp.prompt}
      </ModalDialog>
    </section>
  );
}
