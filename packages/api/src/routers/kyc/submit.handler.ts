import type { Context } from "../../context";
import { submitKyc } from "../../kyc/submit-kyc";
import type { CustomerSession } from "../../sessions/resolve-session";
import type { SubmitKycInput } from "./submit.schema";

export function submitHandler({ ctx, input }: { ctx: Context & { session: CustomerSession }; input: SubmitKycInput }) {
  return submitKyc(ctx, { ...input, customerId: ctx.session.customerId }, ctx.request);
}
