// Two ways of loading a server: autocannon for independent requests (a fixed pool of
// connections, as many requests as they carry), and a closed loop of chained calls for
// what cannot be replayed (each refresh uses the token the previous one returned).
import autocannon from "autocannon";

export interface LoadResult {
  /** Successful (2xx) answers per second. */
  rate: number;
  p99Ms: number;
  errors: number;
  /** The first failure's message, to tell what went wrong. */
  firstError?: string;
}

export async function hammer(options: {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  connections?: number;
  seconds: number;
}): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    method: options.method ?? "GET",
    headers: options.headers,
    body: options.body,
    connections: options.connections ?? 32,
    duration: options.seconds,
  });
  const ok = result["2xx"];
  return { rate: ok / options.seconds, p99Ms: result.latency.p99, errors: result.non2xx + result.errors + result.timeouts };
}

/** `workers` loops, each running `step` again and again until `seconds` are over. */
export async function closedLoop(workers: number, seconds: number, step: (worker: number) => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (performance.now() < end) {
        const started = performance.now();
        try {
          await step(worker);
          latencies.push(performance.now() - started);
        } catch (error) {
          errors++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    rate: latencies.length / seconds,
    p99Ms: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0,
    errors,
    ...(firstError ? { firstError } : {}),
  };
}
