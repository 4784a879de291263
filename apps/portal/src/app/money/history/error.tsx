"use client";

import { SignedInPageError } from "~/components/signed-in-page-error";

/** A failed money page: see SignedInPageError. */
export default function HistoryError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <SignedInPageError {...props} />;
}
