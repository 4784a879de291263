"use server";

import { getDomainError, type RouterInputs } from "@brokerage/api";
import type { FieldCodes } from "@brokerage/validators";
import { getServerCaller } from "~/trpc/server";

export type SubmitKycResult =
  | { ok: true; submissionId: number }
  | { ok: false; code: string; fieldCodes: FieldCodes; reference: string | null };

/**
 * Sends a KYC submission through the router's server-side caller: one server action
 * instead of the tRPC HTTP endpoint, so the browser's request carries the files once
 * (serverActions.bodySizeLimit in next.config.ts admits 5 files of 5 MB in base64).
 * The procedure validates everything; a refusal comes back as its code and field codes.
 */
export async function submitKycAction(
  input: RouterInputs["kyc"]["submit"],
): Promise<SubmitKycResult> {
  try {
    const caller = await getServerCaller();
    const submitted = await caller.kyc.submit(input);
    return { ok: true, submissionId: submitted.submissionId };
  } catch (error) {
    const domain = getDomainError(error);
    if (!domain) throw error;
    const reference = domain.details?.correlationId;
    return {
      ok: false,
      code: domain.code,
      fieldCodes: domain.fieldCodes ?? {},
      reference: typeof reference === "string" ? reference : null,
    };
  }
}
