import { DomainError } from "../errors";
import type { RequestMeta } from "../context";
import { verifySecondFactor, type SecondFactorDeps } from "./verify-second-factor";

/**
 * Seed 002's OTP step of login: OTP_NOT_CONFIGURED (enabled without a secret),
 * OTP_REQUIRED (no code), INVALID_OTP_CODE (wrong or replayed). A recovery code stands
 * in for the TOTP code, once.
 */
export async function checkLoginSecondFactor(
  deps: SecondFactorDeps,
  customer: { id: number; otpEnabled: boolean; otpSecretEnc: string | null },
  otpCode: string | undefined,
  request: RequestMeta,
): Promise<void> {
  if (!customer.otpEnabled) return;
  if (!customer.otpSecretEnc) throw new DomainError("OTP_NOT_CONFIGURED");
  if (!otpCode) throw new DomainError("OTP_REQUIRED");
  await verifySecondFactor(deps, { customerId: customer.id, code: otpCode, allowRecoveryCode: true, purpose: "login" }, request);
}
