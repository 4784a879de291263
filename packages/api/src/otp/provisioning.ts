import { generateSecret } from "otplib";
import QRCode from "qrcode";
import { TOTP } from "./totp";

/** 20 random bytes = 160 bits (RFC 4226's recommendation), base32. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/**
 * The provisioning URI exactly as seed 002 shows it: label `issuer:account`, both
 * percent-encoded, then secret, issuer, algorithm, digits, period in that order.
 */
export function provisioningUri(input: { issuer: string; account: string; secret: string }): string {
  const issuer = encodeURIComponent(input.issuer);
  const label = `${issuer}:${encodeURIComponent(input.account)}`;
  return (
    `otpauth://totp/${label}?secret=${input.secret}&issuer=${issuer}` +
    `&algorithm=${TOTP.algorithm}&digits=${TOTP.digits}&period=${TOTP.period}`
  );
}

/** A PNG data URL an authenticator app can scan. */
export function qrCodeDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 2, width: 240 });
}
