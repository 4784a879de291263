// Who is signed in, as the database sees it. The JWT only says which session row the
// browser holds; that row may have been revoked (another device signed it out), may
// have expired, or its customer may be disabled. Pages, the header and the banners ask
// here, so an ended session looks signed out everywhere at once.
import "server-only";
import { getDomainError, type RouterOutputs } from "@brokerage/api";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "~/auth";
import { getLogger } from "~/server/logger";
import { getServerCaller } from "~/trpc/server";
import type { PortalSessionKind } from "./claims";

export type CurrentCustomer = RouterOutputs["customer"]["me"];

/** The signed-in customer's profile; null for visitors, staff and ended sessions. One query per request. */
export const getCurrentCustomer = cache(async (): Promise<CurrentCustomer | null> => {
  const session = await auth();
  if (!session?.sessionId || session.kind !== "customer") return null;
  try {
    return await (await getServerCaller()).customer.me();
  } catch (error) {
    if (getDomainError(error)?.code === "INVALID_CUSTOMER_SESSION") return null;
    throw error;
  }
});

/**
 * Who the page frame (header, banners) is for. An ended customer session counts as a
 * visitor. Like the brand in the frame, this never takes a page down: when the session
 * cannot be checked, the frame trusts the cookie and the page reports the fault.
 */
export const getFrameViewer = cache(
  async (): Promise<{ kind: PortalSessionKind | null; customer: CurrentCustomer | null }> => {
    const session = await auth();
    const kind = session?.sessionId ? (session.kind ?? null) : null;
    if (kind !== "customer") return { kind, customer: null };
    try {
      const customer = await getCurrentCustomer();
      return { kind: customer ? "customer" : null, customer };
    } catch (error) {
      getLogger().warn(
        { err: error instanceof Error ? error.name : "Error" },
        "session unavailable for the page frame",
      );
      return { kind, customer: null };
    }
  },
);

/**
 * For pages only signed-in customers see: the customer, or a redirect to the sign-in
 * page, which brings the visitor back to `path` afterwards and says so when a session
 * the browser still holds has ended.
 */
export async function requireCustomer(path: string): Promise<CurrentCustomer> {
  const customer = await getCurrentCustomer();
  if (customer) return customer;
  const session = await auth();
  const params = new URLSearchParams({ next: path });
  if (session?.sessionId && session.kind === "customer") params.set("notice", "session-ended");
  redirect(`/sign-in?${params}`);
}
