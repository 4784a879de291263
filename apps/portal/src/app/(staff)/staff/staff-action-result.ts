// What a staff server action answers: the value, or the refusal's code (the page shows
// the sentence for it from the `errors` catalog), its field errors and, for faults, the
// reference to quote.
import { getDomainError } from "@brokerage/api";

export type StaffActionResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: string; fieldErrors: Record<string, string[]>; reference: string | null };

export async function runStaffAction<T>(run: () => Promise<T>): Promise<StaffActionResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const domain = getDomainError(error);
    if (!domain) throw error;
    const reference = domain.details?.correlationId;
    return {
      ok: false,
      code: domain.code,
      fieldErrors: domain.fieldErrors ?? {},
      reference: typeof reference === "string" ? reference : null,
    };
  }
}

/** A form field as a trimmed string ("" when absent). */
export const formText = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};

/** A form field as a positive integer, or undefined (the schema then says what is wrong). */
export const formInteger = (form: FormData, name: string): number | undefined => {
  const text = formText(form, name);
  return /^\d{1,10}$/.test(text) ? Number(text) : undefined;
};
