import type { Database } from "@brokerage/db";

/** The audit events a customer sees on "Security activity", and nothing else. */
export const ACTIVITY_KINDS = [
  "customer.login",
  "customer.login_failed",
  "customer.logout",
  "customer.session_revoked",
  "customer.password_changed",
  "customer.password_reset",
  "customer.otp_enabled",
  "customer.otp_replaced",
  "customer.otp_disabled",
  "customer.otp_failed",
  "customer.sms_otp_enabled",
  "customer.sms_otp_disabled",
  "customer.recovery_codes_regenerated",
  "customer.reauthenticated",
  "customer.reauth_failed",
  "customer.reset_code_limit_reached",
  "customer.email_change_requested",
  "customer.email_changed",
  "customer.phone_change_requested",
  "customer.phone_changed",
] as const;

export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface ActivityPage {
  events: Array<{
    id: string;
    kind: ActivityKind;
    at: string;
    ip: string | null;
    userAgent: string | null;
    /** Sign-ins only: whether the device had signed in before (a known-device token). */
    newDevice: boolean | null;
  }>;
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/**
 * The caller's own security events, newest first, `limit` at a time. Only kinds, times,
 * addresses and user agents leave: the stored `data` (session ids, reasons) stays inside.
 */
export async function listActivity(
  db: Database,
  customerId: number,
  input: { cursor?: string | undefined; limit?: number | undefined },
): Promise<ActivityPage> {
  const limit = input.limit ?? 20;
  const rows = await db.auditEvent.findMany({
    where: {
      customerId,
      kind: { in: [...ACTIVITY_KINDS] },
      ...(input.cursor ? { id: { lt: BigInt(input.cursor) } } : {}),
    },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: { id: true, kind: true, createdAt: true, ip: true, userAgent: true, data: true },
  });
  const page = rows.slice(0, limit);
  return {
    events: page.map((row) => {
      const data = row.data as { knownDevice?: unknown } | null;
      return {
        id: row.id.toString(),
        kind: row.kind as ActivityKind,
        at: row.createdAt.toISOString(),
        ip: row.ip,
        userAgent: row.userAgent,
        newDevice: row.kind === "customer.login" && typeof data?.knownDevice === "boolean" ? !data.knownDevice : null,
      };
    }),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id.toString() : null,
  };
}
