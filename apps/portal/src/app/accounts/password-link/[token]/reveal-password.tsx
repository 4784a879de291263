"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useErrorMessage } from "~/i18n/use-error-message";
import { appCodeOf } from "~/trpc/error-info";
import { useTRPC } from "~/trpc/react";
import { SecretField } from "../../_components/secret-field";
import shared from "../../_components/shared.module.css";
import { useHydrated } from "~/components/forms/use-hydrated";

/**
 * Revealing uses the link up, so it waits for the customer's click: a page load by a
 * mail scanner or a double render never spends it.
 */
export function RevealPassword({ token }: { token: string }) {
  const t = useTranslations("accountPasswordLink");
  const trpc = useTRPC();
  const describe = useErrorMessage();
  const reveal = useMutation(trpc.accounts.revealRestoredPassword.mutationOptions());
  const hydrated = useHydrated();
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (reveal.data || reveal.error) resultRef.current?.focus();
  }, [reveal.data, reveal.error]);

  const code = reveal.error ? appCodeOf(reveal.error) : undefined;

  return (
    <div className="container stack-lg">
      <header className="stack">
        <h1>{t("title")}</h1>
        {reveal.data ? null : <p className="lead">{t("intro")}</p>}
      </header>

      {reveal.data ? (
        <div ref={resultRef} tabIndex={-1} className="stack">
          <p>
            {t("revealed", { type: t(`type.${reveal.data.passwordType}`), login: reveal.data.login })}
          </p>
          <SecretField label={t("passwordLabel")} value={reveal.data.password} copyLabel={t("copy")} />
          <p className={shared.warning}>
            <strong>{t("shownOnce")}</strong>
          </p>
          {reveal.data.passwordType === "main" ? <p>{t("mustChange")}</p> : null}
          <p>
            <Link href={`/accounts/${reveal.data.accountId}`} className="button button--secondary">
              {t("goToAccount")}
            </Link>
          </p>
        </div>
      ) : reveal.error ? (
        <div ref={resultRef} tabIndex={-1} role="alert" className="alert stack">
          <p>
            {code === "LINK_USED" ? t("linkUsed") : code === "NOT_FOUND" ? t("notFound") : describe(reveal.error).sentence}
          </p>
          <p>
            <Link href="/accounts">{t("backToAccounts")}</Link>
          </p>
        </div>
      ) : (
        <div className="stack">
          <p className={shared.warning}>{t("beforeReveal")}</p>
          <p>
            <button
              type="button"
              className="button"
              disabled={!hydrated || reveal.isPending}
              onClick={() => reveal.mutate({ token })}
            >
              {t("reveal")}
            </button>
          </p>
        </div>
      )}
    </div>
  );
}
