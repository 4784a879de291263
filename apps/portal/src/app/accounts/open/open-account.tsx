"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { RiskWarning } from "~/app/compliance/risk-warning";
import { useTRPC } from "~/trpc/react";
import shared from "../_components/shared.module.css";
import { GroupCard } from "./group-card";
import { groupTitle } from "./group-title";
import { OpenedDialog, type OpenedAccount } from "./opened-dialog";
import styles from "./open.module.css";

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

      {groups.some((g) => g.accountMode === "REAL" && g.kind === "TRADING") ? <RiskWarning /> : null}

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

