import type { Database } from "@brokerage/db";

/**
 * The TOTP issuer staff see in their authenticator app: the default brand's display name,
 * as for customers (product.md: issuer = the brand's displayName). Staff belong to no
 * brand of their own, so the `default` brand (or the first one) names the broker.
 */
export async function staffOtpIssuer(db: Database): Promise<string> {
  const brand =
    (await db.brand.findUnique({ where: { code: "default" }, select: { displayName: true } })) ??
    (await db.brand.findFirst({ orderBy: { id: "asc" }, select: { displayName: true } }));
  return brand?.displayName ?? "Brokerage back office";
}
