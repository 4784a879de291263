"use client";

import { SignedInPageError } from "~/components/signed-in-page-error";

/** A failed account page: see SignedInPageError. */
export default function AccountsError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <SignedInPageError {...props} />;
}
