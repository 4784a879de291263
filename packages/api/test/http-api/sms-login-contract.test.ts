// Seed 002's login over real HTTP for a customer whose second factor is text messages
// (issue 16): OTP_REQUIRED with `otp_channels` in our error body, the SMS sent on the first
// call, the code on the second, the resend (`otp_channel: "sms"`) and its cool-down, and
// the throttles that a spoofed X-Forwarded-For does not get around.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMessageBody } from "../../src/messaging";
import { newCustomer, PASSWORD, setUp, tearDown, type Setup } from "./support";

let s: Setup;
beforeAll(async () => {
  s = await setUp();
});
afterAll(() => tearDown(s));

let phones = 0;
async function smsCustomer() {
  phones += 1;
  const phone = `+3579${String(process.pid % 1000).padStart(3, "0")}${String(8000 + phones)}`;
  const c = await newCustomer(s.h, { phone });
  await s.h.db.customer.update({ where: { id: c.id }, data: { phoneVerifiedAt: new Date(), smsOtpEnabled: true } });
  return { ...c, phone };
}

async function smsCodes(phone: string): Promise<string[]> {
  const rows = await s.h.db.message.findMany({ where: { recipient: phone, channel: "SMS" }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => / is (\d{6})\./.exec(renderMessageBody(r))![1]!);
}

const loginCall = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  s.api.call("POST", "/customer/auth/login", { body, headers });

describe("POST /customer/auth/login with text messages as the second factor", () => {
  it("first call: 403 OTP_REQUIRED with otp_channels at the top level and an SMS; second call with the code: 200, otp_enabled 1", async () => {
    const c = await smsCustomer();
    const first = await loginCall({ email: c.email, password: PASSWORD });
    expect(first.status).toBe(403);
    expect(first.body).toEqual({
      error: "OTP_REQUIRED",
      message: "OTP is enabled and otp_code was not provided",
      otp_channels: ["sms", "recovery"],
      otp_default_channel: "sms",
      sms_sent: true,
      sms_sent_to: `•••• ${c.phone.slice(-4)}`,
      sms_resend_after_seconds: 60,
    });
    const [code] = await smsCodes(c.phone);
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await loginCall({ email: c.email, password: PASSWORD, otp_code: String((Number(code) + 1) % 1_000_000).padStart(6, "0") });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toBe("INVALID_OTP_CODE");
    const ok = await loginCall({ email: c.email, password: PASSWORD, otp_code: code, otp_channel: "sms" });
    expect(ok.status).toBe(200);
    expect(ok.body.otp_enabled).toBe(1);
    expect(typeof ok.body.__token).toBe("string");
    // replay
    const replay = await loginCall({ email: c.email, password: PASSWORD, otp_code: code });
    expect(replay.status).toBe(403);
    expect(replay.body.error).toBe("INVALID_OTP_CODE");
  });

  it("resend: otp_channel sms without a code inside the cool-down is 429 with Retry-After; a bad otp_channel is 400", async () => {
    const c = await smsCustomer();
    expect((await loginCall({ email: c.email, password: PASSWORD })).body.sms_sent).toBe(true);
    const resend = await loginCall({ email: c.email, password: PASSWORD, otp_channel: "sms" });
    expect(resend.status).toBe(429);
    expect(resend.body.error).toBe("TOO_MANY_ATTEMPTS");
    expect(Number(resend.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(resend.body.retry_after_seconds).toBe(Number(resend.headers.get("retry-after")));
    const again = await loginCall({ email: c.email, password: PASSWORD });
    expect(again.status).toBe(403);
    expect(again.body).toMatchObject({ error: "OTP_REQUIRED", sms_sent: false });
    expect(await smsCodes(c.phone)).toHaveLength(1);
    const bad = await loginCall({ email: c.email, password: PASSWORD, otp_channel: "carrier-pigeon" });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe("INVALID_DATA");
    const notOn = await loginCall({ email: c.email, password: PASSWORD, otp_channel: "totp", otp_code: "123456" });
    expect(notOn.status).toBe(400);
    expect(notOn.body.field_codes).toEqual({ otp_channel: ["NOT_ALLOWED"] });
  });

  it("a spoofed X-Forwarded-For does not get around the per-number budget", async () => {
    const c = await smsCustomer();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      await s.h.rateLimits.reset("smsCodeCooldown", `${c.id}:SMS_SIGN_IN`);
      const reply = await loginCall(
        { email: c.email, password: PASSWORD, otp_channel: "sms" },
        { "x-forwarded-for": `203.0.113.${i + 1}`, "x-real-ip": `203.0.113.${i + 1}` },
      );
      statuses.push(reply.status);
    }
    // SMS_LIMIT_PER_NUMBER: 5 a day
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429, 429]);
    expect(await smsCodes(c.phone)).toHaveLength(5);
  });

  it("no enumeration: an unknown e-mail and a wrong password answer alike, with no channels and no SMS", async () => {
    const c = await smsCustomer();
    const wrong = await loginCall({ email: c.email, password: "Wrong-Password-9", otp_channel: "sms" });
    const unknown = await loginCall({ email: "nobody-sms@example.com", password: "Wrong-Password-9", otp_channel: "sms" });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({ error: "CUSTOMER_NOT_FOUND_OR_INCORRECT", message: "Email or password is incorrect" });
    expect(await smsCodes(c.phone)).toHaveLength(0);
  });
});
