// Idempotency keys: one per attempt, reused when the same attempt is retried, so a
// reply lost on the way never opens two accounts or moves money twice.

export function newAttemptKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

export interface AttemptKeys {
  /** The key for an attempt described by `fingerprint`: the same while it is retried, new when it changes. */
  keyFor(fingerprint: string): string;
  /** The attempt is over (it succeeded or was refused for good): the next one gets a new key. */
  finish(): void;
}

export function createAttemptKeys(generate: () => string = newAttemptKey): AttemptKeys {
  let current: { fingerprint: string; key: string } | null = null;
  return {
    keyFor(fingerprint) {
      if (!current || current.fingerprint !== fingerprint) current = { fingerprint, key: generate() };
      return current.key;
    },
    finish() {
      current = null;
    },
  };
}

/**
 * Whether a failed call may be repeated with the same key: the server did not answer
 * or failed on its side (5xx, the trading core away). A refusal (4xx) ends the attempt.
 */
export function isRetryable(error: unknown): boolean {
  const data = typeof error === "object" && error !== null && "data" in error ? (error as { data: unknown }).data : undefined;
  const status = typeof data === "object" && data !== null ? (data as { httpStatus?: unknown }).httpStatus : undefined;
  return typeof status !== "number" || status >= 500;
}
