/** Delay before the next attempt after `attempts` failed ones: 5 s, 10 s, 20 s, ... at most 15 min. */
export function exponentialBackoff(attempts: number, baseMs = 5_000, maxMs = 15 * 60_000): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(maxMs, baseMs * 2 ** Math.min(exponent, 30));
}
