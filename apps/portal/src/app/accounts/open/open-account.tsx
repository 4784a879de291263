"use client";

import type { RouterOutputs } from "@brokerage/api";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useErrorMessage } from "~/i18n/use-error-message";
import { appCodeOf } from "~/trpc/error-info";
import { useTRPC } from "~/trpc/react";
import { FieldMessage } from "../_components/field-message";
import forms from "../_components/forms.module.css";
import shared from "../_components/shared.module.css";
import { createAttemptKeys, isRetryable, type AttemptKeys } from "../_lib/attempt-key";
import { openedDespiteDeposit, serverFieldCodes } from "../_lib/error-fields";
import { isValidAmountInput } from "@brokerage/validators";
import { compareDecimals, formatMoney, isPositiveDecimal } from "../_lib/money";
import { OpenedDialog, type OpenedAccount } from "./opened-dialog";
import styles from "./open.module.css";

type Group = RouterOutputs["accounts"]["groups"][number];

/** The groups as cards; opening one shows its login and temporary password once. */
export function OpenAccount({ preselected }: { preselected: string | null }) {
  const t = useTranslations("accountsOpen");
  const trpc = useTRPC();
  const { data: groups } = useSuspenseQuery(trpc.accounts.groups.queryOptions());
  const [opened, setOpened] = useState<OpenedAccount | null>(null);
  const chosen = preselected ? groups.find((g) => g.name === preselected) : undefined;

  return (
    <div className="container stack-lg">
      <header className="stack">
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro")}</p>
      </header>

      {preselected ? (
        <p role="status" className={chosen ? shared.notice : "alert"}>
          {chosen ? t("preselected", { name: groupTitle(t, chosen) }) : t("preselectedMissing")}
        </p>
      ) : null}

      {groups.length === 0 ? (
        <p className="alert">{t("noGroups")}</p>
      ) : (
        <ul className={styles.grid}>
          {groups.map((group) => (
            <GroupCard key={group.name} group={group} selected={group.name === chosen?.name} onOpened={setOpened} />
          ))}
        </ul>
      )}

      <OpenedDialog opened={opened} onClose={() => setOpened(null)} />
    </div>
  );
}

type Translate = ReturnType<typeof useTranslations<"accountsOpen">>;

function groupTitle(t: Translate, group: Pick<Group, "kind" | "accountMode" | "currency">): string {
  if (group.kind === "WALLET") return t("groupTitle.WALLET", { currency: group.currency });
  return t(`groupTitle.${group.accountMode}`, { currency: group.currency });
}

