import type { RouterOutputs } from "@brokerage/api";
import type { useTranslations } from "next-intl";

export type Group = RouterOutputs["accounts"]["groups"][number];
type Translate = ReturnType<typeof useTranslations<"accountsOpen">>;

/** "Demo account in USD", "USD wallet": what a group is called on its card. */
export function groupTitle(t: Translate, group: Pick<Group, "kind" | "accountMode" | "currency">): string {
  if (group.kind === "WALLET") return t("groupTitle.WALLET", { currency: group.currency });
  return t(`groupTitle.${group.accountMode}`, { currency: group.currency });
}
