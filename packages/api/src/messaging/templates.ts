// Plain-text messages, in the customer's language. Each template returns what enqueueMessage
// needs besides the channel and recipient, so a feature writes
//   enqueueMessage(tx, { channel: "EMAIL", recipient, customerId,
//     ...verificationCodeEmail({ ..., language: customer.preferredLanguage }) })
// `language` is the customer's preferredLanguage: a supported locale (SUPPORTED_LOCALES) is
// used, any other (or none: staff, visitors) gets English. Every template has its wording in
// every supported locale (test/messaging/templates-i18n.test.ts checks).
// Features add their own templates here or next to their code. Never put a password in one;
// a code or a link goes in `secret` (and SECRET_PLACEHOLDER in the body), never in the body.
import { pickSupportedLocale, type SupportedLocale } from "@brokerage/validators";
import { SECRET_PLACEHOLDER } from "./secret-payload";

export interface EmailContent {
  template: string;
  subject: string;
  body: string;
  /** A code or single-use link: stored encrypted and put in place of SECRET_PLACEHOLDER when sent. */
  secret?: string;
}

export interface SmsContent {
  template: string;
  body: string;
  secret?: string;
}

/** The customer's preferredLanguage (or nothing): the locale a message is written in. */
export type MessageLanguage = string | null | undefined;

/** The supported locale for a customer's preferredLanguage: "de-AT" -> de, "fr" -> en. */
export function messageLocale(language: MessageLanguage): SupportedLocale {
  return pickSupportedLocale([language]);
}

const SIGNATURE_NOTE: Record<SupportedLocale, string> = {
  en: "This is an automatic message; replies are not read.",
  de: "Dies ist eine automatisch erstellte Nachricht; Antworten werden nicht gelesen.",
};

/** The closing lines of every e-mail. */
export const signature = (brandName: string, locale: SupportedLocale = "en") =>
  `\n\n-- \n${brandName}\n${SIGNATURE_NOTE[locale]}`;

/** An e-mail's wording in every supported locale: the subject (the brand goes before it) and the body. */
export type EmailWording = Record<SupportedLocale, { subject: string; body: string }>;

/** The e-mail in `locale`: the brand before the subject, the signature under the body. */
export function localizedEmail(template: string, locale: SupportedLocale, brandName: string, text: EmailWording, secret?: string): EmailContent {
  return {
    template,
    subject: `${brandName}: ${text[locale].subject}`,
    body: text[locale].body + signature(brandName, locale),
    ...(secret !== undefined ? { secret } : {}),
  };
}

/** A moment as a line of an e-mail, in UTC: "2026-11-23 12:00 UTC" / "23.11.2026, 12:00 UTC". */
export function messageTime(at: Date, locale: SupportedLocale = "en"): string {
  if (locale === "en") return `${at.toISOString().replace("T", " ").slice(0, 16)} UTC`;
  return `${new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(at)} UTC`;
}

export type CodePurpose = "email-verification" | "password-reset" | "trading-password-change";

const codeWording: Record<
  SupportedLocale,
  Record<CodePurpose, { subject: string; action: string }>
> = {
  en: {
    "email-verification": {
      subject: "Your verification code",
      action: "confirm your e-mail address",
    },
    "password-reset": { subject: "Your password reset code", action: "set a new password" },
    "trading-password-change": {
      subject: "Your trading password code",
      action: "change your trading password",
    },
  },
  de: {
    "email-verification": {
      subject: "Ihr Bestätigungscode",
      action: "Ihre E-Mail-Adresse zu bestätigen",
    },
    "password-reset": {
      subject: "Ihr Code zum Zurücksetzen des Passworts",
      action: "ein neues Passwort festzulegen",
    },
    "trading-password-change": {
      subject: "Ihr Code für das Handelspasswort",
      action: "Ihr Handelspasswort zu ändern",
    },
  },
};

/** A one-time code by e-mail. */
export function verificationCodeEmail(input: {
  purpose: CodePurpose;
  code: string;
  expiresInMinutes: number;
  brandName: string;
  language?: MessageLanguage;
}): EmailContent {
  const locale = messageLocale(input.language);
  const w = codeWording[locale][input.purpose];
  const text: Record<SupportedLocale, string> = {
    en:
      `Your code is ${SECRET_PLACEHOLDER}\n\n` +
      `Enter it to ${w.action}. It expires in ${input.expiresInMinutes} minutes and works once.\n` +
      `If you did not ask for it, ignore this message: nothing changes without the code.`,
    de:
      `Ihr Code lautet ${SECRET_PLACEHOLDER}\n\n` +
      `Geben Sie ihn ein, um ${w.action}. Er ist ${input.expiresInMinutes} Minuten gültig und funktioniert nur einmal.\n` +
      `Falls Sie ihn nicht angefordert haben, ignorieren Sie diese Nachricht: Ohne den Code ändert sich nichts.`,
  };
  return {
    template: `${input.purpose}-code`,
    subject: `${input.brandName}: ${w.subject}`,
    body: text[locale] + signature(input.brandName, locale),
    secret: input.code,
  };
}

