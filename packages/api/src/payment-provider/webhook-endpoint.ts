// The webhook endpoint as a fetch handler (Request -> Response): the portal mounts it at
// /api/payments/webhook. Only POST; the raw body is what the signature covers, so it is
// read as text, at most 64 KiB (413 beyond, without reading the rest); errors are the API's JSON error body.
import { randomUUID } from "node:crypto";
import { WEBHOOK_SIGNATURE_HEADER } from "@brokerage/payments";
import { DomainError } from "../errors";
import { domainErrorAnswer, internalErrorAnswer, JSON_CONTENT_TYPE, type ErrorAnswer } from "../http-api/errors";
import { readBodyBytes, utf8Text } from "../http-api/read-body";
import type { Logger } from "../logger";
import type { WithdrawalDeps } from "../withdrawals/lifecycle";
import { handlePaymentWebhook } from "./webhook";

const MAX_BODY_BYTES = 64 * 1024;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": JSON_CONTENT_TYPE, "cache-control": "no-store", ...headers } });

const answer = (a: ErrorAnswer, status = a.status) => json(status, a.body, a.headers);

export function createPaymentWebhookEndpoint(options: { deps: () => WithdrawalDeps; secret: () => string | undefined; logger?: Logger }) {
  return async function paymentWebhook(request: Request): Promise<Response> {
    if (request.method !== "POST") {
      return json(405, { error: "METHOD_NOT_ALLOWED", message: "This HTTP method is not allowed here" }, { allow: "POST" });
    }
    const secret = options.secret();
    if (!secret) return answer(domainErrorAnswer(new DomainError("PAYMENT_PROVIDER_NOT_AVAILABLE"), undefined));
    // The size is checked while reading: a chunked body has no Content-Length to trust.
    const bytes = await readBodyBytes(request, MAX_BODY_BYTES);
    if (bytes === null) {
      return answer(domainErrorAnswer(new DomainError("INVALID_DATA", { message: `The body is larger than ${MAX_BODY_BYTES} bytes` }), undefined), 413);
    }
    const payload = utf8Text(bytes);
    if (payload === null) return answer(domainErrorAnswer(new DomainError("INVALID_DATA", { message: "The body is not valid UTF-8" }), undefined));
    try {
      const result = await handlePaymentWebhook(options.deps(), { payload, signature: request.headers.get(WEBHOOK_SIGNATURE_HEADER), secret });
      return json(200, result);
    } catch (error) {
      if (error instanceof DomainError) return answer(domainErrorAnswer(error, undefined));
      const requestId = randomUUID();
      options.logger?.error({ err: error, requestId }, "payment webhook failed");
      return answer(internalErrorAnswer(requestId));
    }
  };
}
