/** A failed delivery attempt. Its message is stored as the row's `lastError`: keep it short and free of the body. */
export class DeliveryError extends Error {
  /** True when retrying cannot help (an SMTP 5xx for this recipient or message). */
  readonly permanent: boolean;

  constructor(message: string, options: { permanent?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "DeliveryError";
    this.permanent = options.permanent ?? false;
  }
}

const MAX_ERROR_LENGTH = 300;

/**
 * The `lastError` text of a failure: one line, bounded, and with the body cut out in
 * case a transport echoed it (a body may hold a code).
 */
export function describeFailure(error: unknown, body: string): string {
  let text: string;
  if (error instanceof DeliveryError) text = error.message;
  else if (error instanceof Error) text = `${error.name}: ${error.message}`;
  else text = String(error);
  if (body.length > 0) text = text.split(body).join("[body]");
  text = text.replace(/\s+/g, " ").trim();
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

export function isPermanent(error: unknown): boolean {
  return error instanceof DeliveryError && error.permanent;
}
