import type { Database } from "@brokerage/db";
import { listReviewQueue } from "../../kyc/review-queue";
import type { QueueInput } from "./queue.schema";

export function reviewQueue({ ctx, input }: { ctx: { db: Database }; input: QueueInput }) {
  return listReviewQueue(ctx.db, input);
}
