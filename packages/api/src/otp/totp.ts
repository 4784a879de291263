import { verify } from "otplib";

/** Seed 002: SHA1, 6 digits, 30 seconds, a window of one step either side. */
export const TOTP = { algorithm: "SHA1", digits: 6, period: 30, window: 1 } as const;

/**
 * Checks a TOTP code at `now`. A code whose time step is not after `lastStep` is
 * refused, so no code is ever accepted twice. Returns the accepted step, or null.
 */
export async function verifyTotp(input: {
  secret: string;
  code: string;
  now: Date;
  lastStep: bigint | null;
}): Promise<number | null> {
  if (!/^\d{6}$/.test(input.code)) return null;
  const result = await verify({
    secret: input.secret,
    token: input.code,
    algorithm: "sha1",
    digits: TOTP.digits,
    period: TOTP.period,
    epoch: Math.floor(input.now.getTime() / 1000),
    epochTolerance: TOTP.period * TOTP.window,
    ...(input.lastStep !== null ? { afterTimeStep: Number(input.lastStep) } : {}),
  });
  // The functional API answers for HOTP too; a TOTP result carries its time step.
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
