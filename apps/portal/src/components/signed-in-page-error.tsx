"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useErrorMessage } from "~/i18n/use-error-message";
import { appCodeOf } from "~/trpc/error-info";

/** A signed-in page that failed: the error's sentence, a way back in when the session ended, and a retry (each such route's error.tsx renders it). */
export function SignedInPageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("accountsShared");
  const describe = useErrorMessage();
  const pathname = usePathname();
  const { sentence, reference } = describe(error);
  const signedOut = appCodeOf(error) === "INVALID_CUSTOMER_SESSION";
  return (
    <div className="container stack" role="alert">
      <h1>{t("errorTitle")}</h1>
      <p>{sentence}</p>
      {reference ? <p className="muted small">{reference}</p> : null}
      <p>
        {signedOut ? (
          <Link className="button" href={`/sign-in?next=${encodeURIComponent(pathname)}`}>
            {t("signInAgain")}
          </Link>
        ) : (
          <button type="button" className="button" onClick={reset}>
            {t("retry")}
          </button>
        )}
      </p>
    </div>
  );
}
