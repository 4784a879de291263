import type { Context } from "../../context";
import { getDocumentForReview } from "../../kyc/review-document";
import type { StaffSession } from "../../sessions/resolve-session";
import type { DocumentInput } from "./document.schema";

export function reviewDocument({ ctx, input }: { ctx: Context & { staff: StaffSession }; input: DocumentInput }) {
  return getDocumentForReview(
    { db: ctx.db, documents: ctx.documents, now: ctx.clock.now() },
    { documentId: input.documentId, staffId: ctx.staff.staffId },
    ctx.request,
  );
}
