// Reading a refusal and deciding where each part of it goes. A refusal is a tRPC error
// (its formatted `data`) or a server action's failure (server/action-result.ts), which has
// the same shape: appCode, fieldErrors (English, never shown), fieldCodes, details.
import { isFieldCode, type FieldCode } from "@brokerage/validators";
import { appCodeOf } from "~/trpc/error-info";

/** The machine codes of a refusal's field errors; unknown codes read as INVALID. */
export function refusalFieldCodes(error: unknown): Record<string, FieldCode[]> {
  const data = typeof error === "object" && error !== null && "data" in error ? (error as { data: unknown }).data : undefined;
  if (typeof data !== "object" || data === null) return {};
  const { fieldCodes, fieldErrors } = data as { fieldCodes?: unknown; fieldErrors?: unknown };
  const out: Record<string, FieldCode[]> = {};
  if (typeof fieldCodes === "object" && fieldCodes !== null) {
    for (const [field, codes] of Object.entries(fieldCodes)) {
      if (!Array.isArray(codes) || codes.length === 0) continue;
      out[field] = codes.map((code) => (isFieldCode(code) ? code : "INVALID"));
    }
  }
  // An older server (or a hand-built refusal) with English messages and no codes.
  if (typeof fieldErrors === "object" && fieldErrors !== null) {
    for (const field of Object.keys(fieldErrors)) out[field] ??= ["INVALID"];
  }
  return out;
}

/** A server action's answer when it is a refusal (`{ ok: false, error }`), else undefined. */
export function refusalOfResult(result: unknown): unknown {
  if (typeof result !== "object" || result === null || !("ok" in result)) return undefined;
  const { ok, error } = result as { ok: unknown; error?: unknown };
  return ok === false ? (error ?? {}) : undefined;
}

export interface RefusalPlan {
  /** Errors for fields the form shows, in the order the server listed them. */
  fields: Array<{ name: string; code: FieldCode | "DOMAIN"; appCode?: string }>;
  /** Whether the refusal also (or only) belongs at the top of the form. */
  alert: boolean;
}

/**
 * Where a refusal goes: each field error next to its field (when the form has that field);
 * a domain code that is about one field (`fieldOfCode`: PASSWORD_TOO_SHORT on newPassword)
 * next to that field instead of the top; everything else, and a fault with a reference to
 * quote, in the form's alert.
 */
export function planRefusal(input: {
  error: unknown;
  hasField: (name: string) => boolean;
  fieldOfCode?: Readonly<Record<string, string>>;
  /** The form's field for a refusal's field key, when the form names it otherwise (`document.expiryDate` → `expiryDate`). */
  fieldOfPath?: (key: string) => string | undefined;
  hasReference: boolean;
}): RefusalPlan {
  const fields: RefusalPlan["fields"] = [];
  for (const [key, codes] of Object.entries(refusalFieldCodes(input.error))) {
    const mapped = input.fieldOfPath?.(key);
    const name = mapped ?? key;
    // A key the form maps is its field (possibly one it shows without a control: a group);
    // two keys on one field keep the first one's code.
    if ((mapped !== undefined || input.hasField(name)) && !fields.some((f) => f.name === name))
      fields.push({ name, code: codes[0]! });
  }
  const appCode = appCodeOf(input.error);
  const owner = appCode ? input.fieldOfCode?.[appCode] : undefined;
  if (owner && !input.hasReference && input.hasField(owner)) {
    if (!fields.some((f) => f.name === owner)) fields.push({ name: owner, code: "DOMAIN", appCode });
    return { fields, alert: false };
  }
  return { fields, alert: true };
}

/**
 * The catalog keys that may hold the sentence for `code` on `field`, best first: the
 * field's sentence for that code, the field's sentence for any problem, the code's
 * sentence for any field. (`field` is the form's name for it: `email`, `address.city`.)
 * A form with sentences of its own (`section`, e.g. `kyc.form.fieldErrors`) is looked up
 * there first, where one item of a list field (`files.1`, `files.1.type`) is `files.item`.
 */
export function fieldSentenceKeys(field: string, code: FieldCode, section?: string): string[] {
  const own = section ? field.replace(/\.\d+(\..*)?$/, ".item") : "";
  return [
    ...(section ? [`${section}.${own}.${code}`, `${section}.${own}.default`] : []),
    `formErrors.${field}.${code}`,
    `formErrors.${field}.default`,
    `fieldCodes.${code}`,
    "fieldCodes.INVALID",
  ];
}
