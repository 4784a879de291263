import type { EmailContent } from "../messaging";

/** The invitation of a new staff member: the single-use link, never a password. */
export function staffInviteEmail(input: {
  url: string;
  name: string;
  role: string;
  invitedBy: string;
  expiresInHours: number;
  brandName: string;
}): EmailContent {
  return {
    template: "staff-invite",
    subject: `${input.brandName}: your back-office access`,
    body:
      `Hello ${input.name},\n\n` +
      `${input.invitedBy} has given you back-office access (${input.role}). Open this link to choose your password:\n` +
      `${input.url}\n\n` +
      `Then sign in and set up an authenticator app: staff always sign in with a password and a code.\n` +
      `The link works once, for ${input.expiresInHours} hours. If you did not expect it, ignore this message.` +
      `\n\n-- \n${input.brandName}\nThis is an automatic message; replies are not read.`,
  };
}
