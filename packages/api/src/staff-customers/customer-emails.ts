import type { EmailContent } from "../messaging/templates";

const signature = (brandName: string) =>
  `\n\n-- \n${brandName}\nThis is an automatic message; replies are not read.`;

/** A customer created by staff: where to set a password, with a code that works once. */
export function welcomeSetPasswordEmail(input: {
  url: string;
  code: string;
  expiresInHours: number;
  brandName: string;
}): EmailContent {
  return {
    template: "staff-created-welcome",
    subject: `${input.brandName}: set your password`,
    body:
      `An account was opened for you at ${input.brandName}.\n\n` +
      `To set your password, open\n${input.url}\nand enter the code ${input.code}.\n\n` +
      `The code works once, for ${input.expiresInHours} hours. After that, use "Forgot your password?" on the sign-in page.` +
      signature(input.brandName),
  };
}

/** What staff did on the customer's behalf, with the reason they gave. */
export function staffActionEmail(input: {
  action: string;
  at: Date;
  brandName: string;
}): EmailContent {
  return {
    template: "staff-support-action",
    subject: `${input.brandName}: security notice`,
    body:
      `${input.action} on ${input.at.toISOString().replace("T", " ").slice(0, 16)} UTC, by our support team at your request.\n\n` +
      `If you did not ask for this, contact support at once.` +
      signature(input.brandName),
  };
}
