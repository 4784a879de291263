"use server";

import type { RouterOutputs } from "@brokerage/api";
import { refused, refusedOrThrow, type ActionResult } from "~/server/action-result";
import { getServerCaller } from "~/trpc/server";

export type StaffOtpSetup = RouterOutputs["staffAuth"]["enrolment"]["setup"];

/** A new secret for the signed-in member who has not enrolled yet (staffAuth.enrolment.setup). */
export async function startEnrolmentAction(): Promise<ActionResult<StaffOtpSetup>> {
  try {
    return { ok: true, value: await (await getServerCaller()).staffAuth.enrolment.setup() };
  } catch (error) {
    return refusedOrThrow(error);
  }
}

/** Confirms the setup with a code; the recovery codes come back once. */
export async function finishEnrolmentAction(input: {
  code: string;
}): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  const code = typeof input?.code === "string" ? input.code.replace(/\s+/g, "") : "";
  if (!/^\d{6}$/.test(code))
    return refused("INVALID_DATA", { code: ["Enter the 6-digit code from your app"] });
  try {
    const result = await (await getServerCaller()).staffAuth.enrolment.enable({ code });
    return { ok: true, value: { recoveryCodes: result.recoveryCodes } };
  } catch (error) {
    return refusedOrThrow(error);
  }
}
