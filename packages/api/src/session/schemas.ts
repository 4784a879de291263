import { z } from "zod";

export const revokeSessionInput = z.strictObject({ sessionId: z.uuid() });
