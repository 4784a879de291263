import type { TRPCRouterRecord } from "@trpc/server";
import { staffProcedure } from "../trpc";
import {
  changeStaffRole,
  endStaffMemberSessions,
  inviteStaffMember,
  listStaffMembers,
  resendStaffInvite,
  resetStaffTwoFactor,
  revokeStaffMemberSession,
  setStaffEnabled,
  staffMemberSessions,
} from "./manage-staff";
import {
  changeStaffRoleInput,
  inviteStaffInput,
  setStaffEnabledInput,
  staffIdInput,
  staffMemberSessionInput,
} from "./schemas";

const admin = () => staffProcedure.requires("staff:manage");

/** Staff management (ADMIN). An ADMIN cannot disable, demote or reset themselves (403 SELF_APPROVAL). */
export const staffMembersRouter = {
  list: admin().query(({ ctx }) => listStaffMembers(ctx)),

  sessions: admin()
    .input(staffIdInput)
    .query(({ ctx, input }) => staffMemberSessions(ctx, input.staffId)),

  /** Creates the member and e-mails them a single-use enrolment link (24 h). */
  invite: admin()
    .input(inviteStaffInput)
    .mutation(({ ctx, input }) => inviteStaffMember(ctx, ctx.staff, input, ctx.request)),

  /** A new enrolment link by e-mail for a member who has not chosen a password yet. */
  resendInvite: admin()
    .input(staffIdInput)
    .mutation(({ ctx, input }) => resendStaffInvite(ctx, ctx.staff, input.staffId, ctx.request)),

  changeRole: admin()
    .input(changeStaffRoleInput)
    .mutation(({ ctx, input }) => changeStaffRole(ctx, ctx.staff, input, ctx.request)),

  /** Disabling ends the member's sessions. */
  setEnabled: admin()
    .input(setStaffEnabledInput)
    .mutation(({ ctx, input }) => setStaffEnabled(ctx, ctx.staff, input, ctx.request)),

  endSessions: admin()
    .input(staffIdInput)
    .mutation(({ ctx, input }) =>
      endStaffMemberSessions(ctx, ctx.staff, input.staffId, ctx.request),
    ),

  revokeSession: admin()
    .input(staffMemberSessionInput)
    .mutation(({ ctx, input }) =>
      revokeStaffMemberSession(ctx, ctx.staff, input.sessionId, ctx.request),
    ),

  /** The member re-enrols TOTP at their next sign-in; their sessions end. */
  resetTwoFactor: admin()
    .input(staffIdInput)
    .mutation(({ ctx, input }) => resetStaffTwoFactor(ctx, ctx.staff, input.staffId, ctx.request)),
} satisfies TRPCRouterRecord;
