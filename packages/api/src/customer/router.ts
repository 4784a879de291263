import type { TRPCRouterRecord } from "@trpc/server";
import { changePassword } from "./change-password";
import { getCustomerProfile } from "./customer-profile";
import { resendContactCode, verifyContact } from "./email-phone-verification";
import { setPreferredCurrency } from "./preferred-currency";
import { setPreferredLanguage } from "./preferred-language";
import { customerProcedure } from "../trpc";
import { changePasswordInput, resendCodeInput, setLanguageInput, setPreferredCurrencyInput, verifyEmailInput, verifyPhoneInput } from "./schemas";

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

  /** The dashboard's currency: one the rate source knows (issue #13). */
  setPreferredCurrency: customerProcedure
    .input(setPreferredCurrencyInput)
    .mutation(({ ctx, input }) => setPreferredCurrency(ctx, ctx.session.customerId, input.currency)),

  /** The portal's language switcher: the portal, e-mails and SMS follow it (issue #15). */
  setLanguage: customerProcedure
    .input(setLanguageInput)
    .mutation(({ ctx, input }) => setPreferredLanguage(ctx.db, ctx.session.customerId, input.language)),
} satisfies TRPCRouterRecord;
