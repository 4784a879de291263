// The profile's messages (plain text, in the customer's language, like messaging/templates.ts:
// `language` is the preferredLanguage of the one who reads it). Codes go in `secret`, never
// in the body. The notices name the new address or number only partly: the old address (the
// one that may be read by someone else by now) learns that a change was made, not where to.
import type { SupportedLocale } from "@brokerage/validators";
import {
  type EmailContent,
  type EmailWording,
  localizedEmail,
  maskEmail,
  maskMiddle,
  type MessageLanguage,
  messageLocale,
  messageTime,
  SECRET_PLACEHOLDER,
  type SmsContent,
} from "../messaging";

/** "+357******78": how the profile's messages name a new number (the calling code and the last two digits). */
export const maskNewPhone = (phone: string): string => maskMiddle(phone, 4, 2, "*");

/** To the new address: the code that makes it the sign-in address. */
export function emailChangeCodeEmail(input: {
  code: string;
  expiresInMinutes: number;
  brandName: string;
  language?: MessageLanguage;
}): EmailContent {
  const locale = messageLocale(input.language);
  const text: EmailWording = {
    en: {
      subject: "confirm your new e-mail address",
      body:
        `Your code is ${SECRET_PLACEHOLDER}\n\n` +
        `Enter it on your profile page to make this your e-mail address for signing in and for our messages. ` +
        `It expires in ${input.expiresInMinutes} minutes and works once.\n` +
        `If you did not ask for it, ignore this message: nothing changes without the code.`,
    },
    de: {
      subject: "Bestätigen Sie Ihre neue E-Mail-Adresse",
      body:
        `Ihr Code lautet ${SECRET_PLACEHOLDER}\n\n` +
        `Geben Sie ihn auf Ihrer Profilseite ein, um diese Adresse zu Ihrer E-Mail-Adresse für die Anmeldung und für unsere Nachrichten zu machen. ` +
        `Er ist ${input.expiresInMinutes} Minuten gültig und funktioniert nur einmal.\n` +
        `Falls Sie ihn nicht angefordert haben, ignorieren Sie diese Nachricht: Ohne den Code ändert sich nichts.`,
    },
  };
  return localizedEmail("email-change-code", locale, input.brandName, text, input.code);
}

/**
 * To an address that already belongs to an account, instead of a code: the one who asked
 * gets the same answer as for a free address, the owner learns of the attempt (in the
 * owner's language: `language` is theirs, not the asker's).
 */
export function emailChangeAddressInUseEmail(input: { at: Date; brandName: string; language?: MessageLanguage }): EmailContent {
  const locale = messageLocale(input.language);
  const when = messageTime(input.at, locale);
  const text: EmailWording = {
    en: {
      subject: "your e-mail address was entered on another account",
      body:
        `On ${when} someone asked to use this e-mail address for another account with us. ` +
        `It already belongs to your account, so nothing was changed and no code was sent.\n\n` +
        `If this was you, sign in to the account that already uses this address instead. If not, there is nothing to do.`,
    },
    de: {
      subject: "Ihre E-Mail-Adresse wurde bei einem anderen Konto angegeben",
      body:
        `Am ${when} hat jemand beantragt, diese E-Mail-Adresse für ein anderes Konto bei uns zu verwenden. ` +
        `Sie gehört bereits zu Ihrem Konto, daher wurde nichts geändert und kein Code gesendet.\n\n` +
        `Wenn Sie das waren, melden Sie sich stattdessen bei dem Konto an, das diese Adresse bereits verwendet. Andernfalls müssen Sie nichts tun.`,
    },
  };
  return localizedEmail("email-change-address-in-use", locale, input.brandName, text);
}

/** To the current address when a change is asked for. */
export function emailChangeRequestedNotice(input: {
  newEmail: string;
  at: Date;
  brandName: string;
  language?: MessageLanguage;
}): EmailContent {
  const locale = messageLocale(input.language);
  const when = messageTime(input.at, locale);
  const masked = maskEmail(input.newEmail);
  const text: EmailWording = {
    en: {
      subject: "change of your e-mail address asked for",
      body:
        `On ${when} a change of your account's e-mail address to ${masked} was asked for. ` +
        `It happens only once the code sent to the new address is entered.\n\n` +
        `If this was not you, change your password and sign out the devices you do not know (Security, Devices) at once.`,
    },
    de: {
      subject: "Änderung Ihrer E-Mail-Adresse beantragt",
      body:
        `Am ${when} wurde beantragt, die E-Mail-Adresse Ihres Kontos in ${masked} zu ändern. ` +
        `Die Änderung erfolgt erst, wenn der an die neue Adresse gesendete Code eingegeben wird.\n\n` +
        `Falls Sie das nicht waren, ändern Sie sofort Ihr Passwort und melden Sie die Geräte ab, die Sie nicht kennen (Sicherheit, Geräte).`,
    },
  };
  return localizedEmail("email-change-requested", locale, input.brandName, text);
}

