// What a staff server action answers: the portal's one result type (server/action-result.ts),
// so the form kit and the alerts read a staff refusal like any other: by its codes.
import { refusedOrThrow, type ActionResult } from "~/server/action-result";

export type StaffActionResult<T> = ActionResult<T>;

export async function runStaffAction<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return refusedOrThrow(error);
  }
}
