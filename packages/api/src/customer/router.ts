import type { TRPCRouterRecord } from "@trpc/server";
import { changePassword } from "./change-password";
import { getCustomerProfile } from "./customer-profile";
import { resendContactCode, verifyContact } from "./email-phone-verification";
import { customerProcedure } from "../trpc";
import { changePasswordInput, resendCodeInput, verifyEmailInput, verifyPhoneInput } from "./schemas";

/** The signed-in customer's own profile and credentials. */
export const customerRouter = {
  me: customerProcedure.query(({ ctx }) => getCustomerProfile(ctx.db, ctx.session.customerId)),

  verifyEmail: customerProcedure
    .input(verifyEmailInput)
    .mutation(({ ctx, input }) =>
      verifyContact(ctx, { customerId: ctx.session.customerId, channel: "email", code: input.code }, ctx.request),
    ),

  verifyPhone: customerProcedure
    .input(verifyPhoneInput)
    .mutation(({ ctx, input }) =>
      verifyContact(ctx, { customerId: ctx.session.customerId, channel: "phone", code: input.code }, ctx.request),
    ),

  resendCode: customerProcedure
    .input(resendCodeInput)
    .mutation(({ ctx, input }) => resendContactCode(ctx, { customerId: ctx.session.customerId, channel: input.channel }, ctx.request)),

  changePassword: customerProcedure.input(changePasswordInput).mutation(({ ctx, input }) =>
    changePassword(
      ctx,
      {
        customerId: ctx.session.customerId,
        sessionId: ctx.session.sessionId,
        currentPassword: input.currentPassword,
        newPassword: input.newPassword,
      },
      ctx.request,
    ),
  ),
} satisfies TRPCRouterRecord;
