import type { SupportedLocale } from "@brokerage/validators";
import { type EmailContent, type EmailWording, localizedEmail, type MessageLanguage, messageLocale, messageTime } from "../messaging/templates";

/** A customer created by staff: where to set a password, with a code that works once. */
export function welcomeSetPasswordEmail(input: {
  url: string;
  code: string;
  expiresInHours: number;
  brandName: string;
  language?: MessageLanguage;
}): EmailContent {
  const locale = messageLocale(input.language);
  const text: EmailWording = {
    en: {
      subject: "set your password",
      body:
        `An account was opened for you at ${input.brandName}.\n\n` +
        `To set your password, open\n${input.url}\nand enter the code ${input.code}.\n\n` +
        `The code works once, for ${input.expiresInHours} hours. After that, use "Forgot your password?" on the sign-in page.`,
    },
    de: {
      subject: "Legen Sie Ihr Passwort fest",
      body:
        `Bei ${input.brandName} wurde ein Konto für Sie eröffnet.\n\n` +
        `Um Ihr Passwort festzulegen, öffnen Sie\n${input.url}\nund geben Sie den Code ${input.code} ein.\n\n` +
        `Der Code funktioniert einmal und ist ${input.expiresInHours} Stunden gültig. Danach verwenden Sie „Passwort vergessen?“ auf der Anmeldeseite.`,
    },
  };
  return localizedEmail("staff-created-welcome", locale, input.brandName, text);
}

/** What support staff did at the customer's request. */
export type StaffSupportAction = "sessions-ended" | "otp-reset";

const actionText: Record<SupportedLocale, Record<StaffSupportAction, string>> = {
  en: {
    "sessions-ended": "All your signed-in devices were signed out",
    "otp-reset": "Two-factor authentication was turned off on your account; set it up again from your security settings",
  },
  de: {
    "sessions-ended": "Alle Ihre angemeldeten Geräte wurden abgemeldet",
    "otp-reset":
      "Die Zwei-Faktor-Authentifizierung wurde für Ihr Konto deaktiviert; richten Sie sie in Ihren Sicherheitseinstellungen neu ein",
  },
};

/** What staff did on the customer's behalf. */
export function staffActionEmail(input: {
  action: StaffSupportAction;
  at: Date;
  brandName: string;
  language?: MessageLanguage;
}): EmailContent {
  const locale = messageLocale(input.language);
  const action = actionText[locale][input.action];
  const when = messageTime(input.at, locale);
  const text: EmailWording = {
    en: {
      subject: "security notice",
      body: `${action} on ${when}, by our support team at your request.\n\nIf you did not ask for this, contact support at once.`,
    },
    de: {
      subject: "Sicherheitshinweis",
      body:
        `${action}.\nZeitpunkt: ${when}, durch unseren Kundenservice auf Ihren Wunsch.\n\n` +
        `Falls Sie das nicht veranlasst haben, wenden Sie sich sofort an den Kundenservice.`,
    },
  };
  return localizedEmail("staff-support-action", locale, input.brandName, text);
}
