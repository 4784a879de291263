"use client";

import { openAccountForm, type FieldCode } from "@brokerage/validators";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import { useFormState } from "react-hook-form";
import { AmountField, Form, SelectField, SubmitButton, untilNavigated, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import { isRetryable } from "~/components/forms/attempt-key";
import { appCodeOf } from "~/trpc/error-info";
import { useTRPC } from "~/trpc/react";
import shared from "../_components/shared.module.css";
import { compareDecimals, formatMoney, isPositiveDecimal } from "../_lib/money";
import type { Group } from "./group-title";
import { openedDespiteDeposit } from "./add-balance-error";
import type { OpenedAccount } from "./opened-dialog";
import styles from "./open.module.css";

/** Where a refusal sends the customer before this group can be opened. */
const STEP_OF_CODE: Record<string, (returnTo: string) => string> = {
  KYC_REQUIRED: (returnTo) => `/kyc?returnTo=${returnTo}`,
  APPROPRIATENESS_REQUIRED: (returnTo) => `/compliance/appropriateness?returnTo=${returnTo}`,
  TERMS_NOT_ACCEPTED: (returnTo) => `/compliance/terms?returnTo=${returnTo}`,
};
type Leaving = "kyc" | "appropriateness" | "terms";

/** The opening form of one group: a leverage and a demo start amount where the group offers them. */
export function OpenGroupForm({ group, onOpened }: { group: Group; onOpened: (opened: OpenedAccount) => void }) {
  const t = useTranslations("accountsOpen");
  const tc = useTranslations("compliance");
  const ts = useTranslations("accountsShared");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [leaving, setLeaving] = useState<Leaving | null>(null);
  const open = useMutation(trpc.accounts.open.mutationOptions());
  const money = useCallback((amount: string) => formatMoney(amount, group.currency, locale), [group.currency, locale]);
  const demo = group.accountMode === "DEMO" && group.maxStartAmount !== null;
  const leverages = group.allowedLeverages.length > 1 ? group.allowedLeverages : [];

  // The shared schema, and this group's own ceiling for a demo start amount.
  const schema = useMemo(
    () =>
      openAccountForm.refine((v) => !group.maxStartAmount || v.startAmount === undefined || compareDecimals(v.startAmount, group.maxStartAmount) <= 0, {
        path: ["startAmount"],
        params: { code: "TOO_BIG" },
      }),
    [group.maxStartAmount],
  );
  const sentence = useCallback(
    (field: string, code: FieldCode) => {
      if (field === "startAmount") {
        return code === "TOO_BIG" && group.maxStartAmount ? t("startAmountTooHigh", { max: money(group.maxStartAmount) }) : t("startAmountFormat");
      }
      if (field === "leverage") return code === "LEVERAGE_CAP" && group.leverageCap !== null ? tc("leverageAboveCap", { cap: group.leverageCap }) : t("leverageInvalid");
      return undefined;
    },
    [t, tc, money, group],
  );
  const form = useZodForm(schema, { leverage: String(group.leverage), startAmount: "" }, { sentence });

  async function submit(values: { leverage?: number | undefined; startAmount?: string | undefined }, attemptKey: string) {
    const input = {
      group: group.name,
      ...(leverages.length && values.leverage !== undefined && values.leverage !== group.leverage ? { leverage: values.leverage } : {}),
      ...(demo && values.startAmount ? { startAmount: values.startAmount } : {}),
      // The same choice retried after a lost reply or a core outage reuses its key.
      idempotencyKey: attemptKey,
    };
    try {
      const result = await open.mutateAsync(input);
      void queryClient.invalidateQueries({ queryKey: trpc.accounts.pathKey() });
      const { accountId, login, kind, accountMode, currency, temporaryPassword } = result;
      onOpened({ accountId, login, kind, accountMode, currency, temporaryPassword, depositFollows: false });
      // The dialog has the password now; the mutation's copy of it goes.
      open.reset();
    } catch (error) {
      const code = appCodeOf(error) ?? "";
      const step = STEP_OF_CODE[code];
      if (step) {
        setLeaving(code === "KYC_REQUIRED" ? "kyc" : code === "APPROPRIATENESS_REQUIRED" ? "appropriateness" : "terms");
        router.push(step(encodeURIComponent(`/accounts/open?group=${encodeURIComponent(group.name)}`)));
        return untilNavigated();
      }
      const account = code === "ADD_BALANCE_ERROR" ? openedDespiteDeposit(error) : null;
      if (code === "ADD_BALANCE_ERROR") void queryClient.invalidateQueries({ queryKey: trpc.accounts.pathKey() });
      if (account) {
        const { kind, accountMode, currency } = group;
        onOpened({ ...account, kind, accountMode, currency, depositFollows: true });
        return;
      }
      throw error;
    }
  }

  return (
    <Form form={form} className={styles.form} onSubmit={(values, { attemptKey }) => submit(values, attemptKey)}>
      {leverages.length ? (
        <SelectField name="leverage" label={t("leverageLabel")}>
          {leverages.map((value) => (
            <option key={value} value={value}>
              {value === group.leverage ? t("leverageDefault", { leverage: value }) : ts("leverageValue", { leverage: value })}
            </option>
          ))}
        </SelectField>
      ) : null}

      {demo ? (
        <AmountField
          name="startAmount"
          label={t("startAmountLabel", { currency: group.currency })}
          hint={t("startAmountHint", {
            max: money(group.maxStartAmount!),
            default: isPositiveDecimal(group.defaultDeposit) ? money(group.defaultDeposit) : money("0"),
          })}
        />
      ) : null}

      {open.error && isRetryable(open.error) ? <p className="small">{t("retryHint")}</p> : null}

      {leaving ? (
        <p role="status" className={shared.notice}>
          {leaving === "kyc" ? t("goingToKyc") : leaving === "appropriateness" ? tc("goingToAppropriateness") : tc("goingToTerms")}
        </p>
      ) : null}

      <div className={formStyles.actions}>
        {/* keepsFocus: a disabled button drops the focus, which the dialog must give back. */}
        <SubmitButton keepsFocus label={t("openButton")} pendingLabel={t("openButton")} />
        <OpeningStatus />
      </div>
    </Form>
  );
}

function OpeningStatus() {
  const t = useTranslations("accountsOpen");
  const { isSubmitting } = useFormState();
  return isSubmitting ? (
    <span role="status" className="muted small">
      {t("opening")}
    </span>
  ) : null;
}
