// The KYC date rules that need today's date, so no schema can hold them: the server
// applies them to a submission, a form before sending. Dates are compared as calendar
// dates in UTC (the portal has no customer time zone).
import type { FieldCode } from "./field-codes";

export const MIN_AGE_YEARS = 18;
export const MAX_AGE_YEARS = 130;

/** Today as the server sees it: a YYYY-MM-DD calendar date in UTC. */
export const utcToday = (now: Date = new Date()) => now.toISOString().slice(0, 10);

/** Whole years between two YYYY-MM-DD dates; a birthday on 29 February counts from 1 March. */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  const birthdayPassed = tm > bm || (tm === bm && td >= bd);
  return ty - by - (birthdayPassed ? 0 : 1);
}

export interface DateProblem {
  code: FieldCode;
  message: string;
}

/** What is wrong with a (well-formed) date of birth on `today`, or null. */
export function dateOfBirthProblem(dateOfBirth: string, today: string): DateProblem | null {
  if (dateOfBirth > today) return { code: "DATE_IN_FUTURE", message: "The date of birth is in the future" };
  const age = ageOn(dateOfBirth, today);
  if (age < MIN_AGE_YEARS) return { code: "TOO_YOUNG", message: `You must be at least ${MIN_AGE_YEARS} years old` };
  if (age > MAX_AGE_YEARS) return { code: "DATE_UNLIKELY", message: "Enter your real date of birth" };
  return null;
}

/** What is wrong with a (well-formed) document expiry date on `today`, or null. */
export function documentExpiryProblem(expiryDate: string, today: string): DateProblem | null {
  return expiryDate < today ? { code: "DOCUMENT_EXPIRED", message: "The document has expired" } : null;
}
