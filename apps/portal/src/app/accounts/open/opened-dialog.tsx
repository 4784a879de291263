"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { ModalDialog } from "../_components/modal-dialog";
import { SecretField } from "../_components/secret-field";
import shared from "../_components/shared.module.css";

export interface OpenedAccount {
  accountId: number | null;
  login: number;
  kind: "TRADING" | "WALLET";
  accountMode: "DEMO" | "REAL";
  currency: string;
  /** Null when an earlier reply already showed it (a repeat of the same attempt). */
  temporaryPassword: string | null;
  /** ADD_BALANCE_ERROR: the account exists, its deposit follows. */
  depositFollows: boolean;
}

/** The only place the temporary password ever appears: closing the dialog forgets it. */
export function OpenedDialog({ opened, onClose }: { opened: OpenedAccount | null; onClose: () => void }) {
  const t = useTranslations("accountsOpen");
  const trading = opened?.kind === "TRADING";
  return (
    <ModalDialog
      open={opened !== null}
      onClose={onClose}
      labelledBy="opened-title"
      describedBy="opened-intro"
      initialFocusSelector="[data-initial-focus]"
    >
      {opened ? (
        <>
          <h2 id="opened-title">{trading ? t("openedTitle") : t("openedWalletTitle", { currency: opened.currency })}</h2>
          <p id="opened-intro">
            {trading ? t(`openedIntro.${opened.accountMode}`) : t("openedWalletIntro")}
          </p>
          {opened.depositFollows ? <p className={shared.warning}>{t("depositFollows")}</p> : null}
          <SecretField
            label={t("loginLabel")}
            value={String(opened.login)}
            copyLabel={t("copyLogin")}
            initialFocus={!(trading && opened.temporaryPassword)}
          />
          {trading ? (
            opened.temporaryPassword ? (
              <>
                <SecretField
                  label={t("temporaryPasswordLabel")}
                  value={opened.temporaryPassword}
                  copyLabel={t("copyPassword")}
                  initialFocus
                />
                <p className={shared.warning}>
                  <strong>{t("shownOnce")}</strong>
                </p>
                <p>{t("mustChange")}</p>
              </>
            ) : (
              <p className={shared.warning}>{t("passwordAlreadyShown")}</p>
            )
          ) : null}
          <div className={shared.dialogActions}>
            {opened.accountId !== null ? (
              <Link href={`/accounts/${opened.accountId}`} className="button button--secondary">
                {t("goToAccount")}
              </Link>
            ) : null}
            <button type="button" className="button" onClick={onClose}>
              {t("done")}
            </button>
          </div>
        </>
      ) : null}
    </ModalDialog>
  );
}
