// How an e-mail address or a phone number is shown partly: enough for the owner to
// recognise it, not enough for anyone else to learn it. Screens, API answers and messages
// all mask with these.

/** `jane@example.com` -> `j***@example.com` (or `j•••@example.com` with `hidden = "•••"`). */
export function maskEmail(email: string, hidden = "***"): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return hidden;
  return `${email.slice(0, 1)}${hidden}${email.slice(at)}`;
}

/** `text` with its middle hidden: the first `start` and the last `end` characters kept. */
export function maskMiddle(text: string, start: number, end: number, hidden = "•"): string {
  return `${text.slice(0, start)}${hidden.repeat(Math.max(0, text.length - start - end))}${text.slice(-end)}`;
}

/** `+4915112344567` -> `+49•••••••4567`: the calling code and the last four digits. */
export const maskPhone = (phone: string): string => maskMiddle(phone, 3, 4);

/** `+4915112344567` -> `•••• 4567`: the last four digits, for a number the customer already knows is theirs. */
export function phoneEnding(phone: string): string {
  return `•••• ${phone.slice(-4)}`;
}
