// Every customer e-mail and SMS exists in German: the German one is really German (no English
// sentence left), carries every placeholder the English one does, and a preferred language
// the portal does not speak falls back to English.
import { describe, expect, it } from "vitest";
import {
  type EmailContent,
  messageLocale,
  newSignInEmail,
  relationshipClosedEmail,
  SECRET_PLACEHOLDER,
  securityNoticeEmail,
  singleUseLinkEmail,
  type SmsContent,
  verificationCodeEmail,
  verificationCodeSms,
  secondFactorCodeSms,
  stepUpCodeEmail,
  stepUpCodeSms,
} from "../../src/messaging";
import { kycApprovedEmail, kycRejectedEmail } from "../../src/kyc-review/kyc-emails";
import {
  emailChangeAddressInUseEmail,
  emailChangeCodeEmail,
  emailChangedNotice,
  emailChangeRequestedNotice,
  phoneChangeCodeSms,
  phoneChangeNotice,
} from "../../src/profile/profile-messages";
import {
  staffActionEmail,
  welcomeSetPasswordEmail,
} from "../../src/staff-customers/customer-emails";

const brandName = "Northwind Markets";
const at = new Date("2026-11-23T09:05:00Z");

type Render = (language: string | undefined) => EmailContent | SmsContent;

/** A step-up summary as the challenge stores it: already in the customer's locale. */
const stepUpSummary = (language: string | undefined) =>
  ({
    en: "withdrawal of 25.00 USD from account 700125",
    de: "Auszahlung von 25.00 USD von Konto 700125",
  })[messageLocale(language)];
const newEmail = "jana.neu@example.com";
const newPhone = "+35799123478";

/** Each template with the values that must appear in every language's text. */
const templates: Record<string, { render: Render; mustShow: string[] }> = {
  "verification code e-mail (e-mail verification)": {
    render: (language) =>
      verificationCodeEmail({
        purpose: "email-verification",
        code: "123456",
        expiresInMinutes: 10,
        brandName,
        language,
      }),
    mustShow: [SECRET_PLACEHOLDER, "10", brandName],
  },
  "verification code e-mail (password reset)": {
    render: (language) =>
      verificationCodeEmail({
        purpose: "password-reset",
        code: "123456",
        expiresInMinutes: 15,
        brandName,
        language,
      }),
    mustShow: [SECRET_PLACEHOLDER, "15", brandName],
  },
  "verification code e-mail (trading password)": {
    render: (language) =>
      verificationCodeEmail({
        purpose: "trading-password-change",
        code: "123456",
        expiresInMinutes: 5,
        brandName,
        language,
      }),
    mustShow: [SECRET_PLACEHOLDER, "5", brandName],
  },
  "verification code SMS": {
    render: (language) =>
      verificationCodeSms({ code: "4321", expiresInMinutes: 10, brandName, language }),
    mustShow: [SECRET_PLACEHOLDER, "10", brandName],
  },
  "second-factor code SMS (sign-in)": {
    render: (language) =>
      secondFactorCodeSms({
        use: "sign-in",
        code: "654321",
        expiresInMinutes: 10,
        brandName,
        language,
      }),
    mustShow: [SECRET_PLACEHOLDER, "10", brandName],
  },
  "second-factor code SMS (turning the factor on)": {
    render: (language) =>
      secondFactorCodeSms({
        use: "sms-factor-setup",
        code: "654321",
        expiresInMinutes: 10,
        brandName,
        language,
      }),
    mustShow: [SECRET_PLACEHOLDER, "10", brandName],
  },
  "step-up code e-mail": {
    render: (language) =>
      stepUpCodeEmail({
        code: "246810",
        summary: stepUpSummary(language),
        expiresInMinutes: 5,
        brandName,
        language,
      }),
    mustShow: [SECRET_PLACEHOLDER, "25.00 USD", "700125", "5", brandName],
  },
  "step-up code SMS": {
    render: (language) =>
      stepUpCodeSms({
        code: "246810",
        summary: stepUpSummary(language),
        expiresInMinutes: 5,
        brandName,
        language,
      }),
    mustShow: [SECRET_PLACEHOLDER, "25.00 USD", "700125", "5", brandName],
  },
  "e-mail change code e-mail": {
    render: (language) =>
      emailChangeCodeEmail({ code: "135790", expiresInMinutes: 10, brandName, language }),
    mustShow: [SECRET_PLACEHOLDER, "10", brandName],
  },
  "e-mail change: address in use notice": {
    render: (language) => emailChangeAddressInUseEmail({ at, brandName, language }),
    mustShow: ["09:05", "2026", brandName],
  },
  "e-mail change requested notice": {
    render: (language) => emailChangeRequestedNotice({ newEmail, at, brandName, language }),
    mustShow: ["j***@example.com", "09:05", "2026", brandName],
  },
  "e-mail changed notice": {
    render: (language) => emailChangedNotice({ newEmail, at, brandName, language }),
    mustShow: ["j***@example.com", "09:05", "2026", brandName],
  },
  "phone change code SMS": {
    render: (language) =>
      phoneChangeCodeSms({ code: "4321", expiresInMinutes: 10, brandName, language }),
    mustShow: [SECRET_PLACEHOLDER, "10", brandName],
  },
  "phone change requested notice": {
    render: (language) =>
      phoneChangeNotice({ newPhone, done: false, at, brandName, language }),
    mustShow: ["+357******78", "09:05", "2026", brandName],
  },
  "phone changed notice": {
    render: (language) => phoneChangeNotice({ newPhone, done: true, at, brandName, language }),
    mustShow: ["+357******78", "09:05", "2026", brandName],
  },
  "single-use link e-mail": {
    render: (language) =>
      singleUseLinkEmail({
        url: "https://portal.test/l/abc",
        purpose: { kind: "trading-password-restore", passwordType: "investor", login: 700123 },
        expiresInMinutes: 30,
        brandName,
        language,
      }),
    mustShow: [SECRET_PLACEHOLDER, "700123", "30", brandName],
  },
  ...Object.fromEntries(
    (
      [
        { kind: "password-changed" },
        { kind: "password-reset" },
        { kind: "password-reset-paused" },
        { kind: "otp-enabled" },
        { kind: "otp-replaced" },
        { kind: "otp-disabled" },
        { kind: "trading-password-changed", passwordType: "main", login: 700124 },
      ] as const
    ).map((event) => [
      `security notice (${event.kind})`,
      {
        render: (language: string | undefined) =>
          securityNoticeEmail({ event, at, brandName, language }),
        mustShow: ["09:05", "2026", brandName, ...("login" in event ? ["700124"] : [])],
      },
    ]),
  ),
  "new sign-in e-mail": {
    render: (language) =>
      newSignInEmail({ userAgent: "Firefox/140.0", ip: "203.0.113.7", at, brandName, language }),
    mustShow: ["Firefox/140.0", "203.0.113.7", "09:05", brandName],
  },
  "relationship closed e-mail": {
    render: (language) => relationshipClosedEmail({ firstName: "Jana", at, brandName, language }),
    mustShow: ["Jana", "09:05", brandName],
  },
  "KYC approved e-mail (level 1, more to do)": {
    render: (language) => kycApprovedEmail({ level: 1, fullyVerified: false, brandName, language }),
    mustShow: [brandName],
  },
  "KYC approved e-mail (level 2, done)": {
    render: (language) => kycApprovedEmail({ level: 2, fullyVerified: true, brandName, language }),
    mustShow: [brandName],
  },
  "KYC rejected e-mail": {
    render: (language) => kycRejectedEmail({ reason: "Foto unscharf", brandName, language }),
    mustShow: ["Foto unscharf", brandName],
  },
  "welcome e-mail of a customer created by staff": {
    render: (language) =>
      welcomeSetPasswordEmail({
        url: "https://portal.test/reset-password?email=x",
        code: "654321",
        expiresInHours: 72,
        brandName,
        language,
      }),
    mustShow: ["https://portal.test/reset-password?email=x", "654321", "72", brandName],
  },
  "support action e-mail (sessions ended)": {
    render: (language) => staffActionEmail({ action: "sessions-ended", at, brandName, language }),
    mustShow: ["09:05", brandName],
  },
  "support action e-mail (two-factor reset)": {
    render: (language) => staffActionEmail({ action: "otp-reset", at, brandName, language }),
    mustShow: ["09:05", brandName],
  },
};

