"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False while the server renders and the page hydrates, true after. Buttons that need
 * JavaScript stay disabled until then: a click or an Enter before hydration would do
 * nothing, or submit the form the browser's way (a GET that puts the fields, passwords
 * included, into the URL).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
