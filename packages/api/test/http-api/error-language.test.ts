// The HTTP API's error `message` follows Accept-Language (seed 001): German for a client that
// prefers German, English by default and for any language we do not speak. The code, the
// status and every other field never change with the language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CATALOG, ERROR_CODES, ERROR_MESSAGE_TRANSLATIONS, errorMessageIn } from "../../src/errors";
import { setUp, signedIn, tearDown, type Setup } from "./support";

let s: Setup;
beforeAll(async () => {
  s = await setUp();
});
afterAll(() => tearDown(s));

const LOGIN = "/customer/auth/login";
let attempt = 0;
const wrongPassword = (headers: Record<string, string>) =>
  s.api.call("POST", LOGIN, { body: { email: `nobody-${++attempt}@example.com`, password: "Wrong-Password-1" }, headers });
/** A refusal no rate limit counts: no session. */
const noSession = (headers: Record<string, string>) => s.api.call("GET", "/customer/session/accounts", { headers });
const SESSION_EN = "Customer session is missing, expired or revoked";

describe("the error message follows Accept-Language", () => {
  it("German for de, de-AT and a list that prefers German; the rest of the answer is the same", async () => {
    const english = await wrongPassword({});
    expect([english.status, english.body]).toEqual([403, { error: "CUSTOMER_NOT_FOUND_OR_INCORRECT", message: "Email or password is incorrect" }]);
    expect(english.headers.get("content-language")).toBe("en");
    for (const acceptLanguage of ["de", "de-AT", "fr-CH, de;q=0.9, en;q=0.8", "en;q=0.5, de"]) {
      const german = await wrongPassword({ "accept-language": acceptLanguage });
      expect([acceptLanguage, german.status, german.body]).toEqual([
        acceptLanguage,
        403,
        { error: "CUSTOMER_NOT_FOUND_OR_INCORRECT", message: "E-Mail-Adresse oder Passwort ist falsch" },
      ]);
      expect(german.headers.get("content-language")).toBe("de");
      expect(german.headers.get("vary")).toMatch(/Accept-Language/);
    }
  });

  it("English by default: no header, an unknown language, a wildcard, a garbled header, German refused by q=0", async () => {
    for (const acceptLanguage of [undefined, "fr", "*", ";;;,,q=", "de;q=0, en;q=0.1", "x".repeat(5000)]) {
      const reply = await noSession(acceptLanguage === undefined ? {} : { "accept-language": acceptLanguage });
      expect([acceptLanguage?.slice(0, 20), reply.status, reply.body.message]).toEqual([acceptLanguage?.slice(0, 20), 401, SESSION_EN]);
      expect(reply.headers.get("content-language")).toBe("en");
    }
  });

  it("keeps the extra fields of a refusal (field codes, session errors) and translates refusals of the HTTP layer", async () => {
    const invalid = await s.api.call("POST", LOGIN, { body: {}, headers: { "accept-language": "de" } });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({
      error: "INVALID_DATA",
      message: "Ungültiger Request-Body",
      field_codes: { email: ["REQUIRED"], password: ["REQUIRED"] },
    });
    const refused = await noSession({ "accept-language": "de" });
    expect([refused.status, refused.body.error, refused.body.message]).toEqual([
      401,
      "INVALID_CUSTOMER_SESSION",
      "Die Kundensitzung fehlt, ist abgelaufen oder wurde widerrufen",
    ]);
    const unknownPath = await s.api.call("GET", "/customer/nothing-here", { headers: { "accept-language": "de" } });
    expect([unknownPath.status, unknownPath.body.error, unknownPath.body.message]).toEqual([404, "NOT_FOUND", "Nicht gefunden"]);
  });

  it("leaves successful answers alone", async () => {
    const { token } = await signedIn(s);
    const english = await s.api.call("GET", "/customer/session/accounts", { token });
    const german = await s.api.call("GET", "/customer/session/accounts", { token, headers: { "accept-language": "de" } });
    expect([german.status, german.body]).toEqual([english.status, english.body]);
    expect(german.headers.get("content-language")).toBeNull();
  });
});

describe("the German error messages", () => {
  it("cover every error code (a code added since lists here; it answers in English until translated)", () => {
    const missing = ERROR_CODES.filter((code) => !ERROR_MESSAGE_TRANSLATIONS.de[code]);
    expect(missing, "codes without a German message in src/errors/localized-messages.ts").toEqual([]);
    const extra = Object.keys(ERROR_MESSAGE_TRANSLATIONS.de).filter((code) => !Object.hasOwn(ERROR_CATALOG, code));
    expect(extra).toEqual([]);
  });

  it("differ from the English ones, and English falls back to the error's own message", () => {
    for (const code of ERROR_CODES) {
      expect(errorMessageIn(code, "de", ERROR_CATALOG[code].message), code).not.toBe(ERROR_CATALOG[code].message);
    }
    expect(errorMessageIn("NOT_FOUND", "en", "No endpoint at /x")).toBe("No endpoint at /x");
    expect(errorMessageIn("SOMETHING_NEW", "de", "Something new")).toBe("Something new");
  });
});
