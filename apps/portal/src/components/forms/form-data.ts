/**
 * A form's values as FormData, for a server action written for `<form action>`
 * (`(previous, formData)`): strings as they are, booleans as "on" when true.
 */
export function toFormData(values: Record<string, unknown>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === false) continue;
    data.set(name, value === true ? "on" : String(value));
  }
  return data;
}
