"use server";

import type { RouterInputs } from "@brokerage/api";
import { refusedOrThrow, type ActionResult } from "~/server/action-result";
import { getServerCaller } from "~/trpc/server";

/**
 * Sends a KYC submission through the router's server-side caller: one server action
 * instead of the tRPC HTTP endpoint, so the browser's request carries the files once
 * (serverActions.bodySizeLimit in next.config.ts admits 5 files of 5 MB in base64).
 * The procedure validates everything; a refusal comes back as the kit reads it
 * (appCode, fieldCodes, details with a fault's correlationId).
 */
export async function submitKycAction(
  input: RouterInputs["kyc"]["submit"],
): Promise<ActionResult<{ submissionId: number }>> {
  try {
    const caller = await getServerCaller();
    const submitted = await caller.kyc.submit(input);
    return { ok: true, value: { submissionId: submitted.submissionId } };
  } catch (error) {
    return refusedOrThrow(error);
  }
}
