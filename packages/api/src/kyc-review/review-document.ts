import { createHash } from "node:crypto";
import type { Database } from "@brokerage/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { RequestMeta } from "../context";
import { DomainError } from "../errors";
import type { DocumentStorage } from "../kyc/document-storage";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A document's bytes, for staff only (the customer's side has no way to read files
 * back). Each read is audited: identity documents are the most sensitive data we hold.
 */
export async function getDocumentForReview(
  deps: { db: Database; documents: DocumentStorage; now: Date },
  input: { documentId: string; staffId: number },
  request: RequestMeta,
) {
  const notFound = () => new DomainError("NOT_FOUND", { message: "Document not found" });
  if (!UUID.test(input.documentId)) throw notFound();
  const doc = await deps.db.kycDocument.findUnique({
    where: { id: input.documentId.toLowerCase() },
    select: {
      id: true,
      fileName: true,
      contentType: true,
      size: true,
      sha256: true,
      storageKey: true,
      submission: { select: { id: true, profile: { select: { customerId: true } } } },
    },
  });
  if (!doc) throw notFound();
  const bytes = await deps.documents.get(doc.storageKey);
  // A reviewer must see exactly what the customer sent, or nothing.
  if (createHash("sha256").update(bytes).digest("hex") !== doc.sha256) {
    throw new Error(`Stored KYC document ${doc.id} does not match its digest`);
  }
  await recordAuditEvent(deps.db, {
    kind: "kyc.document_viewed",
    customerId: doc.submission.profile.customerId,
    staffId: input.staffId,
    request,
    data: { documentId: doc.id, submissionId: doc.submission.id },
    at: deps.now,
  });
  return {
    documentId: doc.id,
    submissionId: doc.submission.id,
    fileName: doc.fileName,
    contentType: doc.contentType,
    size: doc.size,
    sha256: doc.sha256,
    contentBase64: bytes.toString("base64"),
  };
}