/** A one-time code by SMS (phone verification). */
export function verificationCodeSms(input: {
  code: string;
  expiresInMinutes: number;
  brandName: string;
  language?: MessageLanguage;
}): SmsContent {
  const text: Record<SupportedLocale, string> = {
    en: `${input.brandName}: your code is ${SECRET_PLACEHOLDER}. It expires in ${input.expiresInMinutes} minutes.`,
    de: `${input.brandName}: Ihr Code lautet ${SECRET_PLACEHOLDER}. Er ist ${input.expiresInMinutes} Minuten gültig.`,
  };
  return {
    template: "phone-verification-code",
    body: text[messageLocale(input.language)],
    secret: input.code,
  };
}

/** What a 6-digit second-factor SMS code is for (sign-in, turning the factor on, step-up). */
export type SmsCodeUse = "sign-in" | "sms-factor-setup" | "confirmation";

const smsCodeText: Record<
  SupportedLocale,
  (use: SmsCodeUse, minutes: number, brandName: string) => string
> = {
  en: (use, minutes, brandName) =>
    `${brandName}: your ${{ "sign-in": "sign-in code", "sms-factor-setup": "set-up code", confirmation: "confirmation code" }[use]} is ${SECRET_PLACEHOLDER}` +
    (use === "sms-factor-setup" ? " (to turn on sign-in codes by text message). " : ". ") +
    `It expires in ${minutes} minutes. Never share it.`,
  de: (use, minutes, brandName) =>
    `${brandName}: Ihr ${{ "sign-in": "Anmeldecode", "sms-factor-setup": "Einrichtungscode", confirmation: "Bestätigungscode" }[use]} lautet ${SECRET_PLACEHOLDER}` +
    (use === "sms-factor-setup" ? " (zum Einschalten der Anmeldecodes per SMS). " : ". ") +
    `Er ist ${minutes} Minuten gültig. Geben Sie ihn niemals weiter.`,
};

/** A 6-digit second-factor code by SMS: says what it is for, so a code asked for by someone else stands out. */
export function secondFactorCodeSms(input: {
  use: SmsCodeUse;
  expiresInMinutes: number;
  brandName: string;
  code: string;
  language?: MessageLanguage;
}): SmsContent {
  return {
    template: `${input.use}-code-sms`,
    body: smsCodeText[messageLocale(input.language)](
      input.use,
      input.expiresInMinutes,
      input.brandName,
    ),
    secret: input.code,
  };
}

/**
 * A step-up confirmation code: the message says what it confirms, so a customer who did
 * not start that operation knows not to give the code to anyone. `summary` is already in
 * the customer's language (the challenge stores it so, see step-up/require-step-up.ts).
 */
export function stepUpCodeEmail(input: {
  code: string;
  summary: string;
  expiresInMinutes: number;
  brandName: string;
  language?: MessageLanguage;
}): EmailContent {
  const locale = messageLocale(input.language);
  const text: EmailWording = {
    en: {
      subject: "Your confirmation code",
      body:
        `Your code is ${SECRET_PLACEHOLDER}\n\n` +
        `Enter it to confirm: ${input.summary}. It expires in ${input.expiresInMinutes} minutes and works once.\n` +
        `If you did not ask for it, do not give it to anyone, and change your password: someone may be signed in as you.`,
    },
    de: {
      subject: "Ihr Bestätigungscode",
      body:
        `Ihr Code lautet ${SECRET_PLACEHOLDER}\n\n` +
        `Geben Sie ihn ein, um diesen Vorgang zu bestätigen: ${input.summary}. Er ist ${input.expiresInMinutes} Minuten gültig und funktioniert nur einmal.\n` +
        `Falls Sie ihn nicht angefordert haben, geben Sie ihn an niemanden weiter und ändern Sie Ihr Passwort: Möglicherweise ist jemand anderes mit Ihrem Konto angemeldet.`,
    },
  };
  return localizedEmail("step-up-code", locale, input.brandName, text, input.code);
}

