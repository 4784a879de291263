import { z } from "zod";
import { enrolmentCodeInput, enrolmentTokenField, setPasswordWithLinkInput } from "@brokerage/validators";

export const staffSessionIdInput = z.strictObject({ sessionId: z.uuid() });

const token = enrolmentTokenField;

export const enrolmentLinkInput = z.strictObject({ token });

// Shared with the portal's set-password form.
export { enrolmentCodeInput, setPasswordWithLinkInput };