function GroupCard({
  group,
  selected,
  onOpened,
}: {
  group: Group;
  selected: boolean;
  onOpened: (opened: OpenedAccount) => void;
}) {
  const t = useTranslations("accountsOpen");
  const ts = useTranslations("accountsShared");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const describe = useErrorMessage();
  const id = useId();
  const cardRef = useRef<HTMLElement>(null);
  const keys = useRef<AttemptKeys | null>(null);
  keys.current ??= createAttemptKeys();

  const [leverage, setLeverage] = useState(String(group.leverage));
  const [startAmount, setStartAmount] = useState("");
  const [amountProblem, setAmountProblem] = useState<string | undefined>();
  const [leavingForKyc, setLeavingForKyc] = useState(false);

  const open = useMutation(trpc.accounts.open.mutationOptions());
  const money = (amount: string) => formatMoney(amount, group.currency, locale);
  const title = groupTitle(t, group);
  const demo = group.accountMode === "DEMO" && group.maxStartAmount !== null;
  const leverages = group.allowedLeverages.length > 1 ? group.allowedLeverages : [];

  useEffect(() => {
    // Back from KYC with ?group=: the card the customer chose gets the focus.
    if (selected) {
      cardRef.current?.scrollIntoView({ block: "center" });
      cardRef.current?.focus();
    }
  }, [selected]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (open.isPending || leavingForKyc) return;
    const amount = startAmount.trim();
    if (demo && amount) {
      if (!isValidAmountInput(amount)) {
        setAmountProblem(t("startAmountFormat"));
        return;
      }
      if (group.maxStartAmount && compareDecimals(amount, group.maxStartAmount) > 0) {
        setAmountProblem(t("startAmountTooHigh", { max: money(group.maxStartAmount) }));
        return;
      }
    }
    setAmountProblem(undefined);
    const chosenLeverage = Number(leverage);
    const input = {
      group: group.name,
      ...(leverages.length && chosenLeverage !== group.leverage ? { leverage: chosenLeverage } : {}),
      ...(demo && amount ? { startAmount: amount } : {}),
    };
    // The same choice retried after a lost reply or a core outage reuses its key.
    const idempotencyKey = keys.current!.keyFor(JSON.stringify(input));
    open.mutate(
      { ...input, idempotencyKey },
      {
        onSuccess(result) {
          keys.current!.finish();
          void queryClient.invalidateQueries({ queryKey: trpc.accounts.pathKey() });
          onOpened({
            accountId: result.accountId,
            login: result.login,
            kind: result.kind,
            accountMode: result.accountMode,
            currency: result.currency,
            temporaryPassword: result.temporaryPassword,
            depositFollows: false,
          });
          // The dialog has the password now; the mutation's copy of it goes.
          open.reset();
        },
        onError(error) {
          const code = appCodeOf(error);
          if (code === "KYC_REQUIRED") {
            keys.current!.finish();
            setLeavingForKyc(true);
            const returnTo = `/accounts/open?group=${encodeURIComponent(group.name)}`;
            router.push(`/kyc?returnTo=${encodeURIComponent(returnTo)}`);
            return;
          }
          if (code === "ADD_BALANCE_ERROR") {
            keys.current!.finish();
            const account = openedDespiteDeposit(error);
            void queryClient.invalidateQueries({ queryKey: trpc.accounts.pathKey() });
            if (account) {
              onOpened({
                accountId: account.accountId,
                login: account.login,
                kind: group.kind,
                accountMode: group.accountMode,
                currency: group.currency,
                temporaryPassword: account.temporaryPassword,
                depositFollows: true,
              });
            }
            return;
          }
          if (!isRetryable(error)) keys.current!.finish();
        },
      },
    );
  }

  const code = open.error ? appCodeOf(open.error) : undefined;
  const handled = code === "KYC_REQUIRED" || (code === "ADD_BALANCE_ERROR" && openedDespiteDeposit(open.error) !== null);
  // The server's field codes, never its English messages.
  const fieldCodes = open.error ? serverFieldCodes(open.error) : {};
  const leverageProblem = fieldCodes.leverage?.length ? t("leverageInvalid") : undefined;
  const serverAmountProblem = fieldCodes.startAmount?.length
    ? fieldCodes.startAmount.includes("TOO_BIG") && group.maxStartAmount
      ? t("startAmountTooHigh", { max: money(group.maxStartAmount) })
      : t("startAmountFormat")
    : undefined;
  const groupProblem = fieldCodes.group?.length
    ? group.kind === "WALLET"
      ? t("walletHeld", { currency: group.currency })
      : t("groupInvalid")
    : undefined;
  const problem = open.error && !handled ? describe(open.error) : null;
  const amountMessage = amountProblem ?? serverAmountProblem;

  return (
    <li>
      <article
        ref={cardRef}
        tabIndex={-1}
        aria-labelledby={`${id}-title`}
        aria-current={selected ? "true" : undefined}
        className={selected ? `${styles.card} ${styles.cardSelected}` : styles.card}
      >
        <header className={styles.cardHeader}>
          <h2 id={`${id}-title`} className={styles.cardTitle}>
            {title}
          </h2>
          <p className={styles.groupCode}>{group.name}</p>
        </header>

        <ul className={shared.badges}>
          <li className={group.accountMode === "DEMO" ? "badge" : "badge badge--ok"}>
            {group.kind === "WALLET" ? ts("kind.WALLET") : ts(`mode.${group.accountMode}`)}
          </li>
          <li className="badge">{group.currency}</li>
        </ul>

        <dl className={styles.facts}>
          <div>
            <dt>{ts("platform")}</dt>
            <dd>{group.platform}</dd>
          </div>
          {group.kind === "TRADING" ? (
            <div>
              <dt>{ts("leverage")}</dt>
              <dd>{ts("leverageValue", { leverage: group.leverage })}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("defaultDeposit")}</dt>
            <dd>{isPositiveDecimal(group.defaultDeposit) ? money(group.defaultDeposit) : t("noDeposit")}</dd>
          </div>
        </dl>

        {group.kycRequired || group.emailVerificationRequired || group.alreadyHeld ? (
          <ul className={styles.needs}>
            {group.kycRequired ? <li>{t("needsKyc")}</li> : null}
            {group.emailVerificationRequired ? <li>{t("needsEmail")}</li> : null}
            {group.alreadyHeld ? <li>{t("walletHeld", { currency: group.currency })}</li> : null}
          </ul>
        ) : null}

        {group.alreadyHeld ? null : (
          <form onSubmit={submit} className={styles.form} noValidate>
            {leverages.length ? (
              <div className={forms.field}>
                <label className={forms.label} htmlFor={`${id}-leverage`}>
                  {t("leverageLabel")}
                </label>
                <select
                  id={`${id}-leverage`}
                  className={forms.control}
                  value={leverage}
                  onChange={(event) => setLeverage(event.target.value)}
                  aria-invalid={leverageProblem ? true : undefined}
                  aria-describedby={leverageProblem ? `${id}-leverage-error` : undefined}
                >
                  {leverages.map((value) => (
                    <option key={value} value={value}>
                      {value === group.leverage
                        ? t("leverageDefault", { leverage: value })
                        : ts("leverageValue", { leverage: value })}
                    </option>
                  ))}
                </select>
                <FieldMessage id={`${id}-leverage-error`} message={leverageProblem} />
              </div>
            ) : null}

            {demo ? (
              <div className={forms.field}>
                <label className={forms.label} htmlFor={`${id}-amount`}>
                  {t("startAmountLabel", { currency: group.currency })}
                </label>
                <input
                  id={`${id}-amount`}
                  className={forms.control}
                  inputMode="decimal"
                  autoComplete="off"
                  value={startAmount}
                  onChange={(event) => setStartAmount(event.target.value)}
                  aria-invalid={amountMessage ? true : undefined}
                  aria-describedby={`${id}-amount-hint${amountMessage ? ` ${id}-amount-error` : ""}`}
                />
                <p id={`${id}-amount-hint`} className={forms.hint}>
                  {t("startAmountHint", {
                    max: money(group.maxStartAmount!),
                    default: isPositiveDecimal(group.defaultDeposit) ? money(group.defaultDeposit) : money("0"),
                  })}
                </p>
                <FieldMessage id={`${id}-amount-error`} message={amountMessage} />
              </div>
            ) : null}

            {problem || groupProblem ? (
              <div role="alert" className="alert">
                <p>{groupProblem ?? problem?.sentence}</p>
                {problem?.reference ? <p className="small">{problem.reference}</p> : null}
                {open.error && isRetryable(open.error) ? <p className="small">{t("retryHint")}</p> : null}
              </div>
            ) : null}

            {leavingForKyc ? (
              <p role="status" className={shared.notice}>
                {t("goingToKyc")}
              </p>
            ) : null}

            <div className={forms.actions}>
              {/* aria-disabled, not disabled: a disabled button drops the focus, which the dialog must give back. */}
              <button type="submit" className="button" aria-disabled={open.isPending || leavingForKyc}>
                {t("openButton")}
              </button>
              {open.isPending ? (
                <span role="status" className="muted small">
                  {t("opening")}
                </span>
              ) : null}
            </div>
          </form>
        )}
      </article>
    </li>
  );
}

export function OpenAccountSkeleton() {
  const t = useTranslations("accountsOpen");
  return (
    <div className="container stack">
      <h1>{t("title")}</h1>
      <p role="status" className="muted">
        {t("loading")}
      </p>
    </div>
  );
}

