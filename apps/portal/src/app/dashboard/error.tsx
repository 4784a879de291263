"use client";

import { SignedInPageError } from "~/components/signed-in-page-error";

/** A failed dashboard: see SignedInPageError. */
export default function DashboardError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <SignedInPageError {...props} />;
}
