import type { TRPCRouterRecord } from "@trpc/server";
import { customerProcedure } from "../trpc";
import { disableSmsFactorInput, enableSmsFactorInput, setDefaultSecondFactorInput } from "./schemas";
import { disableSmsFactor, enableSmsFactor, sendSmsFactorSetupCode, setDefaultSecondFactor, smsFactorStatus } from "./sms-factor";

/** Text messages as a second factor, beside the authenticator app (otp router). */
export const smsFactorRouter = {
  status: customerProcedure.query(({ ctx }) => smsFactorStatus(ctx.db, ctx.session.customerId)),

  sendSetupCode: customerProcedure.mutation(({ ctx }) => sendSmsFactorSetupCode(ctx, ctx.session, ctx.request)),

  enable: customerProcedure.input(enableSmsFactorInput).mutation(({ ctx, input }) => enableSmsFactor(ctx, ctx.session, input, ctx.request)),

  disable: customerProcedure
    .input(disableSmsFactorInput)
    .mutation(({ ctx, input }) => disableSmsFactor(ctx, ctx.session, input?.stepUp, ctx.request)),

  setDefault: customerProcedure.input(setDefaultSecondFactorInput).mutation(({ ctx, input }) => setDefaultSecondFactor(ctx, ctx.session, input)),
} satisfies TRPCRouterRecord;
