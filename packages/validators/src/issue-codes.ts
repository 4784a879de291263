import type { z } from "zod";
import { isFieldCode, type FieldCode, type FieldCodes } from "./field-codes";

/** What a mapping may know besides the issue: the input that was parsed. */
export interface IssueContext {
  /** The whole input; zod 4 issues do not carry the offending value unless asked to. */
  input?: unknown;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * The one mapping from a zod issue to a field code. A code the shared schema set on its
 * refinement (`params.code`) wins; otherwise the issue's own kind decides.
 */
export function fieldCodeOfIssue(issue: z.core.$ZodIssue, context: IssueContext = {}): FieldCode {
  const params = (issue as { params?: { code?: unknown } }).params;
  if (isFieldCode(params?.code)) return params.code;
  switch (issue.code) {
    case "invalid_type": {
      // A missing field is REQUIRED, a present one of the wrong type INVALID_TYPE.
      const known = "input" in issue || "input" in context;
      const value = "input" in issue ? issue.input : valueAt(context.input, issue.path);
      return known && value === undefined ? "REQUIRED" : "INVALID_TYPE";
    }
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

/**
 * `{ field: [CODE] }` for a zod error, keyed like the server's `fieldErrors` (the first
 * path segment, as `z.flattenError` does; `_form` for issues of the whole input) unless
 * `keyOf` says otherwise. Pass the parsed `input` so a missing field reads REQUIRED.
 */
export function fieldCodesOf(
  error: z.core.$ZodError,
  options: IssueContext & { keyOf?: (path: readonly PropertyKey[]) => string } = {},
): FieldCodes {
  const keyOf = options.keyOf ?? firstSegment;
  const out: FieldCodes = {};
  for (const issue of error.issues) {
    const key = keyOf(issue.path);
    const code = fieldCodeOfIssue(issue, options);
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
  return path.length === 0 ? "_form" : path.map(String).join(".");
}
