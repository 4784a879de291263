import type { TRPCRouterRecord } from "@trpc/server";
import { staffProcedure } from "../../trpc";
import { approveSubmission } from "./approve.handler";
import { approveInput } from "./approve.schema";
import { reviewDocument } from "./document.handler";
import { documentInput } from "./document.schema";
import { getSubmission } from "./get.handler";
import { getInput } from "./get.schema";
import { reviewQueue } from "./queue.handler";
import { queueInput } from "./queue.schema";
import { rejectSubmission } from "./reject.handler";
import { rejectInput } from "./reject.schema";

/** Staff review of KYC submissions; customers get 403 FORBIDDEN on every procedure. */
export const kycReviewRouter = {
  queue: staffProcedure.input(queueInput).query(reviewQueue),
  get: staffProcedure.input(getInput).query(getSubmission),
  /** A document's bytes (base64) and content type: the only way a file leaves storage. */
  document: staffProcedure.input(documentInput).query(reviewDocument),
  approve: staffProcedure.input(approveInput).mutation(approveSubmission),
  reject: staffProcedure.input(rejectInput).mutation(rejectSubmission),
} satisfies TRPCRouterRecord;
