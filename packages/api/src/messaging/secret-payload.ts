import { hkdfSync } from "node:crypto";
import { env } from "../env";
import { decryptSecret, encryptSecret } from "../otp/secret-box";

/**
 * Where a message's secret (a code, a single-use link) goes in its body. The Message row
 * keeps the body with this placeholder and the secret encrypted beside it (`secretEnc`);
 * the dispatcher renders the two at send time and erases `secretEnc` once the message has
 * left for a real destination, so no usable secret stays readable in the outbox.
 */
export const SECRET_PLACEHOLDER = "{{secret}}";

/** Shown instead of a secret that was erased after delivery. */
export const ERASED_SECRET = "[removed after delivery]";

let key: Buffer | undefined;
/** AES-256-GCM key of outbox secrets, derived (HKDF-SHA-256) from OTP_ENCRYPTION_KEY. */
function outboxKey(): Buffer {
  key ??= Buffer.from(hkdfSync("sha256", env.otpEncryptionKey, Buffer.alloc(0), "brokerage outbox secrets v1", 32));
  return key;
}

export const encryptMessageSecret = (secret: string) => encryptSecret(secret, outboxKey());

/** The body as the recipient reads it: the secret in place, or a note that it was erased. */
export function renderMessageBody(message: { body: string; secretEnc: string | null }): string {
  const secret = message.secretEnc ? decryptSecret(message.secretEnc, outboxKey()) : ERASED_SECRET;
  return message.body.split(SECRET_PLACEHOLDER).join(secret);
}
