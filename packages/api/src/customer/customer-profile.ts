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
export async function listLinkedAccounts(db: Pick<Database, "$queryRaw">, customerId: number) {
  // Read on every sign-in and by seed 002's session read: one query of plain joins
  // (measured in `pnpm bench`, README "Benchmarks").
  const accounts = await db.$queryRaw<LinkedAccountRow[]>`
    SELECT a.login, a.leverage, a."archivedAt", g.name AS "group", c."firstName", c."lastName", c.email
      FROM "Account" a
      JOIN "AccountGroup" g ON g.id = a."groupId"
      JOIN "Customer" c ON c.id = a."customerId"
     WHERE a."customerId" = ${customerId} AND a.kind = 'TRADING'
     ORDER BY a."createdAt"`;
  return accounts.map((a) => ({
    login: a.login,
    customerId,
    enable: a.archivedAt ? 0 : 1,
    leverage: a.leverage,
    group: a.group,
    name: `${a.firstName} ${a.lastName}`,
    email: a.email,
  }));
}

interface LinkedAccountRow {
  login: number;
  leverage: number;
  archivedAt: Date | null;
  group: string;
  firstName: string;
  lastName: string;
  email: string;
}

export type LinkedAccount = Awaited<ReturnType<typeof listLinkedAccounts>>[number];

/** The signed-in customer's own profile. */
export async function getCustomerProfile(db: Pick<Database, "customer">, customerId: number) {
  return toCustomerProfile(await db.customer.findUniqueOrThrow({ where: { id: customerId }, select: customerProfileSelect }));
}
