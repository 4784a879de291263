import { safeRedirectPath } from "~/security/safe-redirect";

/** `?returnTo=` of the compliance pages: a path of this portal (the one helper), else none. */
export function returnToFrom(raw: string | string[] | undefined): string | null {
  return safeRedirectPath(Array.isArray(raw) ? raw[0] : raw);
}
