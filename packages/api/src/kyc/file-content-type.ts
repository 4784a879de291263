// Uploaded documents are typed by their first bytes, never by their name or a declared
// type, so a renamed executable ("passport.jpg" holding an ELF or MZ binary) is refused.
//
// Why not the `file-type` package: it recognises well over a hundred formats and is
// ESM-only and large, while we accept exactly three. Three magic numbers checked here are
// easier to audit than a dependency, and anything else (executables included) is refused
// because it is not on the list, not because a detector recognised it as dangerous.

import type { DocumentContentType } from "@brokerage/validators";

export type { DocumentContentType };

const SIGNATURES: ReadonlyArray<{ contentType: DocumentContentType; magic: readonly number[] }> = [
  { contentType: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  { contentType: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // "%PDF-"
  { contentType: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

/** The accepted type `bytes` start with, or null for anything else. */
export function sniffDocumentType(bytes: Uint8Array): DocumentContentType | null {
  for (const { contentType, magic } of SIGNATURES) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return contentType;
  }
  return null;
}

// The accepted list itself is shared with the portal's file picker (packages/validators).
export { ACCEPTED_DOCUMENT_TYPES } from "@brokerage/validators";
