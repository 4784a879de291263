"use client";

import { useCallback, useEffect, useState } from "react";

/**
 * Counts a quote's validity down, second by second, from the server's `secondsLeft` at the
 * moment the answer arrived (this device's clock may differ from the server's; the
 * duration does not). The server decides in the end: accepting late is QUOTE_EXPIRED.
 */
export function useSecondsLeft(initial: number) {
  const [deadline, setDeadline] = useState(() => Date.now() + initial * 1000);
  const [value, setValue] = useState(initial);
  useEffect(() => {
    const tick = () => setValue(Math.max(0, Math.ceil((deadline - Date.now()) / 1000)));
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [deadline]);
  const restart = useCallback((seconds: number) => {
    setDeadline(Date.now() + seconds * 1000);
    setValue(seconds);
  }, []);
  return { value, restart };
}
