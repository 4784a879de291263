import { DeliveryError } from "./delivery-error";
import type { SmsTransport } from "./transport";

export interface HttpSmsProviderOptions {
  /** Per request; the dispatcher's own timeout still applies. */
  timeoutMs?: number;
  /** Extra headers, e.g. an API key. */
  headers?: Record<string, string>;
}

/**
 * A generic HTTP SMS gateway: POST `{ to, body, id }` as JSON. Any 2xx is accepted;
 * anything else, or no answer, is a failed attempt that the dispatcher retries. `id`
 * (also sent as Idempotency-Key) is the same on every retry.
 */
export function createHttpSmsProvider(url: string, options: HttpSmsProviderOptions = {}): SmsTransport {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    kind: "http-sms",
    async send(sms, sendOptions) {
      const signals = [AbortSignal.timeout(timeoutMs)];
      if (sendOptions?.signal) signals.push(sendOptions.signal);
      let response: Response;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "idempotency-key": sms.id,
            ...options.headers,
          },
          body: JSON.stringify({ to: sms.to, body: sms.body, id: sms.id }),
          signal: AbortSignal.any(signals),
        });
      } catch (error) {
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        throw new DeliveryError(`sms http: ${reason}`, { cause: error });
      }
      // The response body is never read into the error: a provider may echo the text.
      await response.body?.cancel().catch(() => {});
      if (!response.ok) {
        throw new DeliveryError(`sms http ${response.status} ${response.statusText}`.trim());
      }
    },
  };
}
