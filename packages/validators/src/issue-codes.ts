import type { z } from "zod";
import { isFieldCode, type FieldCode, type FieldCodes } from "./field-codes";

/**
 * The one mapping from a zod issue to a field code. A code the shared schema set on its
 * refinement (`params.code`) wins; otherwise the issue's own kind decides.
 */
export function fieldCodeOfIssue(issue: z.core.$ZodIssue): FieldCode {
  const params = (issue as { params?: { code?: unknown } }).params;
  if (isFieldCode(params?.code)) return params.code;
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "REQUIRED" : "INVALID_TYPE";
    case "too_small":
      // "Required" is a string or a list that must not be empty.
      if ((issue.origin === "string" || issue.origin === "array") && Number(issue.minimum) === 1) return "REQUIRED";
      return issue.origin === "string" || issue.origin === "array" ? "TOO_SHORT" : "TOO_SMALL";
    case "too_big":
      return issue.origin === "string" || issue.origin === "array" ? "TOO_LONG" : "TOO_BIG";
    case "invalid_format":
      return issue.format === "date" ? "INVALID_DATE" : "INVALID_FORMAT";
    case "invalid_value":
    case "invalid_union":
      return "NOT_ALLOWED";
    case "unrecognized_keys":
      return "UNKNOWN_FIELD";
    default:
      return "INVALID";
  }
}

const pathKey = (path: readonly PropertyKey[]) => path.map(String).join(".");

/**
 * `{ field: [CODE] }` for a zod error, keyed like the server's `fieldErrors` (the first
 * path segment, as `z.flattenError` does; `_form` for issues of the whole input).
 */
export function fieldCodesOf(error: z.core.$ZodError, keyOf: (path: readonly PropertyKey[]) => string = firstSegment): FieldCodes {
  const out: FieldCodes = {};
  for (const issue of error.issues) {
    const key = keyOf(issue.path);
    const code = fieldCodeOfIssue(issue);
    const list = (out[key] ??= []);
    if (!list.includes(code)) list.push(code);
  }
  return out;
}

/** The key `z.flattenError` uses: the first path segment, `_form` for the whole input. */
export function firstSegment(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "_form" : String(path[0]);
}

/** The full dotted path (`address.city`, `files.1`), for forms with nested fields. */
export function dottedPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "_form" : pathKey(path);
}
