"use client";

import { useTranslations } from "next-intl";
import { useErrorMessage } from "~/i18n/use-error-message";

/** A page that failed to render: the error's sentence, its reference, and a retry. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  const describe = useErrorMessage();
  const { sentence, reference } = describe(error);
  return (
    <div className="container stack" role="alert">
      <h1>{t("title")}</h1>
      <p>{sentence}</p>
      {reference ? <p className="muted small">{reference}</p> : null}
      <p>
        <button type="button" className="button" onClick={reset}>
          {t("retry")}
        </button>
      </p>
    </div>
  );
}
