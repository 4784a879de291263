import type { Context } from "../../context";
import { decideSubmission } from "../../kyc/decide-submission";
import type { StaffSession } from "../../sessions/resolve-session";
import type { ApproveInput } from "./approve.schema";

export function approveSubmission({ ctx, input }: { ctx: Context & { staff: StaffSession }; input: ApproveInput }) {
  return decideSubmission(
    { db: ctx.db, now: ctx.clock.now() },
    { submissionId: input.submissionId, staffId: ctx.staff.staffId, decision: "APPROVED" },
    ctx.request,
  );
}
