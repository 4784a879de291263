import { z } from "zod";
import { staffRoleField } from "@brokerage/validators";

const staffId = z.number().int().positive();
const role = staffRoleField;

export const staffIdInput = z.strictObject({ staffId });

// Shared with the portal's invite form.
export { inviteStaffInput } from "@brokerage/validators";

export const changeStaffRoleInput = z.strictObject({ staffId, role });

export const setStaffEnabledInput = z.strictObject({ staffId, enabled: z.boolean() });

export const staffMemberSessionInput = z.strictObject({ sessionId: z.uuid() });