/** A step-up confirmation code by SMS (`summary` in the customer's language, as for the e-mail). */
export function stepUpCodeSms(input: {
  code: string;
  summary: string;
  expiresInMinutes: number;
  brandName: string;
  language?: MessageLanguage;
}): SmsContent {
  const text: Record<SupportedLocale, string> = {
    en: `${input.brandName}: your code is ${SECRET_PLACEHOLDER} to confirm: ${input.summary}. It expires in ${input.expiresInMinutes} minutes. Never share it.`,
    de: `${input.brandName}: Ihr Code lautet ${SECRET_PLACEHOLDER} (zur Bestätigung: ${input.summary}). Er ist ${input.expiresInMinutes} Minuten gültig. Geben Sie ihn niemals weiter.`,
  };
  return {
    template: "step-up-code",
    body: text[messageLocale(input.language)],
    secret: input.code,
  };
}

/** What a single-use link shows. */
export type SingleUseLinkPurpose = {
  kind: "trading-password-restore";
  passwordType: "main" | "investor";
  login: string | number;
};

const linkPurpose: Record<SupportedLocale, (p: SingleUseLinkPurpose) => string> = {
  en: (p) => `Your new ${p.passwordType} password of trading account ${p.login}`,
  de: (p) =>
    `Ihr neues ${p.passwordType === "main" ? "Hauptpasswort" : "Investorpasswort"} für das Handelskonto ${p.login}`,
};

/** A single-use link, e.g. to see a restored trading password once. */
export function singleUseLinkEmail(input: {
  url: string;
  purpose: SingleUseLinkPurpose;
  expiresInMinutes: number;
  brandName: string;
  language?: MessageLanguage;
}): EmailContent {
  const locale = messageLocale(input.language);
  const purpose = linkPurpose[locale](input.purpose);
  const text: Record<SupportedLocale, string> = {
    en: `The link works once, for ${input.expiresInMinutes} minutes, and only while you are signed in.`,
    de: `Der Link funktioniert einmal, ${input.expiresInMinutes} Minuten lang und nur, solange Sie angemeldet sind.`,
  };
  return {
    template: "single-use-link",
    subject: `${input.brandName}: ${purpose}`,
    body:
      `${purpose}:\n${SECRET_PLACEHOLDER}\n\n` + text[locale] + signature(input.brandName, locale),
    secret: input.url,
  };
}

/** The security-relevant changes a customer is told about. */
export type SecurityEvent =
  | { kind: "password-changed" }
  | { kind: "password-reset" }
  | { kind: "password-reset-paused" }
  | { kind: "otp-enabled" }
  | { kind: "otp-replaced" }
  | { kind: "otp-disabled" }
  | { kind: "sms-otp-enabled" }
  | { kind: "sms-otp-disabled" }
  | { kind: "trading-password-changed"; passwordType: "main" | "investor"; login: string | number };

const securityEventText: Record<SupportedLocale, (e: SecurityEvent) => string> = {
  en: (e) => {
    switch (e.kind) {
      case "password-changed":
        return "Your portal password was changed";
      case "password-reset":
        return "Your portal password was reset";
      case "password-reset-paused":
        return "Too many wrong password-reset codes were entered for your account, so resetting your password is paused for 24 hours. Your password has not changed";
      case "otp-enabled":
        return "Two-factor authentication was enabled on your account";
      case "otp-replaced":
        return "Your two-factor authentication was replaced";
      case "otp-disabled":
        return "Two-factor authentication was disabled on your account";
      case "sms-otp-enabled":
        return "Sign-in codes by text message were turned on for your account";
      case "sms-otp-disabled":
        return "Sign-in codes by text message were turned off for your account";
      case "trading-password-changed":
        return `The ${e.passwordType} password of trading account ${e.login} was changed`;
    }
  },
  de: (e) => {
    switch (e.kind) {
      case "password-changed":
        return "Ihr Portal-Passwort wurde geändert";
      case "password-reset":
        return "Ihr Portal-Passwort wurde zurückgesetzt";
      case "password-reset-paused":
        return "Für Ihr Konto wurden zu viele falsche Codes zum Zurücksetzen des Passworts eingegeben, daher ist das Zurücksetzen für 24 Stunden pausiert. Ihr Passwort wurde nicht geändert";
      case "otp-enabled":
        return "Die Zwei-Faktor-Authentifizierung wurde für Ihr Konto aktiviert";
      case "otp-replaced":
        return "Ihre Zwei-Faktor-Authentifizierung wurde auf eine neue App übertragen";
      case "otp-disabled":
        return "Die Zwei-Faktor-Authentifizierung wurde für Ihr Konto deaktiviert";
      case "sms-otp-enabled":
        return "Anmeldecodes per SMS wurden für Ihr Konto eingeschaltet";
      case "sms-otp-disabled":
        return "Anmeldecodes per SMS wurden für Ihr Konto ausgeschaltet";
      case "trading-password-changed":
        return `Das ${e.passwordType === "main" ? "Hauptpasswort" : "Investorpasswort"} des Handelskontos ${e.login} wurde geändert`;
    }
  },
};

