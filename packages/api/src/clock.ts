/** Procedures read the time from here, so tests can set it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to, for tests. */
export function fixedClock(start: Date | number) {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set(at: Date | number) {
      current = new Date(at).getTime();
    },
    advance(ms: number) {
      current += ms;
    },
  };
}
