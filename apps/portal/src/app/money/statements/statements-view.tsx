"use client";

import type { RouterOutputs } from "@brokerage/api";
import { statementForm } from "@brokerage/validators";
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useWatch } from "react-hook-form";
import { formatMoney } from "~/app/accounts/_lib/money";
import { Form, FormSuccess, SelectField, SubmitButton, useZodForm } from "~/components/forms";
import { useTRPC } from "~/trpc/react";
import styles from "../money.module.css";

type StatementAccount = RouterOutputs["statements"]["list"]["accounts"][number];
type Statement = RouterOutputs["statements"]["generate"];

/** The path the download route serves: /money/statements/<accountId>/<YYYY-MM>.pdf|csv. */
export const statementHref = (accountId: number, month: string, format: "pdf" | "csv") =>
  `/money/statements/${accountId}/${month}.${format}`;

/** Account and month, then "Show statement": the statement's figures and its two downloads. */
export function StatementsView({ accounts, initialAccountId }: { accounts: StatementAccount[]; initialAccountId: string }) {
  const t = useTranslations("statements");
  const trpc = useTRPC();
  const generate = useMutation(trpc.statements.generate.mutationOptions());
  const [statement, setStatement] = useState<Statement | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const firstMonth = (id: string) => accounts.find((a) => String(a.accountId) === id)?.months[0]?.month ?? "";
  const form = useZodForm(statementForm, { accountId: initialAccountId, month: firstMonth(initialAccountId) });
  const accountId = useWatch({ control: form.control, name: "accountId" });
  const account = accounts.find((a) => String(a.accountId) === accountId);

  // Another account: its newest month, and the last statement shown no longer applies.
  const { setValue } = form;
  useEffect(() => {
    setValue("month", account?.months[0]?.month ?? "");
  }, [account, setValue]);

  useEffect(() => {
    if (statement) resultRef.current?.focus();
  }, [statement]);

  return (
    <>
      <section className={styles.panel} aria-label={t("title")}>
        <Form
          form={form}
          onSubmit={async (values) => {
            setStatement(null);
            setStatement(await generate.mutateAsync(values));
          }}
        >
          <SelectField name="accountId" label={t("account")}>
            {accounts.map((a) => (
              <option key={a.accountId} value={a.accountId}>
                {t(a.archived ? "archivedOption" : "accountOption", { caption: a.caption, login: a.login, currency: a.currency })}
              </option>
            ))}
          </SelectField>
          {account && account.months.length > 0 ? (
            <>
              <SelectField name="month" label={t("month")} hint={t("monthHint")}>
                {account.months.map((m) => (
                  <option key={m.month} value={m.month}>
                    {m.month}
                  </option>
                ))}
              </SelectField>
              <SubmitButton label={t("submit")} pendingLabel={t("pending")} />
            </>
          ) : (
            <p>{t("noMonths")}</p>
          )}
        </Form>
      </section>
      {statement ? <StatementSummary statement={statement} ref={resultRef} /> : null}
    </>
  );
}

function StatementSummary({ statement, ref }: { statement: Statement; ref: React.Ref<HTMLDivElement> }) {
  const t = useTranslations("statements");
  const locale = useLocale();
  const format = useFormatter();
  const money = (amount: string) => formatMoney(amount, statement.currency, locale);
  return (
    <FormSuccess ref={ref}>
      <h2>{t("resultHeading", { month: statement.month })}</h2>
      <dl>
        <dt>{t("opening")}</dt>
        <dd>{money(statement.openingBalance)}</dd>
        <dt>{t("credits")}</dt>
        <dd>{money(statement.credits)}</dd>
        <dt>{t("debits")}</dt>
        <dd>{money(statement.debits)}</dd>
        <dt>{t("closing")}</dt>
        <dd>{money(statement.closingBalance)}</dd>
        <dt>{t("fees")}</dt>
        <dd>{money(statement.fees)}</dd>
      </dl>
      <p className="small">{t("feesNote")}</p>
      <p>
        {t("movements", { count: statement.movementCount })}. {t("issued", { date: format.dateTime(new Date(statement.generatedAt), { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }) })}
      </p>
      <nav aria-label={t("downloadsLabel")}>
        <ul className={styles.list}>
          <li>
            <a href={statementHref(statement.accountId, statement.month, "pdf")} download={statement.fileNames.pdf}>
              {t("downloadPdf")}
            </a>
          </li>
          <li>
            <a href={statementHref(statement.accountId, statement.month, "csv")} download={statement.fileNames.csv}>
              {t("downloadCsv")}
            </a>
          </li>
        </ul>
      </nav>
    </FormSuccess>
  );
}
