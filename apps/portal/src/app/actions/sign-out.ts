"use server";

import { getDomainError } from "@brokerage/api";
import { redirect } from "next/navigation";
import { auth, signOut } from "~/auth";
import { getServerCaller } from "~/trpc/server";

/**
 * A member who has not enrolled TOTP yet may call only the enrolment procedures
 * (staffAuth.logout answers them 403): their session ends through enrolment.signOut.
 */
async function staffLogout(caller: Awaited<ReturnType<typeof getServerCaller>>): Promise<void> {
  try {
    await caller.staffAuth.logout();
  } catch (error) {
    if (getDomainError(error)?.code !== "FORBIDDEN") throw error;
    await caller.staffAuth.enrolment.signOut();
  }
}

/** Ends the portal session row (and its tokens) first, then clears the cookie. */
export async function signOutAction(): Promise<void> {
  const session = await auth();
  if (session?.sessionId) {
    const caller = await getServerCaller();
    try {
      if (session.kind === "staff") await staffLogout(caller);
      else await caller.session.logout();
    } catch (error) {
      // An already ended session is fine: the cookie goes anyway.
      if (!getDomainError(error)) throw error;
    }
  }
  await signOut({ redirect: false });
  redirect(session?.kind === "staff" ? "/staff/sign-in" : "/sign-in");
}
