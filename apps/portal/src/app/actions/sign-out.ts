"use server";

import { getDomainError } from "@brokerage/api";
import { redirect } from "next/navigation";
import { auth, signOut } from "~/auth";
import { getServerCaller } from "~/trpc/server";

/** Ends the portal session row (and its tokens) first, then clears the cookie. */
export async function signOutAction(): Promise<void> {
  const session = await auth();
  if (session?.sessionId) {
    const caller = await getServerCaller();
    try {
      if (session.kind === "staff") await caller.staffAuth.logout();
      else await caller.session.logout();
    } catch (error) {
      // An already ended session is fine: the cookie goes anyway.
      if (!getDomainError(error)) throw error;
    }
  }
  await signOut({ redirect: false });
  redirect(session?.kind === "staff" ? "/staff/sign-in" : "/sign-in");
}
