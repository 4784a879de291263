"use server";

import { STAFF_ROLES } from "@brokerage/validators";
import { revalidatePath } from "next/cache";
import { refused, refusedOrThrow, type ActionResult } from "~/server/action-result";
import { getServerCaller } from "~/trpc/server";

type Role = (typeof STAFF_ROLES)[number];
const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value.trim() : "");
const roleOf = (value: string): Role | null =>
  (STAFF_ROLES as readonly string[]).includes(value) ? (value as Role) : null;

/** staffMembers.invite: the new member gets the enrolment link by e-mail. */
export async function inviteStaffAction(
  _previous: ActionResult<{ email: string }> | null,
  form: FormData,
): Promise<ActionResult<{ email: string }>> {
  const role = roleOf(text(form.get("role")));
  if (!role) return refused("INVALID_DATA", { role: ["Choose a role"] });
  try {
    const member = await (
      await getServerCaller()
    ).staffMembers.invite({
      email: text(form.get("email")),
      name: text(form.get("name")),
      role,
    });
    revalidatePath("/staff/members");
    return { ok: true, value: { email: member.email } };
  } catch (error) {
    return refusedOrThrow(error);
  }
}

export type MemberIntent =
  "changeRole" | "disable" | "enable" | "endSessions" | "resetTwoFactor" | "resendInvite";

/** One action on one member, named by the submit button's `intent`. */
export async function manageStaffMemberAction(
  _previous: ActionResult<{ intent: MemberIntent }> | null,
  form: FormData,
): Promise<ActionResult<{ intent: MemberIntent }>> {
  const staffId = Number(text(form.get("staffId")));
  const intent = text(form.get("intent")) as MemberIntent;
  if (!Number.isInteger(staffId) || staffId <= 0) return refused("INVALID_DATA");
  try {
    const members = (await getServerCaller()).staffMembers;
    switch (intent) {
      case "changeRole": {
        const role = roleOf(text(form.get("role")));
        if (!role) return refused("INVALID_DATA", { role: ["Choose a role"] });
        await members.changeRole({ staffId, role });
        break;
      }
      case "disable":
      case "enable":
        await members.setEnabled({ staffId, enabled: intent === "enable" });
        break;
      case "endSessions":
        await members.endSessions({ staffId });
        break;
      case "resetTwoFactor":
        await members.resetTwoFactor({ staffId });
        break;
      case "resendInvite":
        await members.resendInvite({ staffId });
        break;
      default:
        return refused("INVALID_DATA");
    }
    revalidatePath("/staff/members");
    return { ok: true, value: { intent } };
  } catch (error) {
    return refusedOrThrow(error);
  }
}
