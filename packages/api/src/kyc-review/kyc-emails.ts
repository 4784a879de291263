import type { EmailContent } from "../messaging/templates";

const signature = (brandName: string) => `\n\n-- \n${brandName}\nThis is an automatic message; replies are not read.`;

const levelWording: Record<number, string> = {
  1: "your identity",
  2: "your identity and address",
};

/** After staff approved a KYC submission. */
export function kycApprovedEmail(input: { level: number; fullyVerified: boolean; brandName: string }): EmailContent {
  const what = levelWording[input.level] ?? "your details";
  return {
    template: "kyc-approved",
    subject: `${input.brandName}: verification approved`,
    body:
      `We have verified ${what}.\n\n` +
      (input.fullyVerified
        ? "Nothing more is needed from you: the features that waited for verification are now open."
        : "One more step is needed: sign in to the portal to see what to send next.") +
      signature(input.brandName),
  };
}

/** After staff rejected a KYC submission; the reason is the reviewer's, meant for the customer. */
export function kycRejectedEmail(input: { reason: string; brandName: string }): EmailContent {
  return {
    template: "kyc-rejected",
    subject: `${input.brandName}: verification not approved`,
    body:
      `We could not verify the details and documents you sent.\n\n` +
      `Reason: ${input.reason}\n\n` +
      `Sign in to the portal to correct them and submit again.` +
      signature(input.brandName),
  };
}
