"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import formStyles from "~/components/forms/forms.module.css";
import { recoveryCodesFile } from "./secret-text";
import styles from "./security.module.css";
import { useCopy } from "./use-copy";
import { useFocusOnMount } from "./use-focus-on-mount";

/**
 * New recovery codes, shown this once: the server keeps only their hashes. Copy,
 * download as .txt, then confirm to leave the panel.
 */
export function RecoveryCodesPanel({
  codes,
  intro,
  account,
  issuer,
  onDone,
}: {
  codes: readonly string[];
  /** What just happened (two-factor turned on, app replaced, codes regenerated). */
  intro: string;
  account: string;
  issuer: string;
  onDone: () => void;
}) {
  const t = useTranslations("security.recoveryCodes");
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const [copyState, copy] = useCopy();
  const [createdAt] = useState(() => new Date().toISOString().replace("T", " ").slice(0, 16));
  const text = recoveryCodesFile({
    heading: t("fileHeading", { brand: issuer, account }),
    note: t("fileNote", { date: createdAt }),
    codes,
  });
  const [downloadHref, setDownloadHref] = useState<string | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    // An object URL is the browser's own resource: made after mount (never while the server
    // renders, which has no use for it) and revoked by the cleanup.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setDownloadHref(url);
    return () => URL.revokeObjectURL(url);
  }, [text]);

  return (
    <section aria-labelledby="recovery-codes-title" className={`${styles.panel} stack`}>
      <p className={formStyles.success} role="status">
        {intro}
      </p>
      <h2 id="recovery-codes-title" ref={headingRef} tabIndex={-1} className={styles.panelTitle}>
        {t("title")}
      </h2>
      <div className="alert">
        <p>
          <strong>{t("onceWarning")}</strong> {t("explanation")}
        </p>
      </div>
      <ol className={styles.codes} aria-label={t("listLabel")}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className={formStyles.actions}>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => copy(codes.join("\n"))}
        >
          {t("copy")}
        </button>
        {downloadHref ? (
          <a className="button button--secondary" href={downloadHref} download={t("fileName")}>
            {t("download")}
          </a>
        ) : null}
      </div>
      <p role="status" className="small">
        {copyState === "copied" ? t("copied") : copyState === "failed" ? t("copyFailed") : null}
      </p>
      <p>
        <button type="button" className="button" onClick={onDone}>
          {t("done")}
        </button>
      </p>
    </section>
  );
}
