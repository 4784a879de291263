import type { TRPCRouterRecord } from "@trpc/server";
import { loginForApi } from "./login";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { refreshSession, tokensView } from "../session/sessions";
import { signUp } from "./sign-up";
import { publicProcedure } from "../trpc";
import { loginInput } from "./login.schema";
import { requestPasswordResetInput, resetPasswordInput } from "./password-reset.schema";
import { refreshInput } from "./refresh.schema";
import { signUpInput } from "./sign-up.schema";

/** The way in. Web sign-in goes through next-auth, which calls the same domain functions. */
export const authRouter = {
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => signUp(ctx, input, ctx.request)),

  /** Seed 002 login for API clients: the profile, linked accounts and bearer tokens. */
  login: publicProcedure.input(loginInput).mutation(({ ctx, input }) => loginForApi(ctx, input, ctx.request)),

  /** Seed 003's refresh: a new access token and a new refresh token; reuse ends the session. */
  refresh: publicProcedure
    .input(refreshInput)
    .mutation(async ({ ctx, input }) => tokensView(await refreshSession(ctx.db, input.refreshToken, ctx.clock.now()))),

  /** Always the same answer, whether or not the e-mail is registered. */
  requestPasswordReset: publicProcedure
    .input(requestPasswordResetInput)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx, input.email, ctx.request)),

  resetPassword: publicProcedure
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) => resetPassword(ctx, input, ctx.request)),
} satisfies TRPCRouterRecord;
