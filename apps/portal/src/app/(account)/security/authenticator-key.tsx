// The new authenticator's key, shown two ways: the QR code to scan and the key to type.
// Customers (two-factor setup) and staff (enrolment) see the same block.
import type { ReactNode } from "react";
import { groupSecret } from "./secret-text";
import styles from "./security.module.css";

export function AuthenticatorKey({
  qrCode,
  secret,
  qrAlt,
  scanStep,
  keyStep,
  keyDetails,
  children,
}: {
  /** A PNG data: URL made by the server. */
  qrCode: string;
  secret: string;
  qrAlt: string;
  scanStep: ReactNode;
  keyStep: ReactNode;
  keyDetails: ReactNode;
  /** More under the key (copy it, open it in an app). */
  children?: ReactNode;
}) {
  return (
    <div className={styles.setupGrid}>
      <div className="stack">
        <p>{scanStep}</p>
        {/* A data: URL made by the server; next/image adds nothing for it. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img className={styles.qr} src={qrCode} width={240} height={240} alt={qrAlt} />
      </div>
      <div className="stack">
        <p>{keyStep}</p>
        <p>
          <code className={styles.secret} data-testid="otp-secret">
            {groupSecret(secret)}
          </code>
        </p>
        <p className="muted small">{keyDetails}</p>
        {children}
      </div>
    </div>
  );
}
