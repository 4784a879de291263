// customers:manage (ADMIN): a customer made by staff, with the staff-only fields of seed
// 004's admin path. The customer sets their own password: the welcome e-mail carries a
// password-reset code (the forgotten-password machinery) that lives 72 hours.
import { randomBytes } from "node:crypto";
import type { Database } from "@brokerage/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import { issueCode } from "../auth/verification-codes";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { assertNoReservedNames } from "../customer/reserved-names";
import { env } from "../env";
import { DomainError } from "../errors";
import { isUniqueViolation } from "../errors/unique-violation";
import { enqueueMessage } from "../messaging/enqueue";
import { hashPassword } from "../passwords/password-hashing";
import { welcomeSetPasswordEmail } from "./customer-emails";
import { assertNotOwnCustomer } from "./own-customer";

export const WELCOME_CODE_TTL_MS = 72 * 3600_000;

export interface CreateCustomerInput {
  staffId: number;
  email: string;
  firstName: string;
  lastName: string;
  phone?: string | undefined;
  preferredLanguage: string;
  deskId?: number | undefined;
  managerId?: number | undefined;
  tanChannels: Array<"sms" | "email" | "totp">;
  conversionRateClass?: number | undefined;
}

/** INVALID_DATA on `managerId` unless it names an existing staff member. */
export async function assertManagerExists(
  db: Pick<Database, "staff">,
  managerId: number | null | undefined,
): Promise<void> {
  if (managerId === null || managerId === undefined) return;
  const manager = await db.staff.findUnique({ where: { id: managerId }, select: { id: true } });
  if (!manager)
    throw new DomainError("INVALID_DATA", {
      fieldErrors: { managerId: ["No staff member has this id"] }, fieldCodes: { managerId: ["UNKNOWN_REFERENCE"] },
    });
}

export const setPasswordUrl = (email: string, baseUrl: string = env.PORTAL_BASE_URL) =>
  `${baseUrl}/reset-password?email=${encodeURIComponent(email)}`;

/**
 * Checks after the schema (which refuses `debitThreshold`): reserved names (409
 * RESERVED_NAME), not the staff member's own e-mail (403 SELF_APPROVAL), the manager
 * exists (400 INVALID_DATA), a new e-mail (409 EMAIL_ALREADY_REGISTERED; the unique
 * constraint decides races). A refused call creates nothing.
 */
export async function createCustomer(
  deps: { db: Database; clock: Clock },
  input: CreateCustomerInput,
  request: RequestMeta,
) {
  const { db } = deps;
  assertNoReservedNames({ firstName: input.firstName, lastName: input.lastName });
  const email = input.email.trim().toLowerCase();
  await assertNotOwnCustomer(db, input.staffId, email);
  await assertManagerExists(db, input.managerId);
  if (await db.customer.findUnique({ where: { email }, select: { id: true } }))
    throw new DomainError("EMAIL_ALREADY_REGISTERED");
  const brand = await db.brand.findUniqueOrThrow({
    where: { code: "default" },
    select: { id: true, displayName: true },
  });
  // Nobody knows this password: the customer sets their own with the e-mailed code.
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  const now = deps.clock.now();
  try {
    return await db.$transaction(async (tx) => {
      const customer = await tx.customer.create({
        data: {
          brandId: brand.id,
          email,
          passwordHash,
          firstName: input.firstName,
          lastName: input.lastName,
          phone: input.phone ?? null,
          preferredLanguage: input.preferredLanguage,
          deskId: input.deskId ?? null,
          managerId: input.managerId ?? null,
          tanChannels: input.tanChannels,
          conversionRateClass: input.conversionRateClass ?? null,
          createdAt: now,
        },
        select: {
          id: true,
          email: true,
          firstName: true,
          lastName: true,
          phone: true,
          deskId: true,
          managerId: true,
          tanChannels: true,
          conversionRateClass: true,
        },
      });
      const code = await issueCode(tx, {
        customerId: customer.id,
        purpose: "PASSWORD_RESET",
        target: email,
        now,
        ttlMs: WELCOME_CODE_TTL_MS,
      });
      await enqueueMessage(tx, {
        channel: "EMAIL",
        recipient: email,
        customerId: customer.id,
        ...welcomeSetPasswordEmail({
          url: setPasswordUrl(email),
          code,
          expiresInHours: WELCOME_CODE_TTL_MS / 3600_000,
          brandName: brand.displayName,
          language: input.preferredLanguage,
        }),
      });
      await recordAuditEvent(tx, {
        kind: "customer.created_by_staff",
        customerId: customer.id,
        staffId: input.staffId,
        request,
        data: {
          deskId: customer.deskId,
          managerId: customer.managerId,
          tanChannels: customer.tanChannels,
          conversionRateClass: customer.conversionRateClass,
        },
        at: now,
      });
      const { id, ...fields } = customer;
      return { customerId: id, ...fields };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("EMAIL_ALREADY_REGISTERED");
    throw error;
  }
}

/** Desk and manager later (null clears). Order: 404, 403 SELF_APPROVAL, manager exists (400). */
export async function assignCustomer(
  deps: { db: Database; clock: Clock },
  input: {
    staffId: number;
    customerId: number;
    deskId?: number | null | undefined;
    managerId?: number | null | undefined;
  },
  request: RequestMeta,
) {
  const { db } = deps;
  const customer = await db.customer.findUnique({
    where: { id: input.customerId },
    select: { id: true, email: true, deskId: true, managerId: true },
  });
  if (!customer) throw new DomainError("NOT_FOUND", { message: "Customer not found" });
  await assertNotOwnCustomer(db, input.staffId, customer.email);
  await assertManagerExists(db, input.managerId);
  const now = deps.clock.now();
  const data = {
    ...(input.deskId !== undefined ? { deskId: input.deskId } : {}),
    ...(input.managerId !== undefined ? { managerId: input.managerId } : {}),
  };
  return db.$transaction(async (tx) => {
    const updated = await tx.customer.update({
      where: { id: customer.id },
      data,
      select: { id: true, deskId: true, managerId: true },
    });
    await recordAuditEvent(tx, {
      kind: "customer.assigned",
      customerId: customer.id,
      staffId: input.staffId,
      request,
      data: {
        before: { deskId: customer.deskId, managerId: customer.managerId },
        after: { deskId: updated.deskId, managerId: updated.managerId },
      },
      at: now,
    });
    return { customerId: updated.id, deskId: updated.deskId, managerId: updated.managerId };
  });
}
