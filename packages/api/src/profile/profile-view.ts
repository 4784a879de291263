import type { Database } from "@brokerage/db";
import type { Clock } from "../clock";
import { isNameLocked } from "./name";
import { pendingChange } from "./pending-change";

/** profile.get: what the profile page shows, the caller's own data only. */
export async function getProfile(deps: { db: Database; clock: Clock }, customerId: number) {
  const now = deps.clock.now();
  const [c, nameLocked, pendingEmail, pendingPhone] = await Promise.all([
    deps.db.customer.findUniqueOrThrow({
      where: { id: customerId },
      select: {
        firstName: true,
        lastName: true,
        email: true,
        emailVerifiedAt: true,
        phone: true,
        phoneVerifiedAt: true,
        preferredLanguage: true,
        smsOtpEnabled: true,
      },
    }),
    isNameLocked(deps.db, customerId),
    pendingChange(deps.db, customerId, "EMAIL_CHANGE", now),
    pendingChange(deps.db, customerId, "PHONE_CHANGE", now),
  ]);
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    /** True once KYC holds the name: profile.updateName answers NAME_LOCKED. */
    nameLocked,
    email: c.email,
    emailVerified: c.emailVerifiedAt !== null,
    phone: c.phone,
    phoneVerified: c.phoneVerifiedAt !== null,
    preferredLanguage: c.preferredLanguage,
    smsOtpEnabled: c.smsOtpEnabled,
    /** A change waiting for its code: the new address and when the code expires. */
    pendingEmail: pendingEmail ? { newEmail: pendingEmail.target, expiresAt: pendingEmail.expiresAt } : null,
    pendingPhone: pendingPhone ? { newPhone: pendingPhone.target, expiresAt: pendingPhone.expiresAt } : null,
  };
}

export type ProfileView = Awaited<ReturnType<typeof getProfile>>;
