import type { Database, Prisma } from "@brokerage/db";
import { complianceSteps, needsComplianceSteps } from "../compliance/gates";
import { getKycState, isKycApproved } from "../kyc";
import { allowedLeverages, defaultLeverage, leverageCap } from "./leverage-caps";
import { moneyString } from "./money";

export const groupSelect = {
  id: true,
  name: true,
  kind: true,
  accountMode: true,
  currency: true,
  platform: true,
  leverage: true,
  allowedLeverages: true,
  defaultDeposit: true,
  maxStartAmount: true,
  enabled: true,
  public: true,
  brandId: true,
  brand: { select: { code: true } },
} satisfies Prisma.AccountGroupSelect;

export type GroupRow = Prisma.AccountGroupGetPayload<{ select: typeof groupSelect }>;

/** Whether opening from this group needs approved KYC (product.md, Opening accounts). */
export function groupNeedsKyc(group: Pick<GroupRow, "kind" | "accountMode">, brand: { kycRequiredForReal: boolean }) {
  if (group.kind === "WALLET") return true;
  return group.accountMode === "REAL" && brand.kycRequiredForReal;
}

/**
 * GetCustomerAccountGroups: the groups the customer may open (enabled, public, of the
 * customer's brand, in a mode the brand allows), each saying what it still needs.
 */
export async function listOpenableGroups(db: Database, customerId: number, now: Date) {
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: {
      id: true,
      brandId: true,
      emailVerifiedAt: true,
      clientCategory: true,
      brand: {
        select: {
          id: true,
          enabled: true,
          allowDemoOpening: true,
          allowRealOpening: true,
          kycRequiredForReal: true,
          retailLeverageCap: true,
          professionalLeverageCap: true,
        },
      },
    },
  });
  const brand = customer.brand;
  if (!brand.enabled) return [];
  const modes = [...(brand.allowDemoOpening ? (["DEMO"] as const) : []), ...(brand.allowRealOpening ? (["REAL"] as const) : [])];
  const [groups, kyc, wallets, steps] = await Promise.all([
    db.accountGroup.findMany({
      where: { brandId: brand.id, enabled: true, public: true, accountMode: { in: [...modes] } },
      orderBy: [{ kind: "asc" }, { accountMode: "asc" }, { name: "asc" }],
      select: groupSelect,
    }),
    getKycState(db, customerId),
    db.account.findMany({ where: { customerId, kind: "WALLET", archivedAt: null }, select: { currency: true } }),
    complianceSteps(db, customer, now),
  ]);
  const approved = isKycApproved(kyc);
  const walletCurrencies = new Set(wallets.map((w) => w.currency));
  return groups.map((g) => {
    const cap = leverageCap(g, brand, customer.clientCategory);
    const allowed = allowedLeverages(g, cap);
    const compliance = needsComplianceSteps(g);
    return {
      /** Seed 001's `productCurrencyId` (`POST /api/v2/my/accounts`). */
      id: g.id,
      name: g.name,
      kind: g.kind,
      accountMode: g.accountMode,
      currency: g.currency,
      platform: g.platform,
      /** The leverage an opening without one gets (lowered to the client's cap). */
      leverage: defaultLeverage(g, allowed, cap),
      /** Only the leverages this client may choose (the cap applies to REAL trading groups). */
      allowedLeverages: allowed,
      leverageCap: cap,
      defaultDeposit: moneyString(g.defaultDeposit),
      maxStartAmount: g.maxStartAmount === null ? null : moneyString(g.maxStartAmount),
      kycRequired: groupNeedsKyc(g, brand) && !approved,
      emailVerificationRequired: g.accountMode === "REAL" && customer.emailVerifiedAt === null,
      alreadyHeld: g.kind === "WALLET" && walletCurrencies.has(g.currency),
      appropriatenessRequired: compliance && steps.appropriateness.status !== "PASSED",
      termsAcceptanceRequired: compliance && !steps.termsAccepted,
    };
  });
}
