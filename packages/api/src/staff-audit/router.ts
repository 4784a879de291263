import type { TRPCRouterRecord } from "@trpc/server";
import { staffProcedure } from "../trpc";
import { listAuditEvents } from "./list-audit-events";
import { auditListInput } from "./schemas";

/** The audit trail (audit:read). */
export const staffAuditRouter = {
  list: staffProcedure
    .requires("audit:read")
    .input(auditListInput)
    .query(({ ctx, input }) => listAuditEvents(ctx.db, input)),
} satisfies TRPCRouterRecord;
