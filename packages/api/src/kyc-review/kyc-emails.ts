import type { SupportedLocale } from "@brokerage/validators";
import { type EmailContent, type EmailWording, localizedEmail, type MessageLanguage, messageLocale } from "../messaging/templates";

const levelWording: Record<SupportedLocale, Record<number, string>> = {
  en: { 1: "your identity", 2: "your identity and address" },
  de: { 1: "Ihre Identität", 2: "Ihre Identität und Ihre Adresse" },
};

/** After staff approved a KYC submission. */
export function kycApprovedEmail(input: {
  level: number;
  fullyVerified: boolean;
  brandName: string;
  language?: MessageLanguage;
}): EmailContent {
  const locale = messageLocale(input.language);
  const text: EmailWording = {
    en: {
      subject: "verification approved",
      body:
        `We have verified ${levelWording.en[input.level] ?? "your details"}.\n\n` +
        (input.fullyVerified
          ? "Nothing more is needed from you: the features that waited for verification are now open."
          : "One more step is needed: sign in to the portal to see what to send next."),
    },
    de: {
      subject: "Verifizierung bestätigt",
      body:
        `Wir haben ${levelWording.de[input.level] ?? "Ihre Angaben"} verifiziert.\n\n` +
        (input.fullyVerified
          ? "Von Ihnen wird nichts weiter benötigt: Die Funktionen, die auf die Verifizierung gewartet haben, stehen Ihnen jetzt offen."
          : "Ein weiterer Schritt ist nötig: Melden Sie sich im Portal an, um zu sehen, was Sie als Nächstes senden müssen."),
    },
  };
  return localizedEmail("kyc-approved", locale, input.brandName, text);
}

/** After staff rejected a KYC submission; the reason is the reviewer's, meant for the customer. */
export function kycRejectedEmail(input: { reason: string; brandName: string; language?: MessageLanguage }): EmailContent {
  const locale = messageLocale(input.language);
  const text: EmailWording = {
    en: {
      subject: "verification not approved",
      body:
        `We could not verify the details and documents you sent.\n\n` +
        `Reason: ${input.reason}\n\n` +
        `Sign in to the portal to correct them and submit again.`,
    },
    de: {
      subject: "Verifizierung nicht bestätigt",
      body:
        `Wir konnten die von Ihnen gesendeten Angaben und Dokumente nicht verifizieren.\n\n` +
        `Grund: ${input.reason}\n\n` +
        `Melden Sie sich im Portal an, um sie zu korrigieren und erneut einzureichen.`,
    },
  };
  return localizedEmail("kyc-rejected", locale, input.brandName, text);
}
