import type { RouterOutputs } from "@brokerage/api";

export type PasswordType = "main" | "investor";
/** What starting the wizard answers: the flow's id and where the code went. */
export type StartedFlow = RouterOutputs["accounts"]["passwordWizard"]["start"];
