import { z } from "zod";

export const refreshInput = z.strictObject({ refreshToken: z.string().min(20).max(200) });
