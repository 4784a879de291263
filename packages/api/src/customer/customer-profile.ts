import type { Database, Prisma } from "@brokerage/db";

export const customerProfileSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  status: true,
  phone: true,
  preferredLanguage: true,
  preferredCurrency: true,
  deskId: true,
  managerId: true,
  lastLoginAt: true,
  otpEnabled: true,
  smsOtpEnabled: true,
  emailVerifiedAt: true,
  phoneVerifiedAt: true,
  createdAt: true,
  brand: { select: { code: true, displayName: true } },
} satisfies Prisma.CustomerSelect;

type ProfileRow = Prisma.CustomerGetPayload<{ select: typeof customerProfileSelect }>;

/** Seed 002's customer fields, camelCased, plus the verification state the portal shows. */
export function toCustomerProfile(c: ProfileRow) {
  return {
    customerId: c.id,
    email: c.email,
    fullName: `${c.firstName} ${c.lastName}`,
    firstName: c.firstName,
    lastName: c.lastName,
    status: c.status,
    phone: c.phone,
    preferredLanguage: c.preferredLanguage,
    /** The dashboard's currency (ISO 4217), USD until the customer chooses. */
    preferredCurrency: c.preferredCurrency,
    brand: c.brand.code,
    brandName: c.brand.displayName,
    deskId: c.deskId,
    managerId: c.managerId,
    /** Unix seconds, as seed 002. */
    lastLoginTime: c.lastLoginAt ? Math.floor(c.lastLoginAt.getTime() / 1000) : null,
    /** Seed 002: 1 when any second factor is on (an authenticator app or text messages). */
    otpEnabled: c.otpEnabled || c.smsOtpEnabled ? 1 : 0,
    emailVerified: c.emailVerifiedAt !== null,
    phoneVerified: c.phoneVerifiedAt !== null,
    /** When the customer signed up (ISO 8601). */
    createdAt: c.createdAt.toISOString(),
  };
}

export type CustomerProfile = ReturnType<typeof toCustomerProfile>;

/** Seed 002's linked accounts: the customer's trading accounts (wallets are not linked to a terminal). */
export async function listLinkedAccounts(db: Pick<Database, "account">, customerId: number) {
  const accounts = await db.account.findMany({
    where: { customerId, kind: "TRADING" },
    orderBy: { createdAt: "asc" },
    select: {
      login: true,
      leverage: true,
      archivedAt: true,
      group: { select: { name: true } },
      customer: { select: { firstName: true, lastName: true, email: true } },
    },
  });
  return accounts.map((a) => ({
    login: a.login,
    customerId,
    enable: a.archivedAt ? 0 : 1,
    leverage: a.leverage,
    group: a.group.name,
    name: `${a.customer.firstName} ${a.customer.lastName}`,
    email: a.customer.email,
  }));
}

export type LinkedAccount = Awaited<ReturnType<typeof listLinkedAccounts>>[number];

/** The signed-in customer's own profile. */
export async function getCustomerProfile(db: Pick<Database, "customer">, customerId: number) {
  return toCustomerProfile(await db.customer.findUniqueOrThrow({ where: { id: customerId }, select: customerProfileSelect }));
}
