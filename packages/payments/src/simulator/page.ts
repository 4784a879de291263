// The hosted payment page: plain HTML, no script, no external asset, one inline style
// allowed by its hash in a strict Content-Security-Policy.
import { createHash } from "node:crypto";
import type { PaymentStatus } from "../provider";

export const TEST_CARDS = {
  /** Pays (unless the "decline every payment" fault is on). */
  pays: "4242424242424242",
  /** Is declined. */
  declined: "4000000000000002",
} as const;

export type PageField = "cardNumber" | "expiry" | "cvc" | "name";

export interface FormState {
  error?: string;
  fieldErrors?: Partial<Record<PageField, string>>;
  /** Echoed back after an error (never the card number or the security code). */
  values?: { expiry?: string; name?: string };
}

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1a1a1a;line-height:1.5}
main{max-width:28rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border-radius:.5rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}
h1{font-size:1.4rem;margin:0 0 .25rem}
h2{font-size:1rem;margin:1.5rem 0 .25rem}
.note{color:#4a4a4a;font-size:.9rem;margin:0 0 1rem}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem;margin:0 0 1rem}
dt{font-weight:600}
dd{margin:0;overflow-wrap:anywhere}
.field{margin:0 0 .9rem}
label{display:block;font-weight:600;margin:0 0 .2rem}
input{width:100%;box-sizing:border-box;font:inherit;padding:.45rem .6rem;border:1px solid #6b6b6b;border-radius:.3rem}
input:focus,button:focus{outline:3px solid #1f5fbf;outline-offset:1px}
.field-error{color:#a4000f;font-size:.9rem;margin:.2rem 0 0}
.alert{color:#a4000f;border:1px solid #a4000f;background:#fff3f4;padding:.6rem .8rem;border-radius:.3rem;margin:0 0 1rem}
.actions{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1.2rem}
button{font:inherit;padding:.55rem 1rem;border-radius:.3rem;border:1px solid #1f5fbf;cursor:pointer}
.pay{background:#1f5fbf;color:#fff}
.cancel{background:#fff;color:#1f5fbf}
ul{padding-left:1.2rem;margin:.25rem 0}
a{color:#1f5fbf}
`;

const STYLE_HASH = `'sha256-${createHash("sha256").update(STYLE).digest("base64")}'`;

/** The page's policy: its own style only, forms only to itself and the merchant's return origin. */
export function contentSecurityPolicy(formTargets: string[]): string {
  const formAction = formTargets.length === 0 ? "'none'" : ["'self'", ...formTargets].join(" ");
  return [
    "default-src 'none'",
    `style-src ${STYLE_HASH}`,
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join("; ");
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

const NOTE = `<p class="note">Payment simulator: a test page of the simulated payment provider. No real card is charged.</p>`;

export interface PageSubject {
  id: string;
  amount: string;
  currency: string;
  reference: string;
  description: string | null;
}

function summary(payment: PageSubject): string {
  return `<dl>
<dt>Amount</dt><dd>${escapeHtml(payment.amount)} ${escapeHtml(payment.currency)}</dd>
<dt>Reference</dt><dd>${escapeHtml(payment.reference)}</dd>
${payment.description ? `<dt>Description</dt><dd>${escapeHtml(payment.description)}</dd>` : ""}
</dl>`;
}

function input(options: {
  id: string;
  name: PageField;
  label: string;
  autocomplete: string;
  state: FormState;
  value?: string;
  extra?: string;
}): string {
  const error = options.state.fieldErrors?.[options.name];
  const errorId = `${options.id}-error`;
  return `<div class="field">
<label for="${options.id}">${escapeHtml(options.label)}</label>
<input id="${options.id}" name="${options.name}" autocomplete="${options.autocomplete}" required${
    options.value ? ` value="${escapeHtml(options.value)}"` : ""
  }${error ? ` aria-invalid="true" aria-describedby="${errorId}"` : ""} ${options.extra ?? ""}>
${error ? `<p class="field-error" id="${errorId}">${escapeHtml(error)}</p>` : ""}
</div>`;
}

export function renderPayablePage(options: {
  payment: PageSubject;
  action: string;
  token: string;
  state?: FormState;
}): string {
  const { payment, state = {} } = options;
  const price = `${payment.amount} ${payment.currency}`;
  const alert = state.error
    ? `<div class="alert" role="alert" id="form-error">${escapeHtml(state.error)}</div>`
    : "";
  return layout(
    `Pay ${price}`,
    `<h1>Pay ${escapeHtml(price)}</h1>
${NOTE}
${summary(payment)}
${alert}
<form method="post" action="${escapeHtml(options.action)}">
<input type="hidden" name="token" value="${escapeHtml(options.token)}">
${input({ id: "card-number", name: "cardNumber", label: "Card number", autocomplete: "cc-number", state, extra: 'inputmode="numeric" maxlength="23"' })}
${input({ id: "card-expiry", name: "expiry", label: "Expiry (MM/YY)", autocomplete: "cc-exp", state, value: state.values?.expiry, extra: 'inputmode="numeric" maxlength="5" placeholder="MM/YY"' })}
${input({ id: "card-cvc", name: "cvc", label: "Security code (CVC)", autocomplete: "cc-csc", state, extra: 'inputmode="numeric" maxlength="4"' })}
${input({ id: "card-name", name: "name", label: "Name on card", autocomplete: "cc-name", state, value: state.values?.name, extra: 'maxlength="100"' })}
<div class="actions">
<button type="submit" class="pay" name="action" value="pay">Pay ${escapeHtml(price)}</button>
<button type="submit" class="cancel" name="action" value="cancel" formnovalidate>Cancel payment</button>
</div>
</form>
<h2 id="test-cards">Test cards</h2>
<ul aria-labelledby="test-cards">
<li>4242 4242 4242 4242: pays</li>
<li>4000 0000 0000 0002: is declined</li>
</ul>
<p class="note">Any future expiry date, any three digits as the security code.</p>`,
  );
}

const FINAL_MESSAGES: Record<Exclude<PaymentStatus, "requires_payment">, string> = {
  succeeded: "This payment has been paid.",
  declined:
    "This payment was declined. It cannot be paid again; start a new payment from the merchant's site.",
  expired: "This payment has expired. Start a new payment from the merchant's site.",
  canceled: "This payment was canceled.",
};

const FINAL_TITLES: Record<Exclude<PaymentStatus, "requires_payment">, string> = {
  succeeded: "Payment paid",
  declined: "Payment declined",
  expired: "Payment expired",
  canceled: "Payment canceled",
};

export function renderFinalPage(options: {
  payment: PageSubject;
  status: Exclude<PaymentStatus, "requires_payment">;
  returnTo: string;
}): string {
  return layout(
    FINAL_TITLES[options.status],
    `<h1>${FINAL_TITLES[options.status]}</h1>
${NOTE}
${summary(options.payment)}
<p role="status">${FINAL_MESSAGES[options.status]}</p>
<p><a href="${escapeHtml(options.returnTo)}">Return to the merchant</a></p>`,
  );
}

export function renderNotFoundPage(): string {
  return layout(
    "Payment not found",
    `<h1>Payment not found</h1>
${NOTE}
<p>This payment link is not valid. Start the payment again from the merchant's site.</p>`,
  );
}

export function renderErrorPage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n${NOTE}\n<p>${escapeHtml(message)}</p>`);
}
