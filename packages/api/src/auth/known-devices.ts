import { randomBytes } from "node:crypto";
import type { Prisma } from "@brokerage/db";
import { hashToken } from "../session/token-hash";

/** How many devices a customer keeps; the least recently used beyond this are forgotten. */
export const KNOWN_DEVICES_KEPT = 10;
/** A device unused for this long is a stranger again. */
export const KNOWN_DEVICE_TTL_MS = 180 * 24 * 60 * 60 * 1000;

/** A sign-in within this long of a device's last recorded use does not record it again. */
export const KNOWN_DEVICE_TOUCH_RESOLUTION_MS = 60 * 60 * 1000;

export interface KnownDevice {
  id: string;
  token: string;
  lastUsedAt: Date;
}

const usableToken = (token: string | undefined): token is string => token !== undefined && token.length > 0 && token.length <= 128;

/**
 * What a sign-in reads of the customer's devices, with the customer itself (one query):
 * the one whose token the client sent. No token, or an oversized one, matches nothing.
 */
export function knownDeviceSelect(token: string | undefined) {
  return {
    where: { tokenHash: usableToken(token) ? hashToken(token) : "" },
    select: { id: true, lastUsedAt: true },
    take: 1,
  } satisfies Prisma.Customer$knownDevicesArgs;
}

/**
 * The customer's known device behind `token`, from what knownDeviceSelect read, or null:
 * an unknown, expired or foreign token (another customer's, or for another e-mail) is
 * simply no device; it is never an error, so it tells nothing.
 */
export function knownDeviceOf(
  rows: { id: string; lastUsedAt: Date }[] | undefined,
  token: string | undefined,
  now: Date,
): KnownDevice | null {
  const row = rows?.[0];
  if (!row || !usableToken(token)) return null;
  if (row.lastUsedAt.getTime() + KNOWN_DEVICE_TTL_MS <= now.getTime()) return null;
  return { id: row.id, token, lastUsedAt: row.lastUsedAt };
}

/**
 * After a successful sign-in: the known device is touched (to the hour), or a new one is
 * made (256 random bits, stored hashed). Returns the token the client keeps.
 */
export async function rememberDevice(
  tx: Pick<Prisma.TransactionClient, "knownDevice">,
  input: { customerId: number; device: KnownDevice | null; userAgent: string | null; now: Date },
): Promise<string> {
  if (input.device) {
    // The last use is kept to the hour (it orders the devices kept and starts their TTL).
    if (input.now.getTime() - input.device.lastUsedAt.getTime() >= KNOWN_DEVICE_TOUCH_RESOLUTION_MS) {
      await tx.knownDevice.update({ where: { id: input.device.id }, data: { lastUsedAt: input.now } });
    }
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
