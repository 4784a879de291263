import type { TRPCRouterRecord } from "@trpc/server";
import { stepUpSendInput } from "@brokerage/validators";
import { customerProcedure } from "../trpc";
import { sendStepUpChallengeCode } from "./send-code";

/** Step-up confirmation: the operations answer 403 STEP_UP_REQUIRED; this sends the code. */
export const stepUpRouter = {
  /** Sends a code for the challenge by SMS or e-mail (or selects the authenticator app). */
  send: customerProcedure.input(stepUpSendInput).mutation(({ ctx, input }) => sendStepUpChallengeCode(ctx, ctx.session, input, ctx.request)),
} satisfies TRPCRouterRecord;
