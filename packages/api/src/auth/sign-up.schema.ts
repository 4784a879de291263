import type { z } from "zod";
import { signUpInput } from "@brokerage/validators";

// Shared with the portal's sign-up form (@brokerage/validators).
export { signUpInput };

export type SignUpProcedureInput = z.infer<typeof signUpInput>;
