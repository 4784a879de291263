import type { Database, Prisma } from "@brokerage/db";
import { DomainError } from "../errors";

export const DEFAULT_BRAND_CODE = "default";

const publicBrandSelect = {
  code: true,
  displayName: true,
  allowDemoOpening: true,
  allowRealOpening: true,
  kycRequiredForReal: true,
  selfServiceRegistration: true,
} satisfies Prisma.BrandSelect;

export type PublicBrand = Prisma.BrandGetPayload<{ select: typeof publicBrandSelect }>;

/** The public face of a brand, as the landing page and sign-up show it. */
export async function getBrand(db: Database, code: string = DEFAULT_BRAND_CODE) {
  const brand = await db.brand.findFirst({
    where: { code, enabled: true },
    select: publicBrandSelect,
  });
  if (!brand) throw new DomainError("NOT_FOUND", { message: "Brand not found" });
  return brand;
}
