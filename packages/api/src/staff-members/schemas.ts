import { z } from "zod";
import { emailField } from "../auth/fields";

const staffId = z.number().int().positive();
const role = z.enum(["ADMIN", "KYC_REVIEWER", "SUPPORT", "FINANCE"]);

export const staffIdInput = z.strictObject({ staffId });

export const inviteStaffInput = z.strictObject({
  email: emailField,
  name: z.string().trim().min(1).max(100),
  role,
});

export const changeStaffRoleInput = z.strictObject({ staffId, role });

export const setStaffEnabledInput = z.strictObject({ staffId, enabled: z.boolean() });

export const staffMemberSessionInput = z.strictObject({ sessionId: z.uuid() });
