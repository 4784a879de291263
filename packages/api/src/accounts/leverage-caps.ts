import type { ClientCategory } from "@brokerage/db";
import type { GroupRow } from "./account-groups";

/** The brand's caps (Brand.retailLeverageCap, Brand.professionalLeverageCap). */
export interface BrandLeverageCaps {
  retailLeverageCap: number;
  professionalLeverageCap: number | null;
}

/**
 * The highest leverage a client of this category may open a REAL trading account with
 * (ESMA's product intervention: 1:30 for retail clients by default); null = uncapped.
 * DEMO accounts are never capped: no money is at risk.
 */
export function leverageCap(
  group: Pick<GroupRow, "accountMode" | "kind">,
  brand: BrandLeverageCaps,
  category: ClientCategory,
): number | null {
  if (group.accountMode !== "REAL" || group.kind !== "TRADING") return null;
  return category === "PROFESSIONAL" ? brand.professionalLeverageCap : brand.retailLeverageCap;
}

/** The leverages this client may choose for the group: the group's list, up to the cap. */
export function allowedLeverages(group: Pick<GroupRow, "allowedLeverages">, cap: number | null): number[] {
  return cap === null ? group.allowedLeverages : group.allowedLeverages.filter((l) => l <= cap);
}

/** The leverage of an opening that names none: the group's own, lowered to the cap. */
export function defaultLeverage(group: Pick<GroupRow, "leverage">, allowed: number[], cap: number | null): number {
  if (cap === null || group.leverage <= cap) return group.leverage;
  const below = allowed.filter((l) => l <= cap);
  return below.length > 0 ? Math.max(...below) : cap;
}
