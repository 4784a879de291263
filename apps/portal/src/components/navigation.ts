// The portal's navigation in one place: what a visitor, a customer and staff see.
import type { PortalSessionKind } from "~/session/claims";

export interface NavItem {
  href: string;
  /** A key of the `layout.nav` messages. */
  label:
    | "home"
    | "dashboard"
    | "accounts"
    | "history"
    | "statements"
    | "openAccount"
    | "verification"
    | "compliance"
    | "convert"
    | "deposit"
    | "withdraw"
    | "profile"
    | "security"
    | "sessions"
    | "yourData"
    | "kycReview"
    | "signIn"
    | "signUp";
}

export function navigationFor(kind: PortalSessionKind | null): NavItem[] {
  if (kind === "customer") {
    return [
      { href: "/dashboard", label: "dashboard" },
      { href: "/accounts", label: "accounts" },
      { href: "/money/history", label: "history" },
      { href: "/money/statements", label: "statements" },
      { href: "/accounts/open", label: "openAccount" },
      { href: "/money/deposit", label: "deposit" },
      { href: "/money/withdraw", label: "withdraw" },
      { href: "/money/convert", label: "convert" },
      { href: "/kyc", label: "verification" },
      { href: "/compliance/appropriateness", label: "compliance" },
      { href: "/profile", label: "profile" },
      { href: "/security", label: "security" },
      { href: "/sessions", label: "sessions" },
      { href: "/your-data", label: "yourData" },
    ];
  }
  if (kind === "staff") return [{ href: "/staff/kyc", label: "kycReview" }];
  return [
    { href: "/", label: "home" },
    { href: "/sign-in", label: "signIn" },
    { href: "/sign-up", label: "signUp" },
  ];
}
