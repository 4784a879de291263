import type { TRPCRouterRecord } from "@trpc/server";
import { staffProcedure } from "../trpc";
import { getStaffMember, logoutStaff } from "./login-staff";

/**
 * Staff sessions. Signing in is `loginStaff`, called by the portal's next-auth staff
 * provider, which keeps only the session id; there is no public login procedure here.
 */
export const staffAuthRouter = {
  /** Who is signed in, and what their role lets them do (the staff pages' navigation). */
  me: staffProcedure.requires("staff:self").query(({ ctx }) => getStaffMember(ctx.db, ctx.staff)),

  logout: staffProcedure.requires("staff:self").mutation(({ ctx }) => logoutStaff(ctx, ctx.staff, ctx.request)),
} satisfies TRPCRouterRecord;
