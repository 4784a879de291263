// The resolver of the kit's forms: the shared zod schema decides, each issue becomes the
// same machine code the server would send (fieldCodeOfIssue, from @brokerage/validators),
// and the code becomes a sentence of the catalog. (@hookform/resolvers' zodResolver would
// show zod's English messages: a refinement's own message outranks any error map in zod 4,
// so its code could not be recovered from what zodResolver hands back.)
import { toNestErrors, validateFieldsNatively } from "@hookform/resolvers";
import { fieldCodeOfIssue, type FieldCode } from "@brokerage/validators";
import type { FieldError, FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

/** The form's name for an issue's place: `email`, `address.city`; `root` for the whole input. */
export const issueFieldName = (path: readonly PropertyKey[]) => (path.length === 0 ? "root" : path.map(String).join("."));

export function zodCodeResolver<S extends z.ZodType<unknown, FieldValues>>(
  schema: S,
  sentence: (field: string, code: FieldCode) => string,
): Resolver<z.input<S>, unknown, z.output<S>> {
  return async (values, _context, options) => {
    const parsed = await schema.safeParseAsync(values);
    if (parsed.success) {
      if (options.shouldUseNativeValidation) validateFieldsNatively({}, options);
      return { values: parsed.data, errors: {} };
    }
    const errors: Record<string, FieldError> = Object.create(null);
    for (const issue of parsed.error.issues) {
      const name = issueFieldName(issue.path);
      if (errors[name]) continue; // the first problem of a field is the one to fix first
      const code = fieldCodeOfIssue(issue, { input: values });
      errors[name] = { type: code, message: sentence(name, code) };
    }
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}