/** To the old address (and the new one) once the change is made. */
export function emailChangedNotice(input: {
  newEmail: string;
  at: Date;
  brandName: string;
  language?: MessageLanguage;
}): EmailContent {
  const locale = messageLocale(input.language);
  const when = messageTime(input.at, locale);
  const masked = maskEmail(input.newEmail);
  const text: EmailWording = {
    en: {
      subject: "your e-mail address was changed",
      body:
        `On ${when} your account's e-mail address was changed to ${masked}. ` +
        `From now on you sign in with the new address, and our messages go there.\n\n` +
        `If this was not you, contact support at once.`,
    },
    de: {
      subject: "Ihre E-Mail-Adresse wurde geändert",
      body:
        `Am ${when} wurde die E-Mail-Adresse Ihres Kontos in ${masked} geändert. ` +
        `Ab jetzt melden Sie sich mit der neuen Adresse an, und unsere Nachrichten gehen dorthin.\n\n` +
        `Falls Sie das nicht waren, wenden Sie sich sofort an den Kundenservice.`,
    },
  };
  return localizedEmail("email-changed", locale, input.brandName, text);
}

/** To the new number: seed 003's 4-digit code. */
export function phoneChangeCodeSms(input: {
  code: string;
  expiresInMinutes: number;
  brandName: string;
  language?: MessageLanguage;
}): SmsContent {
  const text: Record<SupportedLocale, string> = {
    en: `${input.brandName}: your code is ${SECRET_PLACEHOLDER}. Enter it to confirm this phone number; it expires in ${input.expiresInMinutes} minutes.`,
    de: `${input.brandName}: Ihr Code lautet ${SECRET_PLACEHOLDER}. Geben Sie ihn ein, um diese Telefonnummer zu bestätigen; er ist ${input.expiresInMinutes} Minuten gültig.`,
  };
  return {
    template: "phone-change-code",
    body: text[messageLocale(input.language)],
    secret: input.code,
  };
}

/** To the customer's e-mail address when a phone change is asked for, and once it is made. */
export function phoneChangeNotice(input: {
  newPhone: string;
  done: boolean;
  at: Date;
  brandName: string;
  language?: MessageLanguage;
}): EmailContent {
  const locale = messageLocale(input.language);
  const when = messageTime(input.at, locale);
  const masked = maskNewPhone(input.newPhone);
  const text: EmailWording = {
    en: {
      subject: input.done ? "your phone number was changed" : "change of your phone number asked for",
      body:
        (input.done
          ? `On ${when} your account's phone number was changed to ${masked}. Text messages go there from now on.\n\n`
          : `On ${when} a change of your account's phone number to ${masked} was asked for. ` +
            `It happens only once the code sent to the new number is entered.\n\n`) +
        `If this was not you, change your password and sign out the devices you do not know (Security, Devices) at once.`,
    },
    de: {
      subject: input.done ? "Ihre Telefonnummer wurde geändert" : "Änderung Ihrer Telefonnummer beantragt",
      body:
        (input.done
          ? `Am ${when} wurde die Telefonnummer Ihres Kontos in ${masked} geändert. SMS gehen ab jetzt an diese Nummer.\n\n`
          : `Am ${when} wurde beantragt, die Telefonnummer Ihres Kontos in ${masked} zu ändern. ` +
            `Die Änderung erfolgt erst, wenn der an die neue Nummer gesendete Code eingegeben wird.\n\n`) +
        `Falls Sie das nicht waren, ändern Sie sofort Ihr Passwort und melden Sie die Geräte ab, die Sie nicht kennen (Sicherheit, Geräte).`,
    },
  };
  return localizedEmail(input.done ? "phone-changed" : "phone-change-requested", locale, input.brandName, text);
}
