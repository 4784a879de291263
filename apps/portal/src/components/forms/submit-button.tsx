"use client";

import { useFormContext, useFormState } from "react-hook-form";
import { useHydrated } from "./use-hydrated";

interface SubmitButtonProps {
  /** Whether the answer is awaited; inside the kit's <Form> leave it out: the form knows. */
  pending?: boolean;
  label: string;
  pendingLabel: string;
  secondary?: boolean;
  /** What cannot be undone. */
  danger?: boolean;
  /**
   * While pending, say so with aria-disabled instead of disabling the button: it keeps the
   * focus (a dialog opened by the answer gives the focus back to it). <Form> sends one
   * attempt at a time either way.
   */
  keepsFocus?: boolean;
  /** A form with two submit buttons learns here which one was pressed (it runs before the submit). */
  onClick?: () => void;
  /** Off for a reason of the form's own (nothing to do), besides while pending. */
  disabled?: boolean;
  /** The accessible name, when the visible label needs more words (whom the button acts on). */
  "aria-label"?: string;
}

/**
 * A form's submit button: disabled, and saying so ("Signing in…"), while the answer is
 * awaited; disabled until the page is interactive, so the browser never submits the form
 * on its own (implicit submission skips a disabled default button).
 */
export function SubmitButton(props: SubmitButtonProps) {
  return props.pending === undefined ? <KitSubmitButton {...props} /> : <Button {...props} pending={props.pending} />;
}

function KitSubmitButton(props: SubmitButtonProps) {
  const { control } = useFormContext();
  const { isSubmitting } = useFormState({ control });
  return <Button {...props} pending={isSubmitting} />;
}

function Button({
  pending,
  label,
  pendingLabel,
  secondary = false,
  danger = false,
  keepsFocus = false,
  onClick,
  disabled = false,
  "aria-label": ariaLabel,
}: SubmitButtonProps & { pending: boolean }) {
  const hydrated = useHydrated();
  return (
    <button
      type="submit"
      className={danger ? "button button--danger" : secondary ? "button button--secondary" : "button"}
      disabled={!hydrated || disabled || (pending && !keepsFocus)}
      aria-disabled={pending && keepsFocus ? true : undefined}
      onClick={onClick}
      aria-label={ariaLabel}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
