"use client";

import { useEffect, useRef, type ReactNode } from "react";
import styles from "./shared.module.css";

/**
 * A modal built on <dialog>.showModal(): the browser traps focus, makes the rest of the
 * page inert and closes on Escape. Focus goes to `initialFocus` (or the first control)
 * on open and back to what had it before on close. The content is unmounted when
 * closed, so a secret shown inside leaves the page with it.
 */
export function ModalDialog({
  open,
  onClose,
  labelledBy,
  describedBy,
  initialFocusSelector,
  children,
}: {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  describedBy?: string;
  /** A CSS selector inside the dialog for the element to focus first. */
  initialFocusSelector?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      const target = initialFocusSelector ? dialog.querySelector<HTMLElement>(initialFocusSelector) : null;
      target?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, initialFocusSelector]);

  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onClose={() => {
        const target = returnFocus.current;
        returnFocus.current = null;
        onClose();
        // Back to where the customer was, unless the page already moved focus on purpose
        // (e.g. to a message about what the dialog did).
        const active = document.activeElement;
        const focusLost = active === null || active === document.body || ref.current?.contains(active);
        if (target?.isConnected && focusLost) target.focus();
      }}
    >
      {open ? children : null}
    </dialog>
  );
}
