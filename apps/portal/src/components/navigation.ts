// The portal's navigation in one place: what a visitor, a customer and staff see.
import type { PortalSessionKind } from "~/session/claims";

export interface NavItem {
  href: string;
  /** A key of the `layout.nav` messages. */
  label: "home" | "accounts" | "openAccount" | "verification" | "security" | "sessions" | "kycReview" | "signIn" | "signUp";
}

export function navigationFor(kind: PortalSessionKind | null): NavItem[] {
  if (kind === "customer") {
    return [
      { href: "/accounts", label: "accounts" },
      { href: "/accounts/open", label: "openAccount" },
      { href: "/kyc", label: "verification" },
      { href: "/security", label: "security" },
      { href: "/sessions", label: "sessions" },
    ];
  }
  if (kind === "staff") return [{ href: "/staff/kyc", label: "kycReview" }];
  return [
    { href: "/", label: "home" },
    { href: "/sign-in", label: "signIn" },
    { href: "/sign-up", label: "signUp" },
  ];
}
