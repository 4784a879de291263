import type { TRPCRouterRecord } from "@trpc/server";
import { customerProcedure } from "../trpc";
import { confirmEmailChange, requestEmailChange } from "./email-change";
import { updateName } from "./name";
import { confirmPhoneChange, requestPhoneChange } from "./phone-change";
import { setPreferredLanguage } from "./preferred-language";
import { getProfile } from "./profile-view";
import {
  confirmEmailChangeInput,
  confirmPhoneChangeInput,
  requestEmailChangeInput,
  requestPhoneChangeInput,
  setPreferredLanguageInput,
  updateNameInput,
} from "./schemas";

/** The signed-in customer's profile page (issue 15): name, language, e-mail and phone. */
export const profileRouter = {
  get: customerProcedure.query(({ ctx }) => getProfile(ctx, ctx.session.customerId)),

  updateName: customerProcedure
    .input(updateNameInput)
    .mutation(({ ctx, input }) => updateName(ctx, ctx.session.customerId, input, ctx.request)),

  setPreferredLanguage: customerProcedure
    .input(setPreferredLanguageInput)
    .mutation(({ ctx, input }) => setPreferredLanguage(ctx, ctx.session.customerId, input.language, ctx.request)),

  requestEmailChange: customerProcedure
    .input(requestEmailChangeInput)
    .mutation(({ ctx, input }) => requestEmailChange(ctx, ctx.session, input, ctx.request)),

  confirmEmailChange: customerProcedure
    .input(confirmEmailChangeInput)
    .mutation(({ ctx, input }) => confirmEmailChange(ctx, ctx.session, input, ctx.request)),

  requestPhoneChange: customerProcedure
    .input(requestPhoneChangeInput)
    .mutation(({ ctx, input }) => requestPhoneChange(ctx, ctx.session, input, ctx.request)),

  confirmPhoneChange: customerProcedure
    .input(confirmPhoneChangeInput)
    .mutation(({ ctx, input }) => confirmPhoneChange(ctx, ctx.session, input, ctx.request)),
} satisfies TRPCRouterRecord;
