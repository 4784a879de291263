import type { TRPCRouterRecord } from "@trpc/server";
import {
  checkOtp,
  disableOtp,
  enableOtpForCaller,
  otpStatus,
  regenerateRecoveryCodes,
  setupOtp,
} from "./otp-management";
import { customerProcedure } from "../trpc";
import { enableOtpInput, otpCodeInput, otpDisableInput, regenerateRecoveryCodesInput } from "./schemas";

/** Seed 002's TOTP contract, plus status and recovery codes. */
export const otpRouter = {
  status: customerProcedure.query(({ ctx }) => otpStatus(ctx.db, ctx.session.customerId)),

  setup: customerProcedure.mutation(({ ctx }) => setupOtp(ctx, ctx.session.customerId)),

  /**
   * The caller's session is replaced: API callers get their new tokens here; the web
   * portal enables OTP through a server action that also reissues its cookie.
   */
  enable: customerProcedure
    .input(enableOtpInput)
    .mutation(({ ctx, input }) =>
      enableOtpForCaller(ctx, { customerId: ctx.session.customerId, sessionId: ctx.session.sessionId, ...input }, ctx.request),
    ),

  check: customerProcedure.input(otpCodeInput).mutation(({ ctx, input }) => checkOtp(ctx, ctx.session.customerId, input.code, ctx.request)),

  disable: customerProcedure.input(otpDisableInput).mutation(({ ctx, input }) => disableOtp(ctx, ctx.session, input, ctx.request)),

  regenerateRecoveryCodes: customerProcedure
    .input(regenerateRecoveryCodesInput)
    .mutation(({ ctx, input }) => regenerateRecoveryCodes(ctx, ctx.session, input, ctx.request)),
} satisfies TRPCRouterRecord;
