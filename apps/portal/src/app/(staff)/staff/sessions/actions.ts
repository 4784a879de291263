"use server";

import { getDomainError } from "@brokerage/api";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signOut } from "~/auth";
import { getServerCaller } from "~/trpc/server";

/** Ends one of the signed-in member's sessions; ending this browser's signs out. */
export async function endOwnStaffSessionAction(form: FormData): Promise<void> {
  const sessionId = form.get("sessionId");
  if (typeof sessionId !== "string") return;
  let current = false;
  try {
    current = (await (await getServerCaller()).staffAuth.revokeSession({ sessionId })).current;
  } catch (error) {
    // Already ended (or not ours): the list is simply shown again as it now is.
    if (!getDomainError(error)) throw error;
  }
  if (current) {
    await signOut({ redirect: false });
    redirect("/staff/sign-in");
  }
  revalidatePath("/staff/sessions");
}
