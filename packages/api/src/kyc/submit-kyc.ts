import { createHash } from "node:crypto";
import type { Database, Prisma } from "@brokerage/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import {
  dateOfBirthProblem,
  documentExpiryProblem,
  FILE_TOO_LARGE_MESSAGE,
  FILE_TYPE_MESSAGE,
  MAX_DOCUMENT_BYTES,
  utcToday,
  type FieldCode,
} from "@brokerage/validators";
import { DomainError, type FieldCodes, type FieldErrors } from "../errors";
import { newDocumentKey, type DocumentStorage } from "./document-storage";
import { sniffDocumentType, type DocumentContentType } from "./file-content-type";
import { getKycState, lockProfile } from "./kyc-state";
import { raiseRequirement } from "./set-required-level";
import { KYC_STATUS, kycStatusName, type KycState } from "./status";

export { MAX_DOCUMENT_BYTES, MIN_AGE_YEARS } from "@brokerage/validators";

/** What the customer sends for a level: personal data, an identity document and its scans. */
export interface KycSubmissionInput {
  level: 1 | 2;
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  /** ISO 3166-1 alpha-2, upper case. */
  nationality: string;
  countryOfResidence: string;
  address: { line1: string; line2?: string | undefined; city: string; postalCode: string; country: string };
  document: { type: "passport" | "id_card" | "driving_licence"; number: string; expiryDate: string };
  files: Array<{ fileName: string; contentBase64: string }>;
}

export interface SubmitKycDeps {
  db: Database;
  clock: Clock;
  documents: DocumentStorage;
}

interface CheckedFile {
  fileName: string;
  contentType: DocumentContentType;
  bytes: Buffer;
  sha256: string;
}


/** Keeps only a name a person can read: no directories, no control characters. */
function displayFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 255);
  return clean || "document";
}

/**
 * The checks the schema cannot make: they need today's date or the decoded bytes. All
 * failures are reported together, as field errors of one INVALID_DATA.
 */
function checkSubmission(input: KycSubmissionInput, now: Date): CheckedFile[] {
  const errors: FieldErrors = {};
  const codes: FieldCodes = {};
  const add = (field: string, code: FieldCode, message: string) => {
    (errors[field] ??= []).push(message);
    (codes[field] ??= []).push(code);
  };
  // The rules that need today's date are shared with the portal's form (packages/validators).
  const today = utcToday(now);
  const birth = dateOfBirthProblem(input.dateOfBirth, today);
  if (birth) add("dateOfBirth", birth.code, birth.message);
  const expiry = documentExpiryProblem(input.document.expiryDate, today);
  if (expiry) add("document.expiryDate", expiry.code, expiry.message);

  const files: CheckedFile[] = [];
  input.files.forEach((file, i) => {
    const bytes = Buffer.from(file.contentBase64, "base64");
    if (bytes.length > MAX_DOCUMENT_BYTES) return add(`files.${i}`, "FILE_TOO_LARGE", FILE_TOO_LARGE_MESSAGE);
    const contentType = sniffDocumentType(bytes);
    if (!contentType) return add(`files.${i}`, "FILE_TYPE", FILE_TYPE_MESSAGE);
    files.push({ fileName: displayFileName(file.fileName), contentType, bytes, sha256: createHash("sha256").update(bytes).digest("hex") });
  });

  if (Object.keys(errors).length > 0) throw new DomainError("INVALID_DATA", { fieldErrors: errors, fieldCodes: codes });
  return files;
}

function assertCanSubmit(state: KycState, level: number): void {
  if (state.status === KYC_STATUS.PENDING_REVIEW) throw new DomainError("KYC_SUBMISSION_PENDING");
  if (level <= state.currentLevel) {
    throw new DomainError("INVALID_DATA", {
      message: "This level is already verified",
      fieldErrors: { level: ["This level is already verified"] }, fieldCodes: { level: ["LEVEL_VERIFIED"] },
    });
  }
}

/**
 * A customer's KYC submission for a level. Order: the data checks (INVALID_DATA), then a
 * submission already under review (409 KYC_SUBMISSION_PENDING) or a level already
 * verified (INVALID_DATA). A refused submission stores nothing, no file either. Files are
 * stored under random keys before the rows that point to them, and removed again if
 * those rows are not written. A level above the required one raises it, with the reason
 * `customer_request`, so that its approval reads APPROVED.
 */
export async function submitKyc(
  deps: SubmitKycDeps,
  input: KycSubmissionInput & { customerId: number },
  request: RequestMeta,
) {
  const now = deps.clock.now();
  const files = checkSubmission(input, now);
  // Cheap early answer, so a refused submission writes no file; the locked check below decides.
  assertCanSubmit(await getKycState(deps.db, input.customerId), input.level);

  const stored: Array<CheckedFile & { storageKey: string }> = [];
  try {
    for (const file of files) {
      const storageKey = newDocumentKey();
      await deps.documents.put(storageKey, file.bytes);
      stored.push({ ...file, storageKey });
    }
    return await deps.db.$transaction(async (tx) => {
      const { created: _created, ...locked } = await lockProfile(tx, input.customerId, now);
      assertCanSubmit(locked, input.level);
      const raised =
        input.level > locked.requiredLevel
          ? (await raiseRequirement(tx, locked, { level: input.level, reason: "customer_request", source: "kyc_submission", now })).state
          : locked;

      const data = {
        firstName: input.firstName,
        lastName: input.lastName,
        dateOfBirth: input.dateOfBirth,
        nationality: input.nationality,
        countryOfResidence: input.countryOfResidence,
        address: { ...input.address, line2: input.address.line2 ?? null },
        document: input.document,
      } satisfies Prisma.InputJsonObject;
      const submission = await tx.kycSubmission.create({
        data: { profileId: locked.profileId, level: input.level, data, submittedAt: now },
        select: { id: true, level: true, submittedAt: true },
      });
      const documents = await tx.kycDocument.createManyAndReturn({
        data: stored.map((f) => ({
          submissionId: submission.id,
          fileName: f.fileName,
          contentType: f.contentType,
          size: f.bytes.length,
          sha256: f.sha256,
          storageKey: f.storageKey,
          createdAt: now,
        })),
        select: { id: true, fileName: true, contentType: true, size: true },
      });
      await tx.kycProfile.update({
        where: { id: locked.profileId },
        data: { status: KYC_STATUS.PENDING_REVIEW, updatedAt: now },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        kind: "kyc.submitted",
        customerId: input.customerId,
        request,
        data: {
          profileId: locked.profileId,
          submissionId: submission.id,
          level: input.level,
          documentCount: documents.length,
          previousStatus: locked.status,
          requiredLevel: raised.requiredLevel,
        },
        at: now,
      });
      return {
        submissionId: submission.id,
        level: submission.level,
        submittedAt: submission.submittedAt.toISOString(),
        status: KYC_STATUS.PENDING_REVIEW,
        statusName: kycStatusName(KYC_STATUS.PENDING_REVIEW),
        currentLevel: locked.currentLevel,
        requiredLevel: raised.requiredLevel,
        documents: documents.map((d) => ({ documentId: d.id, fileName: d.fileName, contentType: d.contentType, size: d.size })),
      };
    });
  } catch (error) {
    await Promise.allSettled(stored.map((f) => deps.documents.delete(f.storageKey)));
    throw error;
  }
}
