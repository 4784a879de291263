// The files a KYC submission accepts. The server types each file by its first bytes
// (packages/api/src/kyc/file-content-type.ts); a form offers and pre-checks the same list.
import { z } from "zod";
import { withCode } from "./field-codes";

export const ACCEPTED_DOCUMENT_TYPES = ["image/jpeg", "image/png", "application/pdf"] as const;
export type DocumentContentType = (typeof ACCEPTED_DOCUMENT_TYPES)[number];

/** Each uploaded file, once decoded: 5 MB. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
export const MAX_DOCUMENT_FILES = 5;

export const FILE_TOO_LARGE_MESSAGE = "The file is larger than 5 MB";
export const FILE_TYPE_MESSAGE = "Only JPEG, PNG and PDF files are accepted";

export const isAcceptedDocumentType = (type: string): type is DocumentContentType =>
  (ACCEPTED_DOCUMENT_TYPES as readonly string[]).includes(type);

/** A file picked in a browser, before it is read: its declared type and size. */
export const selectedDocumentFile = z.object({
  name: z.string(),
  type: z.string().refine(isAcceptedDocumentType, { ...withCode("FILE_TYPE", FILE_TYPE_MESSAGE), abort: true }),
  size: z
    .number()
    .refine((n) => n <= MAX_DOCUMENT_BYTES, withCode("FILE_TOO_LARGE", FILE_TOO_LARGE_MESSAGE))
    .refine((n) => n > 0, withCode("FILE_EMPTY", "The file is empty")),
});

export const selectedDocumentFiles = z
  .array(selectedDocumentFile)
  .min(1, { message: "Attach at least one file" })
  .max(MAX_DOCUMENT_FILES, { message: `Attach at most ${MAX_DOCUMENT_FILES} files` });
