import type { TRPCRouterRecord } from "@trpc/server";
import { staffProcedure } from "../../trpc";
import { logout } from "./logout.handler";

/**
 * Staff sessions. Signing in is `loginStaff`, called by the portal's next-auth staff
 * provider, which keeps only the session id; there is no public login procedure here.
 */
export const staffAuthRouter = {
  logout: staffProcedure.mutation(logout),
} satisfies TRPCRouterRecord;
