"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import shared from "../_components/shared.module.css";
import { formatMoney, isPositiveDecimal } from "../_lib/money";
import { groupTitle, type Group } from "./group-title";
import { OpenGroupForm } from "./open-group-form";
import type { OpenedAccount } from "./opened-dialog";
import styles from "./open.module.css";

/** One group: what it is, what it still needs, and its opening form. */
export function GroupCard({
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
  const id = useId();
  const cardRef = useRef<HTMLElement>(null);
  const money = (amount: string) => formatMoney(amount, group.currency, locale);

  useEffect(() => {
    // Back from KYC with ?group=: the card the customer chose gets the focus.
    if (selected) {
      cardRef.current?.scrollIntoView({ block: "center" });
      cardRef.current?.focus();
    }
  }, [selected]);

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
            {groupTitle(t, group)}
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

        <GroupNeeds group={group} />
        {group.alreadyHeld ? null : <OpenGroupForm group={group} onOpened={onOpened} />}
      </article>
    </li>
  );
}

/** What the customer must still do before this group can be opened. */
function GroupNeeds({ group }: { group: Group }) {
  const t = useTranslations("accountsOpen");
  const tc = useTranslations("compliance");
  if (!(group.kycRequired || group.emailVerificationRequired || group.alreadyHeld || group.appropriatenessRequired || group.termsAcceptanceRequired)) {
    return null;
  }
  const returnTo = encodeURIComponent(`/accounts/open?group=${group.name}`);
  return (
    <ul className={styles.needs}>
      {group.kycRequired ? <li>{t("needsKyc")}</li> : null}
      {group.emailVerificationRequired ? <li>{t("needsEmail")}</li> : null}
      {group.appropriatenessRequired ? (
        <li>
          {tc("needsAppropriateness")} <Link href={`/compliance/appropriateness?returnTo=${returnTo}`}>{tc("takeQuestionnaire")}</Link>
        </li>
      ) : null}
      {group.termsAcceptanceRequired ? (
        <li>
          {tc("needsTerms")} <Link href={`/compliance/terms?returnTo=${returnTo}`}>{tc("readTerms")}</Link>
        </li>
      ) : null}
      {group.alreadyHeld ? <li>{t("walletHeld", { currency: group.currency })}</li> : null}
    </ul>
  );
}
