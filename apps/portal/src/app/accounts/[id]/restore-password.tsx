"use client";

import { tradingPasswordTypeForm } from "@brokerage/validators";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { Form, RadioGroupField, SubmitButton, useZodForm } from "~/components/forms";
import { useTRPC } from "~/trpc/react";
import shared from "../_components/shared.module.css";
import type { Account } from "./account-data";
import styles from "./account.module.css";

/** A forgotten trading password: a new one is set and an e-mailed single-use link shows it once. */
export function RestorePassword({ account }: { account: Account }) {
  const t = useTranslations("accountPassword");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const form = useZodForm(tradingPasswordTypeForm, { passwordType: "main" });
  const restore = useMutation(
    trpc.accounts.restorePassword.mutationOptions({
      onSuccess() {
        // A restored main password is temporary again: the account shows the badge.
        void queryClient.invalidateQueries({ queryKey: trpc.accounts.get.queryKey({ accountId: account.id }) });
        void queryClient.invalidateQueries({ queryKey: trpc.accounts.list.pathKey() });
      },
    }),
  );

  return (
    <section aria-labelledby={`${id}-heading`} className={styles.subsection}>
      <h3 id={`${id}-heading`} className={styles.subheading}>
        {t("restoreHeading")}
      </h3>
      <p>{t("restoreIntro")}</p>
      <Form form={form} onSubmit={(values) => restore.mutateAsync({ accountId: account.id, ...values })}>
        <RadioGroupField
          name="passwordType"
          legend={t("restoreLegend")}
          options={(["main", "investor"] as const).map((type) => ({ value: type, label: t(`typeTitle.${type}`) }))}
        />
        <SubmitButton secondary label={t("sendRestoreLink")} pendingLabel={t("sendRestoreLink")} />
      </Form>
      <p role="status" className={restore.data ? shared.notice : undefined}>
        {restore.data
          ? t("restoreSent", {
              type: t(`type.${restore.variables?.passwordType ?? "main"}`),
              time: new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" }).format(new Date(restore.data.expiresAt)),
            })
          : restore.isPending
            ? t("sending")
            : ""}
      </p>
    </section>
  );
}
