// The demo data of product.md ("Seeded demo data"). Idempotent: a second run changes
// nothing that is already there, so `pnpm dev` can run it on every start.
import { hash } from "@node-rs/argon2";
import type { Database } from "./create-client";
import { DEFAULT_QUESTIONNAIRE, DEFAULT_TERMS, PASSING_ANSWERS } from "./compliance-data";
import type { AccountMode, GroupKind, StaffRole } from "./generated/prisma/enums";

export const DEMO_CUSTOMER = {
  email: "demo@example.com",
  password: "Demo-Trader-2026",
  firstName: "Demo",
  lastName: "Customer",
} as const;

export const DEMO_STAFF = {
  email: "staff@example.com",
  password: "Staff-Reviewer-2026",
  name: "Sam Staff",
} as const;

/**
 * One demo staff member per role, all with DEMO_STAFF's password; development and tests
 * only (prepareDatabase). Each enrols an authenticator at first sign-in.
 */
export const DEMO_STAFF_MEMBERS: readonly { email: string; name: string; role: StaffRole }[] = [
  { email: DEMO_STAFF.email, name: DEMO_STAFF.name, role: "ADMIN" },
  { email: "kyc@example.com", name: "Kim Reviewer", role: "KYC_REVIEWER" },
  { email: "support@example.com", name: "Sasha Support", role: "SUPPORT" },
  { email: "finance@example.com", name: "Fran Finance", role: "FINANCE" },
  { email: "finance2@example.com", name: "Felix Finance", role: "FINANCE" },
];

export const DEFAULT_BRAND = { code: "default", displayName: "Northwind Markets" } as const;

interface GroupSeed {
  name: string;
  kind: GroupKind;
  accountMode: AccountMode;
  currency: string;
  leverage: number;
  allowedLeverages: number[];
  defaultDeposit: string;
  maxStartAmount: string | null;
  enabled: boolean;
  public: boolean;
}

const trading = (g: Partial<GroupSeed> & Pick<GroupSeed, "name" | "accountMode" | "currency">): GroupSeed => ({
  kind: "TRADING",
  leverage: 100,
  allowedLeverages: [50, 100, 200, 500],
  defaultDeposit: "0",
  maxStartAmount: null,
  enabled: true,
  public: true,
  ...g,
});

export const DEMO_GROUPS: GroupSeed[] = [
  trading({ name: "demo-usd", accountMode: "DEMO", currency: "USD", defaultDeposit: "10000", maxStartAmount: "100000" }),
  trading({ name: "demo-eur", accountMode: "DEMO", currency: "EUR", defaultDeposit: "10000", maxStartAmount: "100000" }),
  // Retail clients may open it at 1:1 to 1:30 (the brand's retail cap); 50 and 100 only
  // for a staff-approved PROFESSIONAL client.
  trading({ name: "real-usd", accountMode: "REAL", currency: "USD", leverage: 30, allowedLeverages: [1, 10, 30, 50, 100] }),
  trading({ name: "demo-usd-legacy", accountMode: "DEMO", currency: "USD", defaultDeposit: "5000", maxStartAmount: "50000", enabled: false }),
  trading({ name: "real-usd-vip", accountMode: "REAL", currency: "USD", allowedLeverages: [100, 200], public: false }),
  {
    name: "wallet-usd",
    kind: "WALLET",
    accountMode: "REAL",
    currency: "USD",
    leverage: 1,
    allowedLeverages: [1],
    defaultDeposit: "0",
    maxStartAmount: null,
    enabled: true,
    public: true,
  },
  {
    name: "wallet-eur",
    kind: "WALLET",
    accountMode: "REAL",
    currency: "EUR",
    leverage: 1,
    allowedLeverages: [1],
    defaultDeposit: "0",
    maxStartAmount: null,
    enabled: true,
    public: true,
  },
];

const PLATFORM = "MT5";

/** argon2id (the library's default algorithm) with OWASP's minimum: m=19456 KiB, t=2, p=1. */
const hashPassword = (password: string) =>
  hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });

export async function seedDemoData(db: Database) {
  const brand = await db.brand.upsert({
    where: { code: DEFAULT_BRAND.code },
    create: { code: DEFAULT_BRAND.code, displayName: DEFAULT_BRAND.displayName },
    update: {},
  });
  for (const group of DEMO_GROUPS) {
    await db.accountGroup.upsert({
      where: { name: group.name },
      create: { ...group, brandId: brand.id, platform: PLATFORM },
      update: {},
    });
  }
  for (const terms of DEFAULT_TERMS) {
    await db.termsDocument.upsert({
      where: { brandId_language_version: { brandId: brand.id, language: terms.language, version: terms.version } },
      create: { ...terms, effectiveAt: new Date(terms.effectiveAt), brandId: brand.id },
      update: {},
    });
  }
  const questionnaire = await db.appropriatenessQuestionnaire.upsert({
    where: { brandId_version: { brandId: brand.id, version: DEFAULT_QUESTIONNAIRE.version } },
    create: {
      brandId: brand.id,
      version: DEFAULT_QUESTIONNAIRE.version,
      effectiveAt: new Date(DEFAULT_QUESTIONNAIRE.effectiveAt),
      passScore: DEFAULT_QUESTIONNAIRE.passScore,
      questions: DEFAULT_QUESTIONNAIRE.questions as unknown as object[],
    },
    update: {},
  });
  let staffHash: string | undefined;
  for (const member of DEMO_STAFF_MEMBERS) {
    const exists = await db.staff.findUnique({ where: { email: member.email }, select: { id: true } });
    if (!exists) {
      staffHash ??= await hashPassword(DEMO_STAFF.password);
      await db.staff.create({ data: { email: member.email, name: member.name, role: member.role, passwordHash: staffHash } });
    }
  }
  const customerExists = await db.customer.findUnique({
    where: { email: DEMO_CUSTOMER.email },
    select: { id: true },
  });
  if (!customerExists) {
    const customer = await db.customer.create({
      data: {
        brandId: brand.id,
        email: DEMO_CUSTOMER.email,
        firstName: DEMO_CUSTOMER.firstName,
        lastName: DEMO_CUSTOMER.lastName,
        passwordHash: await hashPassword(DEMO_CUSTOMER.password),
        emailVerifiedAt: new Date(),
      },
    });
    // The demo customer has done the compliance steps (passed the questionnaire, accepted
    // the current terms), so a REAL opening stops only at KYC, as before issue 17.
    const now = new Date();
    const terms = await db.termsDocument.findMany({ where: { brandId: brand.id }, select: { id: true } });
    for (const t of terms) {
      await db.termsAcceptance.create({ data: { customerId: customer.id, termsId: t.id, acceptedAt: now, userAgent: "seed" } });
    }
    await db.appropriatenessAssessment.create({
      data: {
        customerId: customer.id,
        questionnaireId: questionnaire.id,
        answers: PASSING_ANSWERS,
        score: 8,
        passed: true,
        createdAt: now,
        userAgent: "seed",
      },
    });
  }
  return { brandId: brand.id };
}
