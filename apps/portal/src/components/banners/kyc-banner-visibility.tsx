"use client";

import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** The KYC pages say everything the banner says, and more: it stays off them. */
export function KycBannerVisibility({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  return pathname === "/kyc" || pathname.startsWith("/kyc/") ? null : children;
}
