// Reading field errors off a refusal: a tRPC error's `data.fieldErrors` or a server
// action's (server/action-result.ts), which has the same shape.

export type FieldErrorMap = Record<string, string[]>;

export function fieldErrorsOf(error: unknown): FieldErrorMap {
  if (typeof error !== "object" || error === null || !("data" in error)) return {};
  const data = (error as { data: unknown }).data;
  if (typeof data !== "object" || data === null || !("fieldErrors" in data)) return {};
  const fieldErrors = (data as { fieldErrors: unknown }).fieldErrors;
  if (typeof fieldErrors !== "object" || fieldErrors === null) return {};
  const result: FieldErrorMap = {};
  for (const [field, messages] of Object.entries(fieldErrors)) {
    if (
      Array.isArray(messages) &&
      messages.every((m) => typeof m === "string") &&
      messages.length > 0
    ) {
      result[field] = messages;
    }
  }
  return result;
}

export interface FormErrorView {
  /** The sentence for the whole form (shown at its top), when no single field owns the error. */
  alert: { sentence: string; reference: string | undefined } | undefined;
  /** A sentence per field, shown next to it. */
  fields: Record<string, string>;
}

/**
 * Decides where each part of a refusal goes. Field errors stay with their fields (in
 * the customer's language when the catalog knows the field). A domain code that is
 * about one field (PASSWORD_TOO_SHORT on the password, CODE_INVALID on the code ...)
 * goes next to that field instead of the top of the form.
 */
export function formErrorView(input: {
  error: unknown;
  appCode: string | undefined;
  describe: (error: unknown) => { sentence: string; reference: string | undefined };
  fieldOfCode: Readonly<Record<string, string>>;
  fieldSentence: (field: string) => string | undefined;
}): FormErrorView {
  if (!input.error) return { alert: undefined, fields: {} };
  const fields: Record<string, string> = {};
  for (const [field, messages] of Object.entries(fieldErrorsOf(input.error))) {
    fields[field] = input.fieldSentence(field) ?? messages[0]!;
  }
  const described = input.describe(input.error);
  const owner = input.appCode ? input.fieldOfCode[input.appCode] : undefined;
  if (owner && !described.reference) {
    fields[owner] ??= described.sentence;
    return { alert: undefined, fields };
  }
  return { alert: described, fields };
}
