import type { Database, Prisma } from "@brokerage/db";

export interface AuditListInput {
  kind?: string | undefined;
  staffId?: number | undefined;
  customerId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  staffOnly: boolean;
  limit: number;
  offset: number;
}

/**
 * The audit trail for `audit:read`: who (staff), what (kind and its data), whom (customer),
 * when and from where; newest first, paged. Events never hold a secret (record-audit-event.ts).
 */
export async function listAuditEvents(db: Database, input: AuditListInput) {
  const where: Prisma.AuditEventWhereInput = {
    ...(input.kind
      ? { kind: input.kind.endsWith(".") ? { startsWith: input.kind } : input.kind }
      : {}),
    ...(input.staffId !== undefined
      ? { staffId: input.staffId }
      : input.staffOnly
        ? { staffId: { not: null } }
        : {}),
    ...(input.customerId !== undefined ? { customerId: input.customerId } : {}),
    ...(input.from || input.to
      ? {
          createdAt: {
            ...(input.from ? { gte: new Date(input.from) } : {}),
            ...(input.to ? { lte: new Date(input.to) } : {}),
          },
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: input.offset,
      take: input.limit,
      select: {
        id: true,
        kind: true,
        ip: true,
        userAgent: true,
        data: true,
        createdAt: true,
        staff: { select: { id: true, name: true, email: true, role: true } },
        customer: { select: { id: true, email: true, firstName: true, lastName: true } },
      },
    }),
    db.auditEvent.count({ where }),
  ]);
  return {
    total,
    items: rows.map((e) => ({
      eventId: e.id.toString(),
      kind: e.kind,
      at: e.createdAt.toISOString(),
      ip: e.ip,
      userAgent: e.userAgent,
      staff: e.staff
        ? { staffId: e.staff.id, name: e.staff.name, email: e.staff.email, role: e.staff.role }
        : null,
      customer: e.customer
        ? {
            customerId: e.customer.id,
            email: e.customer.email,
            name: `${e.customer.firstName} ${e.customer.lastName}`,
          }
        : null,
      data: e.data,
    })),
  };
}
