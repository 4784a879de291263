// Issue 12: codes and single-use links must not stay usable in the outbox. The secret is
// stored encrypted beside the body and erased once the message has left; only the
// development mailbox (which is the destination) keeps it, and shows it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createDispatcher,
  createMailboxTransport,
  enqueueMessage,
  listMailbox,
  singleUseLinkEmail,
  type EmailTransport,
  type OutgoingEmail,
  type SmsTransport,
} from "../../src/messaging";
import { createHarness, type Harness } from "../support/harness";
import { codeOf, createBrand, registerCustomer, strongPassword } from "../identity/fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await createBrand(h);
});
afterAll(() => h.close());

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** A real destination (like SMTP): what it received is what the recipient reads. */
function capturing(fail?: (email: OutgoingEmail) => Error | null): EmailTransport & SmsTransport & { sent: OutgoingEmail[] } {
  const sent: OutgoingEmail[] = [];
  return {
    kind: "capture",
    sent,
    async send(message: OutgoingEmail | { id: string; to: string; body: string }) {
      const email = { subject: "", ...message };
      const error = fail?.(email);
      if (error) throw error;
      sent.push(email);
    },
  };
}

/** Every text column of every Message row, as someone reading the table would see it. */
async function outboxText(): Promise<string> {
  const rows = await h.db.message.findMany();
  return JSON.stringify(rows);
}

describe("outbox secrets", () => {
  it("a delivered reset code is in no Message row (not in the body, not recoverable): the one that works came only through the transport", async () => {
    const c = await registerCustomer(h);
    await h.caller().auth.requestPasswordReset({ email: c.email });
    const transport = capturing();
    await createDispatcher({ db: h.db, transports: { email: transport, sms: transport }, logger: silent }).runOnce();
    const mail = transport.sent.find((m) => m.to === c.email && /reset code/.test(m.subject));
    const code = /Your code is (\d{6})/.exec(mail!.body)![1]!;
    const row = await h.db.message.findFirstOrThrow({ where: { recipient: c.email, template: "password-reset-code" } });
    expect(row.status).toBe("SENT");
    expect(row.secretEnc).toBeNull();
    // scanning the outbox finds no six digits at all for this customer's reset message...
    expect(row.body).not.toMatch(/\d{6}/);
    expect(await outboxText()).not.toContain(code);
    // ...and the code the recipient got does work
    const password = strongPassword("reset");
    expect(await codeOf(h.caller().auth.resetPassword({ email: c.email, code, password, passwordConfirmation: password }))).toBe("OK");
  });

  it("a single-use link is erased alike; before delivery it is only stored encrypted", async () => {
    const url = "https://portal.example.com/accounts/restore/" + "t0ken".repeat(8);
    const id = await enqueueMessage(h.db, {
      channel: "EMAIL",
      recipient: "link@example.com",
      ...singleUseLinkEmail({ url, purpose: { kind: "trading-password-restore", passwordType: "main", login: 1001 }, expiresInMinutes: 30, brandName: "Acme" }),
    });
    expect(await outboxText()).not.toContain("t0ken");
    const transport = capturing();
    await createDispatcher({ db: h.db, transports: { email: transport, sms: transport }, logger: silent }).runOnce();
    expect(transport.sent.find((m) => m.id === id)!.body).toContain(url);
    expect(await outboxText()).not.toContain("t0ken");
    const row = await h.db.message.findUniqueOrThrow({ where: { id } });
    expect(row.secretEnc).toBeNull();
  });

  it("a failure that echoes the body puts no code in lastError", async () => {
    const c = await registerCustomer(h);
    const transport = capturing((email) => (email.to === c.email ? new Error(`rejected: ${email.body}`) : null));
    await h.caller().auth.requestPasswordReset({ email: c.email });
    await createDispatcher({ db: h.db, transports: { email: transport, sms: transport }, logger: silent }).runOnce();
    const row = await h.db.message.findFirstOrThrow({ where: { recipient: c.email, template: "password-reset-code" } });
    expect(row.status).toBe("PENDING");
    expect(row.lastError).toBeTruthy();
    expect(row.lastError).not.toMatch(/\d{6}/);
  });

  it("the development mailbox (the destination itself) keeps the secret and shows the code", async () => {
    const c = await registerCustomer(h);
    await h.caller().auth.requestPasswordReset({ email: c.email });
    const mailbox = createMailboxTransport();
    await createDispatcher({ db: h.db, transports: { email: mailbox, sms: mailbox }, logger: silent }).runOnce();
    const shown = await listMailbox(h.db, { recipient: c.email });
    const reset = shown.find((m) => m.subject?.includes("reset code"));
    expect(reset!.status).toBe("SENT");
    expect(reset!.body).toMatch(/Your code is \d{6}/);
    expect(reset).not.toHaveProperty("secretEnc");
  });
});
