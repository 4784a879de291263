// Text PostgreSQL cannot store: a NUL character (refused in `text` columns) and UTF-16
// surrogates without their pair (not encodable as UTF-8). Checked once for every
// procedure's raw input (trpc.ts), so such a value is 400 INVALID_DATA naming its field
// instead of a database error answered as 500.
import { DomainError } from "./domain-error";

// eslint-disable-next-line no-control-regex -- the NUL character is what this looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_DEPTH = 32;

export const UNSTORABLE_TEXT_MESSAGE = "Contains characters that cannot be stored (NUL or an unpaired surrogate)";

export function isUnstorableText(value: string): boolean {
  return UNSTORABLE.test(value);
}

function isPlainContainer(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The path of the first string (or object key) in `value` that cannot be stored, or null.
 * Walks plain objects and arrays only (a FormData or a stream is not input text).
 */
export function findUnstorableText(value: unknown, path: ReadonlyArray<string | number> = [], depth = 0): Array<string | number> | null {
  if (typeof value === "string") return isUnstorableText(value) ? [...path] : null;
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH || !isPlainContainer(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (isUnstorableText(key)) return [...path, key];
    const found = findUnstorableText(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** INVALID_DATA naming the top-level field (`_form` when the input itself is the string). */
export function unstorableTextError(path: ReadonlyArray<string | number>): DomainError {
  const field = path.length > 0 ? String(path[0]) : "_form";
  return new DomainError("INVALID_DATA", { fieldErrors: { [field]: [UNSTORABLE_TEXT_MESSAGE] }, fieldCodes: { [field]: ["INVALID_CHARACTERS"] } });
}

/** Throws INVALID_DATA when `value` holds text that cannot be stored. */
export function assertStorableText(value: unknown): void {
  const path = findUnstorableText(value);
  if (path) throw unstorableTextError(path);
}
