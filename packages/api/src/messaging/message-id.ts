export const DEFAULT_MESSAGE_ID_DOMAIN = "portal.local";
export const DEFAULT_MAIL_FROM = `Portal <no-reply@${DEFAULT_MESSAGE_ID_DOMAIN}>`;

/**
 * The Message-ID header of a message row: the same on every retry, so a receiver that
 * got an attempt we believe failed can drop the duplicate.
 */
export function messageIdFor(id: string, domain: string = DEFAULT_MESSAGE_ID_DOMAIN): string {
  return `<${id}@${domain}>`;
}

/** The domain of an address like `Portal <no-reply@broker.example>`, if there is one. */
export function domainOfAddress(address: string): string | undefined {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(address.trim());
  return match?.[1];
}
