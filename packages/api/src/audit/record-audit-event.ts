import type { Prisma } from "@brokerage/db";
import type { RequestMeta } from "../context";

export type AuditKind =
  | "customer.signed_up"
  | "customer.login"
  | "customer.login_failed"
  | "customer.logout"
  | "customer.session_revoked"
  | "customer.email_verified"
  | "customer.phone_verified"
  | "customer.password_changed"
  | "customer.password_reset_requested"
  | "customer.password_reset"
  | "customer.otp_enabled"
  | "customer.otp_replaced"
  | "customer.otp_disabled"
  | "customer.otp_failed"
  | "customer.sms_otp_enabled"
  | "customer.sms_otp_disabled"
  | "customer.recovery_codes_regenerated"
  | "customer.reauthenticated"
  | "customer.step_up_confirmed"
  | "customer.step_up_failed"
  | "customer.step_up_code_sent"
  | "customer.reauth_failed"
  | "customer.reset_code_limit_reached"
  | "customer.name_changed"
  | "customer.language_changed"
  | "customer.email_change_requested"
  | "customer.email_changed"
  | "customer.phone_change_requested"
  | "customer.phone_changed"
  | "account.opened"
  | "account.transferred"
  | "account.converted"
  | "account.balance_adjusted"
  | "adjustment.requested"
  | "adjustment.approved"
  | "adjustment.rejected"
  | "adjustment.refused_by_core"
  | "account.archived"
  | "account.password_change_started"
  | "account.password_changed"
  | "account.password_restored"
  | "account.password_link_revealed"
  | "customer.disabled"
  | "customer.created_by_staff"
  | "customer.assigned"
  | "customer.sessions_ended_by_staff"
  | "customer.otp_reset_by_staff"
  | "customer.enabled"
  | "staff.login"
  | "staff.login_failed"
  | "staff.logout"
  | "staff.otp_enrolled"
  | "staff.otp_failed"
  | "staff.session_revoked"
  | "staff.created"
  | "staff.invited"
  | "staff.enrolment_link_issued"
  | "staff.password_set"
  | "staff.role_changed"
  | "staff.disabled"
  | "staff.enabled"
  | "staff.sessions_ended"
  | "staff.otp_reset"
  | "kyc.required_level_set"
  | "kyc.submitted"
  | "kyc.submission_approved"
  | "kyc.submission_rejected"
  | "kyc.document_viewed"
  | "compliance.terms_accepted"
  | "compliance.appropriateness_passed"
  | "compliance.appropriateness_failed"
  | "customer.category_changed"
  | "customer.closed"
  | "deposit.requested"
  | "deposit.credited"
  | "deposit.credit_refused"
  | "deposit.reversed"
  | "deposit.reversal_unrecovered"
  | "payout_method.added"
  | "payout_method.removed"
  | "withdrawal.requested"
  | "withdrawal.canceled"
  | "withdrawal.approved"
  | "withdrawal.rejected"
  | "withdrawal.paid"
  | "withdrawal.failed";

/**
 * A security-relevant event: who, what, when, from where. `data` must never hold a
 * secret (password, code, token); callers pass only identifiers and reasons.
 */
export async function recordAuditEvent(
  db: { auditEvent: Prisma.TransactionClient["auditEvent"] },
  event: {
    kind: AuditKind;
    customerId?: number | null;
    staffId?: number | null;
    request?: Pick<RequestMeta, "ip" | "userAgent">;
    data?: Prisma.InputJsonObject;
    at: Date;
  },
): Promise<void> {
  await db.auditEvent.create({
    data: {
      kind: event.kind,
      customerId: event.customerId ?? null,
      staffId: event.staffId ?? null,
      ip: event.request?.ip ?? null,
      userAgent: event.request?.userAgent?.slice(0, 512) ?? null,
      data: event.data,
      createdAt: event.at,
    },
  });
}
