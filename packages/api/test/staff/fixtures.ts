// Staff members as the gate wants them: TOTP is mandatory, so staff made directly in the
// database for other features' tests are enrolled (a fixed test secret), and codes are
// computed at the harness clock.
import type { StaffRole } from "@brokerage/db";
import { generate } from "otplib";
import type { Credential } from "../../src/context";
import { encryptSecret } from "../../src/otp/secret-box";
import type { Harness } from "../support/harness";

/** A well-known base32 secret, for tests only. */
export const STAFF_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/** The columns of an enrolled member (spread into `staff.create({ data })`). */
export const enrolledTotp = (secret: string = STAFF_TOTP_SECRET) => ({
  otpEnabled: true,
  otpSecretEnc: encryptSecret(secret),
});

/** The TOTP code of `secret` at the harness clock, `steps` time steps away. */
export const totpAt = (h: Harness, secret: string = STAFF_TOTP_SECRET, steps = 0) =>
  generate({ secret, epoch: Math.floor(h.clock.now().getTime() / 1000) + steps * 30 });

let counter = 0;

/** A staff member of `role` with a live staff session (made directly: sign-in has its own tests). */
export async function staffMember(h: Harness, role: StaffRole, email?: string) {
  counter++;
  const staff = await h.db.staff.create({
    data: {
      email: email ?? `${role.toLowerCase()}${counter}-${Date.now()}@broker.example`,
      name: `${role} ${counter}`,
      role,
      passwordHash: "not-used",
      ...enrolledTotp(),
    },
  });
  const now = h.clock.now();
  const session = await h.db.staffSession.create({
    data: {
      staffId: staff.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 8 * 3600_000),
    },
  });
  const credential: Credential = { type: "staff-session", sessionId: session.id };
  return { staff, credential, api: h.caller(credential) };
}
