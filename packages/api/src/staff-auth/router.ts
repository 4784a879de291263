import type { TRPCRouterRecord } from "@trpc/server";
import { staffProcedure } from "../trpc";
import { logoutStaff } from "./login-staff";

/**
 * Staff sessions. Signing in is `loginStaff`, called by the portal's next-auth staff
 * provider, which keeps only the session id; there is no public login procedure here.
 */
export const staffAuthRouter = {
  logout: staffProcedure.mutation(({ ctx }) => logoutStaff(ctx, ctx.staff, ctx.request)),
} satisfies TRPCRouterRecord;
