"use client";

import { useEffect, useRef } from "react";

/** A heading that takes the focus when its panel appears, so keyboard users continue there. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