const textOf = (m: EmailContent | SmsContent) =>
  "subject" in m ? `${m.subject}\n${m.body}` : m.body;
/** Words an English sentence cannot do without, and a German one does not use. */
const ENGLISH = /\b(the|your|you|were|is|and|this|please|expires|has been)\b/i;

describe.each(Object.entries(templates))("%s", (_name, { render, mustShow }) => {
  it("renders in German with every placeholder, and no English sentence left", () => {
    const de = render("de");
    const en = render("en");
    const text = textOf(de);
    for (const value of mustShow) expect(text, value).toContain(value);
    expect(text).not.toMatch(ENGLISH);
    expect(text).not.toBe(textOf(en));
    // The same template, the same secret: only the words change.
    expect({ template: de.template, secret: de.secret }).toEqual({
      template: en.template,
      secret: en.secret,
    });
    if ("subject" in de) expect(de.body).toContain("Dies ist eine automatisch erstellte Nachricht");
  });

  it("renders in English with every placeholder", () => {
    const text = textOf(render("en"));
    for (const value of mustShow) expect(text, value).toContain(value);
  });

  it("follows the language of a regional tag, and falls back to English for any other language or none", () => {
    expect(render("de-AT")).toEqual(render("de"));
    expect(render("fr")).toEqual(render("en"));
    expect(render("pl")).toEqual(render("en"));
    expect(render(undefined)).toEqual(render("en"));
  });
});

describe("messageLocale", () => {
  it("maps a preferred language to the locale its messages are written in", () => {
    expect(
      ["de", "DE", "de-CH", "en", "en-GB", "es", "it", "", "x"].map((l) => messageLocale(l)),
    ).toEqual(["de", "de", "de", "en", "en", "en", "en", "en", "en"]);
    expect(messageLocale(null)).toBe("en");
  });
});

it("writes dates the German way in German messages", () => {
  expect(
    securityNoticeEmail({ event: { kind: "password-changed" }, at, brandName, language: "de" })
      .body,
  ).toContain("23.11.2026, 09:05 UTC");
  expect(
    securityNoticeEmail({ event: { kind: "password-changed" }, at, brandName, language: "en" })
      .body,
  ).toContain("2026-11-23 09:05 UTC");
});
