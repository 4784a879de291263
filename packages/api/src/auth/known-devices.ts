import { randomBytes } from "node:crypto";
import type { Database, Prisma } from "@brokerage/db";
import { hashToken } from "../session/token-hash";

/** How many devices a customer keeps; the least recently used beyond this are forgotten. */
export const KNOWN_DEVICES_KEPT = 10;
/** A device unused for this long is a stranger again. */
export const KNOWN_DEVICE_TTL_MS = 180 * 24 * 60 * 60 * 1000;

export interface KnownDevice {
  id: string;
  token: string;
}

/**
 * The customer's known device behind `token`, or null: an unknown, expired or foreign
 * token (another customer's, or for another e-mail) is simply no device; it is never an
 * error, so it tells nothing.
 */
export async function findKnownDevice(
  db: Database,
  email: string,
  token: string | undefined,
  now: Date,
): Promise<KnownDevice | null> {
  if (!token || token.length > 128) return null;
  const row = await db.knownDevice.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, lastUsedAt: true, customer: { select: { email: true } } },
  });
  if (!row || row.customer.email !== email) return null;
  if (row.lastUsedAt.getTime() + KNOWN_DEVICE_TTL_MS <= now.getTime()) return null;
  return { id: row.id, token };
}

/**
 * After a successful sign-in: the known device is touched, or a new one is made (256
 * random bits, stored hashed). Returns the token the client keeps.
 */
export async function rememberDevice(
  tx: Pick<Prisma.TransactionClient, "knownDevice">,
  input: { customerId: number; device: KnownDevice | null; userAgent: string | null; now: Date },
): Promise<string> {
  if (input.device) {
    await tx.knownDevice.update({ where: { id: input.device.id }, data: { lastUsedAt: input.now } });
    return input.device.token;
  }
  const token = randomBytes(32).toString("base64url");
  await tx.knownDevice.create({
    data: {
      customerId: input.customerId,
      tokenHash: hashToken(token),
      userAgent: input.userAgent?.slice(0, 512) ?? null,
      createdAt: input.now,
      lastUsedAt: input.now,
    },
  });
  const stale = await tx.knownDevice.findMany({
    where: { customerId: input.customerId },
    orderBy: { lastUsedAt: "desc" },
    skip: KNOWN_DEVICES_KEPT,
    select: { id: true },
  });
  if (stale.length > 0) await tx.knownDevice.deleteMany({ where: { id: { in: stale.map((d) => d.id) } } });
  return token;
}