/** A notice after a security-relevant change (password changed, two-factor disabled, ...). */
export function securityNoticeEmail(input: {
  event: SecurityEvent;
  at: Date;
  brandName: string;
  language?: MessageLanguage;
}): EmailContent {
  const locale = messageLocale(input.language);
  const event = securityEventText[locale](input.event);
  const text: EmailWording = {
    en: {
      subject: "security notice",
      body: `${event} on ${messageTime(input.at, locale)}.\n\nIf this was not you, reset your password and contact support at once.`,
    },
    de: {
      subject: "Sicherheitshinweis",
      body:
        `${event}.\nZeitpunkt: ${messageTime(input.at, locale)}.\n\n` +
        `Falls Sie das nicht waren, setzen Sie sofort Ihr Passwort zurück und wenden Sie sich an den Kundenservice.`,
    },
  };
  return localizedEmail("security-notice", locale, input.brandName, text);
}

/** Text from a client (a user agent) made safe for one line of a plain-text e-mail. */
const oneLine = (text: string | null, max: number, unknown: string) =>
  [...(text ?? "")]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? " " : ch))
    .join("")
    .replace(/ {2,}/g, " ")
    .trim()
    .slice(0, max) || unknown;

/** A sign-in from a browser or app that had not signed in before (no known-device token). */
export function newSignInEmail(input: {
  userAgent: string | null;
  ip: string | null;
  at: Date;
  brandName: string;
  language?: MessageLanguage;
}): EmailContent {
  const locale = messageLocale(input.language);
  const text: EmailWording = {
    en: {
      subject: "new sign-in to your account",
      body:
        `Your account was signed in to from a new device or browser:\n\n` +
        `  Device: ${oneLine(input.userAgent, 200, "unknown")}\n` +
        `  Address: ${oneLine(input.ip, 64, "unknown")}\n` +
        `  Time: ${messageTime(input.at, locale)}\n\n` +
        `If this was you, there is nothing to do. If not, change your password at once, turn on ` +
        `two-factor authentication and sign out the devices you do not know (Security, Devices).`,
    },
    de: {
      subject: "neue Anmeldung bei Ihrem Konto",
      body:
        `Bei Ihrem Konto hat sich ein neues Gerät oder ein neuer Browser angemeldet:\n\n` +
        `  Gerät: ${oneLine(input.userAgent, 200, "unbekannt")}\n` +
        `  Adresse: ${oneLine(input.ip, 64, "unbekannt")}\n` +
        `  Zeit: ${messageTime(input.at, locale)}\n\n` +
        `Wenn Sie das waren, müssen Sie nichts tun. Andernfalls ändern Sie sofort Ihr Passwort, aktivieren ` +
        `Sie die Zwei-Faktor-Authentifizierung und melden Sie die Geräte ab, die Sie nicht kennen (Sicherheit, Geräte).`,
    },
  };
  return localizedEmail("new-sign-in", locale, input.brandName, text);
}

/** After the customer closed their client relationship (customerData.close). */
export function relationshipClosedEmail(input: {
  firstName: string;
  at: Date;
  brandName: string;
  language?: MessageLanguage;
}): EmailContent {
  const locale = messageLocale(input.language);
  const when = messageTime(input.at, locale);
  const text: EmailWording = {
    en: {
      subject: "your client relationship is closed",
      body:
        `Dear ${input.firstName},\n\nyour client relationship with ${input.brandName} was closed on ` +
        `${when} at your request. Your accounts are archived and you ` +
        `can no longer sign in. We keep the records the law requires (identity verification, transactions) for ` +
        `the required period, and nothing else.`,
    },
    de: {
      subject: "Ihre Geschäftsbeziehung ist beendet",
      body:
        `Guten Tag ${input.firstName},\n\nIhre Geschäftsbeziehung mit ${input.brandName} wurde am ${when} ` +
        `auf Ihren Wunsch beendet. Ihre Konten sind archiviert, und Sie können sich nicht mehr anmelden. ` +
        `Wir bewahren die gesetzlich vorgeschriebenen Unterlagen (Identitätsprüfung, Transaktionen) für die ` +
        `vorgeschriebene Frist auf, und nichts darüber hinaus.`,
    },
  };
  return localizedEmail("relationship-closed", locale, input.brandName, text);
}
