import type { ReactNode } from "react";

/** The signed-in customer's own settings: security, devices, password. Each page checks the session itself. */
export default function AccountLayout({ children }: { children: ReactNode }) {
  return <div className="container stack-lg">{children}</div>;
}
