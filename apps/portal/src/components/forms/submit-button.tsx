"use client";

import { useHydrated } from "./use-hydrated";

/**
 * A form's submit button: disabled, and saying so ("Signing in…"), while the answer is
 * awaited; disabled until the page is interactive, so the browser never submits the form
 * on its own (implicit submission skips a disabled default button).
 */
export function SubmitButton({
  pending,
  label,
  pendingLabel,
  secondary = false,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  secondary?: boolean;
}) {
  const hydrated = useHydrated();
  return (
    <button
      type="submit"
      className={secondary ? "button button--secondary" : "button"}
      disabled={pending || !hydrated}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
