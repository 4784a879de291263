import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { adjustBalance } from "../../accounts/balance-adjustment";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { DomainError } from "../../errors";
import { revokeSessions } from "../../identity/sessions";
import { staffProcedure } from "../../trpc";
import { adjustBalanceInput } from "./adjust-balance.schema";

/** Back-office operations on customers; customers get 403 FORBIDDEN here. */
export const staffRouter = {
  /** Disable (1) or re-enable (0) a customer; disabling ends every session at once. */
  setCustomerStatus: staffProcedure
    .input(z.strictObject({ customerId: z.number().int().positive(), status: z.union([z.literal(0), z.literal(1)]) }))
    .mutation(async ({ ctx, input }) => {
      const now = ctx.clock.now();
      return ctx.db.$transaction(async (tx) => {
        const updated = await tx.customer.updateMany({ where: { id: input.customerId }, data: { status: input.status } });
        if (updated.count === 0) throw new DomainError("NOT_FOUND", { message: "Customer not found" });
        const endedSessions = input.status === 1 ? await revokeSessions(tx, { customerId: input.customerId }, now) : 0;
        await recordAuditEvent(tx, {
          kind: input.status === 1 ? "customer.disabled" : "customer.enabled",
          customerId: input.customerId,
          staffId: ctx.staff.staffId,
          request: ctx.request,
          at: now,
        });
        return { customerId: input.customerId, status: input.status, endedSessions };
      });
    }),

  /** Credit or debit a customer's account with a comment (how real money enters until payments exist). */
  adjustBalance: staffProcedure
    .input(adjustBalanceInput)
    .mutation(({ ctx, input }) => adjustBalance(ctx, { staffId: ctx.staff.staffId, ...input }, ctx.request)),
} satisfies TRPCRouterRecord;
