// The HTTP API's error `message` in the client's language (Accept-Language, seed 001): the
// catalog's English message (codes.ts) translated per code. Codes never change with the
// language; a code without a translation here keeps its English message
// (test/http-api/error-language.test.ts lists any code missing here).
import type { SupportedLocale } from "@brokerage/validators";
import type { ErrorCode } from "./codes";

type Translations = { readonly [code in ErrorCode]?: string };

const de: Translations = {
  INVALID_DATA: "Ungültiger Request-Body",
  INVALID_CUSTOMER_SESSION: "Die Kundensitzung fehlt, ist abgelaufen oder wurde widerrufen",
  FORBIDDEN: "Dieser Vorgang ist für den Aufrufer nicht erlaubt",
  NOT_FOUND: "Nicht gefunden",
  TOO_MANY_ATTEMPTS: "Zu viele Versuche; bitte später erneut versuchen",
  INTERNAL_ERROR: "Ein unerwarteter Fehler ist aufgetreten",
  CUSTOMER_NOT_FOUND_OR_INCORRECT: "E-Mail-Adresse oder Passwort ist falsch",
  CUSTOMER_DISABLED: "Der Kunde ist gesperrt",
  OTP_REQUIRED: "OTP ist aktiviert, aber otp_code wurde nicht angegeben",
  INVALID_OTP_CODE: "Der OTP-Code ist ungültig",
  OTP_NOT_CONFIGURED: "OTP ist aktiviert, aber das Geheimnis fehlt",
  INVALID_GROUP: "Die Gruppe existiert nicht",
  BRAND_NOT_AVAILABLE: "Die Marke des Kunden ist deaktiviert oder fehlt",
  GROUP_DISABLED: "Die Gruppe ist deaktiviert",
  GROUP_NOT_PUBLIC: "Die Gruppe steht für die Selbsteröffnung nicht zur Verfügung",
  GROUP_BRAND_MISMATCH: "Die Gruppe gehört zu einer anderen Marke",
  DEMO_OPENING_DISABLED: "Die Marke erlaubt keine Eröffnung von Demokonten",
  REAL_OPENING_DISABLED: "Die Marke erlaubt keine Eröffnung von Live-Konten",
  KYC_REQUIRED: "Die Kontoeröffnung ist für diese Gruppe nicht erlaubt",
  CORE_NOT_AVAILABLE: "Das Handelssystem ist nicht verfügbar",
  ADD_BALANCE_ERROR: "Das Konto wurde eröffnet, aber die Buchung des Startguthabens ist fehlgeschlagen",
  EMAIL_ALREADY_REGISTERED: "Diese E-Mail-Adresse ist bereits registriert",
  PASSWORD_TOO_SHORT: "Das Passwort ist kürzer als 8 Zeichen",
  PASSWORD_TOO_LONG: "Das Passwort ist länger als 64 Zeichen",
  PASSWORD_TOO_WEAK: "Das Passwort ist zu leicht zu erraten",
  NON_ADMIN_FIELD: "Nur Mitarbeitende dürfen dieses Feld setzen",
  REGISTRATION_DISABLED: "Die Registrierung ist für diese Marke geschlossen",
  EMAIL_NOT_VERIFIED: "Bestätigen Sie zuerst Ihre E-Mail-Adresse",
  CODE_INVALID: "Der Code ist falsch oder wurde bereits verwendet",
  CODE_EXPIRED: "Der Code ist abgelaufen",
  KYC_SUBMISSION_PENDING: "Eine KYC-Einreichung wird bereits geprüft",
  ACCOUNT_ARCHIVED: "Das Konto ist archiviert",
  FALLBACK_INVALID: "Das Ausweichkonto muss Ihre offene Wallet in derselben Währung sein",
  PASSWORD_POLICY: "Das Passwort erfüllt die Richtlinie für Handelspasswörter nicht",
  LINK_USED: "Dieser Link wurde bereits verwendet oder ist abgelaufen",
  METHOD_NOT_ALLOWED: "Diese HTTP-Methode ist hier nicht erlaubt",
  UNSUPPORTED_MEDIA_TYPE: "Der Request-Body muss JSON sein (Content-Type: application/json)",
  REAUTH_REQUIRED: "Geben Sie Ihr Passwort oder einen Code des zweiten Faktors erneut ein: Die letzte Eingabe liegt mehr als 5 Minuten zurück",
  STEP_UP_REQUIRED: "Dieser Vorgang erfordert einen Bestätigungscode",
  IDEMPOTENCY_KEY_REUSED: "Dieser Idempotenzschlüssel wurde bereits für eine andere Anfrage verwendet",
  WALLET_EXISTS: "Eine Wallet in dieser Währung existiert bereits",
  INSUFFICIENT_FUNDS: "Das verfügbare Guthaben deckt den Betrag nicht",
  LIMIT_EXCEEDED: "Der Betrag überschreitet ein Limit",
  QUOTE_EXPIRED: "Das Umtauschangebot ist abgelaufen",
  PAYMENT_DECLINED: "Die Zahlung wurde abgelehnt; es wurde nichts gutgeschrieben",
  RATES_NOT_AVAILABLE: "Wechselkurse sind nicht verfügbar; bitte später erneut versuchen",
  PAYMENT_PROVIDER_NOT_AVAILABLE: "Der Zahlungsdienstleister ist nicht verfügbar; es wurde nichts belastet oder ausgezahlt",
  INVALID_SIGNATURE: "Die Webhook-Signatur fehlt, ist falsch oder zu alt",
  SELF_APPROVAL: "Mitarbeitende dürfen weder ihren eigenen Antrag genehmigen noch an ihrem eigenen Kundenkonto handeln",
  RESERVED_NAME: "Dieser Name ist reserviert",
  REQUEST_ALREADY_DECIDED: "Dieser Antrag wurde bereits genehmigt oder abgelehnt",
  APPROPRIATENESS_REQUIRED: "Zuerst ist eine Angemessenheitsprüfung erforderlich",
  TERMS_NOT_ACCEPTED: "Zuerst müssen die aktuellen Bedingungen akzeptiert werden",
  CLOSURE_FUNDS_REMAINING: "Zahlen Sie das Guthaben Ihrer Live-Konten aus oder übertragen Sie es, bevor Sie die Geschäftsbeziehung beenden",
  CLOSURE_OPERATIONS_PENDING: "Eine Geldbewegung ist noch in Bearbeitung; beenden Sie die Geschäftsbeziehung, sobald sie abgeschlossen ist",
  APPROPRIATENESS_COOLING_OFF: "Der Fragebogen zur Angemessenheitsprüfung kann nach Ablauf der Wartefrist erneut ausgefüllt werden",
  PHONE_NOT_VERIFIED: "Bestätigen Sie zuerst Ihre Telefonnummer",
  SMS_NOT_AVAILABLE: "In das Land dieser Telefonnummer können keine SMS gesendet werden",
  STEP_UP_EXPIRED: "Die Bestätigung ist abgelaufen; fordern Sie eine neue an",
  STEP_UP_USED: "Die Bestätigung wurde bereits verwendet oder hat keine Versuche mehr; fordern Sie eine neue an",
  STEP_UP_MISMATCH: "Die Bestätigung gilt für einen anderen Vorgang, andere Angaben oder eine andere Sitzung",
  STEP_UP_UNAVAILABLE: "Für diesen Kunden ist kein Bestätigungsweg eingerichtet",
  STATEMENT_NOT_READY: "Eine Geldbewegung dieses Monats ist noch in Bearbeitung; der Auszug kann erstellt werden, sobald sie abgeschlossen ist",
  NAME_LOCKED: "Der Name wurde mit Ausweisdokumenten geprüft (KYC); eine Änderung nimmt der Kundenservice auf Anfrage vor",
};

/** Every locale but English (whose messages are the catalog's own). */
export const ERROR_MESSAGE_TRANSLATIONS: Readonly<Record<Exclude<SupportedLocale, "en">, Translations>> = { de };

/**
 * The message of `code` in `locale`: the translation when there is one, else `english`
 * (the error's own message, which may be more specific than the catalog's).
 */
export function errorMessageIn(code: string, locale: SupportedLocale, english: string): string {
  if (locale === "en") return english;
  return ERROR_MESSAGE_TRANSLATIONS[locale][code as ErrorCode] ?? english;
}
