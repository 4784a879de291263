import { hash, verify } from "@node-rs/argon2";

/** argon2id (the library's default algorithm) at OWASP's minimum: m=19456 KiB, t=2, p=1. */
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Made when the module loads, so even the first unknown e-mail costs a normal verify.
const dummyHash: Promise<string> = hashPassword("dummy password for timing equality");

/**
 * Verifies against a throw-away hash, so that an unknown e-mail costs the same time as
 * a wrong password and the answer's timing tells nothing.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  await verifyPassword(await dummyHash, password);
  return false;
}
