// Reading the staff pages' query strings: one value per name, and a page number that is
// always a whole number in range (a hand-edited URL never fails the page).
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter (a repeated one counts once). */
export const firstParam = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/** `?page=` as 1..max; anything else is page 1. */
export function pageParam(value: string | string[] | undefined, max = 4000): number {
  const page = Number(firstParam(value));
  return Number.isInteger(page) && page >= 1 && page <= max ? page : 1;
}
