import type { TRPCRouterRecord } from "@trpc/server";
import { publicProcedure, staffProcedure } from "../trpc";
import { enableStaffOtp, setupStaffOtp, staffEnrolmentStatus } from "./enrolment";
import { getEnrolmentLink, setStaffPasswordWithLink } from "./enrolment-links";
import { getStaffMember, logoutStaff } from "./login-staff";
import { enrolmentCodeInput, enrolmentLinkInput, setPasswordWithLinkInput, staffSessionIdInput } from "./schemas";
import { listStaffSessions, revokeOwnStaffSession } from "./staff-sessions";

/**
 * Staff sessions. Signing in is `loginStaff`, called by the portal's next-auth staff
 * provider, which keeps only the session id; there is no public login procedure here.
 */
export const staffAuthRouter = {
  /** Who is signed in, and what their role lets them do (the staff pages' navigation). */
  me: staffProcedure.requires("staff:self").query(({ ctx }) => getStaffMember(ctx.db, ctx.staff)),

  logout: staffProcedure.requires("staff:self").mutation(({ ctx }) => logoutStaff(ctx, ctx.staff, ctx.request)),

  /** The caller's live sessions (devices). */
  sessions: staffProcedure.requires("staff:self").query(({ ctx }) => listStaffSessions(ctx, ctx.staff.staffId, ctx.staff.sessionId)),

  /** Ends one of the caller's own sessions; another member's is 404. */
  revokeSession: staffProcedure
    .requires("staff:self")
    .input(staffSessionIdInput)
    .mutation(({ ctx, input }) => revokeOwnStaffSession(ctx, ctx.staff, input.sessionId, ctx.request)),

  /** TOTP enrolment: the only staff procedures a member without TOTP may call. */
  enrolment: {
    status: staffProcedure.enrolment().query(({ ctx }) => staffEnrolmentStatus(ctx, ctx.staff)),
    setup: staffProcedure.enrolment().mutation(({ ctx }) => setupStaffOtp(ctx, ctx.staff)),
    enable: staffProcedure
      .enrolment()
      .input(enrolmentCodeInput)
      .mutation(({ ctx, input }) => enableStaffOtp(ctx, ctx.staff, input.code, ctx.request)),
    /** Signing out before enrolling (staffAuth.logout needs an enrolled member): the session ends. */
    signOut: staffProcedure.enrolment().mutation(({ ctx }) => logoutStaff(ctx, ctx.staff, ctx.request)),
  },

  /** The single-use link of a new member (no session yet): whom it is for, and setting the password. */
  enrolmentLink: {
    get: publicProcedure.input(enrolmentLinkInput).query(({ ctx, input }) => getEnrolmentLink(ctx, input.token)),
    setPassword: publicProcedure
      .input(setPasswordWithLinkInput)
      .mutation(({ ctx, input }) => setStaffPasswordWithLink(ctx, input, ctx.request)),
  },
} satisfies TRPCRouterRecord;
