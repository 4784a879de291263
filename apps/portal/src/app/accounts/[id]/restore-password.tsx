"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useErrorMessage } from "~/i18n/use-error-message";
import { useTRPC } from "~/trpc/react";
import forms from "../_components/forms.module.css";
import shared from "../_components/shared.module.css";
import type { Account } from "./account-detail";
import styles from "./account.module.css";

/** A forgotten trading password: a new one is set and an e-mailed single-use link shows it once. */
export function RestorePassword({ account }: { account: Account }) {
  const t = useTranslations("accountPassword");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useErrorMessage();
  const id = useId();
  const [passwordType, setPasswordType] = useState<"main" | "investor">("main");
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
      <fieldset className={forms.fieldset}>
        <legend>{t("restoreLegend")}</legend>
        <div className={forms.choices}>
          {(["main", "investor"] as const).map((type) => (
            <label key={type} className={forms.choice}>
              <input
                type="radio"
                name={`${id}-restore-type`}
                value={type}
                checked={passwordType === type}
                onChange={() => {
                  setPasswordType(type);
                  restore.reset();
                }}
              />
              <span>{t(`typeTitle.${type}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {restore.error ? (
        <p role="alert" className="alert">
          {describe(restore.error).sentence}
        </p>
      ) : null}
      <div className={forms.actions}>
        <button
          type="button"
          className="button button--secondary"
          disabled={restore.isPending}
          onClick={() => restore.mutate({ accountId: account.id, passwordType })}
        >
          {t("sendRestoreLink")}
        </button>
      </div>
      <p role="status" className={restore.data ? shared.notice : undefined}>
        {restore.data
          ? t("restoreSent", {
              type: t(`type.${restore.variables?.passwordType ?? passwordType}`),
              time: new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" }).format(new Date(restore.data.expiresAt)),
            })
          : restore.isPending
            ? t("sending")
            : ""}
      </p>
    </section>
  );
}
