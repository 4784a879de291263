import type messages from "../../messages/en";
import { appCodeOf } from "~/trpc/error-info";

export type ErrorMessageKey = keyof (typeof messages)["errors"];

/**
 * The key of the sentence for an error in the `errors` namespace: its domain code when
 * the catalog has a sentence for it, else the generic UNKNOWN (a network fault, a code
 * newer than this catalog).
 */
export function errorMessageKey(error: unknown, hasSentence: (code: string) => boolean): ErrorMessageKey {
  const code = appCodeOf(error);
  return code !== undefined && hasSentence(code) ? (code as ErrorMessageKey) : "UNKNOWN";
}
