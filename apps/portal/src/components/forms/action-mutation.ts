import type { ActionResult } from "~/server/action-result";

type ValueOf<R> = R extends { ok: true; value: infer T } ? T : never;

/**
 * A server action as a react-query mutation function: its refusal is thrown, so the
 * mutation keeps it as `error` (the shape useFormErrors reads), like a tRPC error.
 */
export function throwingRefusals<I, R extends ActionResult<unknown>>(
  action: (input: I) => Promise<R>,
): (input: I) => Promise<ValueOf<R>> {
  return async (input) => {
    const result = await action(input);
    if (!result.ok) throw result.error;
    return result.value as ValueOf<R>;
  };
}
