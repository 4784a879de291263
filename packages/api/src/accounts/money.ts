import { Prisma } from "@brokerage/db";

/** Decimal amounts leave the API as strings with two decimals, never as floats. */
export function moneyString(value: Prisma.Decimal | string | number): string {
  return new Prisma.Decimal(value).toFixed(2);
}

export function isPositive(value: Prisma.Decimal | string | number): boolean {
  return new Prisma.Decimal(value).greaterThan(0);
}
