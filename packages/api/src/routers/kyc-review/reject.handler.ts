import type { Context } from "../../context";
import { decideSubmission } from "../../kyc/decide-submission";
import type { StaffSession } from "../../sessions/resolve-session";
import type { RejectInput } from "./reject.schema";

export function rejectSubmission({ ctx, input }: { ctx: Context & { staff: StaffSession }; input: RejectInput }) {
  return decideSubmission(
    { db: ctx.db, now: ctx.clock.now() },
    { submissionId: input.submissionId, staffId: ctx.staff.staffId, decision: "REJECTED", reason: input.reason },
    ctx.request,
  );
}
