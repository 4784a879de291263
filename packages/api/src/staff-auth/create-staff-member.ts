// A new staff member: no usable password and no TOTP yet, and a single-use enrolment
// link where they set the password; at their first sign-in they enrol TOTP. Used by
// `pnpm staff:create` (how the first ADMIN is made anywhere) and staffMembers.invite.
import type { Prisma, StaffRole } from "@brokerage/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { RequestMeta } from "../context";
import { DomainError } from "../errors";
import { isUniqueViolation } from "../errors/unique-violation";
import { issueEnrolmentLink } from "./enrolment-links";

/** Not an argon2 hash: no password matches it (login-staff.ts checks the prefix). */
export const NO_PASSWORD_YET = "!enrolment-pending";

type Tx = Pick<Prisma.TransactionClient, "staff" | "staffEnrolmentLink" | "auditEvent">;

export interface NewStaffMember {
  email: string;
  name: string;
  role: StaffRole;
}

/** Inside the caller's transaction, so an invite e-mail can be enqueued with it. */
export async function createStaffMember(
  tx: Tx,
  input: NewStaffMember & { createdById: number | null; now: Date },
  request: RequestMeta,
) {
  const email = input.email.trim().toLowerCase();
  const existing = await tx.staff.findFirst({
    where: { email: { equals: email, mode: "insensitive" } },
    select: { id: true },
  });
  if (existing)
    throw new DomainError("EMAIL_ALREADY_REGISTERED", {
      message: "A staff member with this e-mail address exists",
    });
  let staff;
  try {
    staff = await tx.staff.create({
      data: {
        email,
        name: input.name.trim(),
        role: input.role,
        passwordHash: NO_PASSWORD_YET,
        createdAt: input.now,
      },
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("EMAIL_ALREADY_REGISTERED");
    throw error;
  }
  const link = await issueEnrolmentLink(tx, {
    staffId: staff.id,
    createdById: input.createdById,
    now: input.now,
  });
  await recordAuditEvent(tx, {
    kind: input.createdById === null ? "staff.created" : "staff.invited",
    staffId: input.createdById,
    request,
    data: {
      targetStaffId: staff.id,
      email: staff.email,
      role: staff.role,
      via: input.createdById === null ? "cli" : "invite",
    },
    at: input.now,
  });
  return { staff, link };
}
