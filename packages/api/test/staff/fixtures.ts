import type { StaffRole } from "@brokerage/db";
import type { Credential } from "../../src/context";
import type { Harness } from "../support/harness";

let counter = 0;

/** A staff member of `role` with a live staff session (made directly: sign-in has its own tests). */
export async function staffMember(h: Harness, role: StaffRole, email?: string) {
  counter++;
  const staff = await h.db.staff.create({
    data: {
      email: email ?? `${role.toLowerCase()}${counter}-${Date.now()}@broker.example`,
      name: `${role} ${counter}`,
      role,
      passwordHash: "not-used",
    },
  });
  const now = h.clock.now();
  const session = await h.db.staffSession.create({
    data: {
      staffId: staff.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 8 * 3600_000),
    },
  });
  const credential: Credential = { type: "staff-session", sessionId: session.id };
  return { staff, credential, api: h.caller(credential) };
}
