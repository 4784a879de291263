// Every locale's catalog has exactly the English keys, with the same placeholders, and
// every message of every locale formats. A failure lists the offending keys, so whoever
// adds an English key sees at once which translations it still needs.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messageArguments } from "~/i18n/message-arguments";
import { LOCALES } from "~/i18n/locales";
import de from "../messages/de";
import en from "../messages/en";

const MESSAGES_DIR = join(import.meta.dirname, "..", "messages");
const BUNDLES: Record<string, unknown> = { en, de };
const OTHER_LOCALES = LOCALES.filter((l) => l !== "en");

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const readJson = (locale: string, file: string): Tree =>
  JSON.parse(readFileSync(join(MESSAGES_DIR, locale, file), "utf8")) as Tree;
const catalogFiles = (locale: string) => readdirSync(join(MESSAGES_DIR, locale)).filter((f) => f.endsWith(".json")).sort();

/** Sample values for a message's arguments, so that formatting it exercises every one. */
function sampleValues(message: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const argument of messageArguments(message)) {
    const [name = "", type = ""] = argument.split(/[:[]/);
    if (type === "tag") values[name] = (chunks: unknown) => chunks;
    else if (type === "plural" || type === "selectordinal" || type === "number") values[name] = 2;
    else if (type === "date" || type === "time") values[name] = new Date(Date.UTC(2026, 0, 2));
    else if (type === "select") values[name] = "other";
    else values[name] = "x";
  }
  return values;
}

describe("message catalogs", () => {
  it("ships exactly the locales in LOCALES, each with its bundle here", () => {
    const dirs = readdirSync(MESSAGES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(dirs.sort()).toEqual([...LOCALES].sort());
    expect(Object.keys(BUNDLES).sort()).toEqual([...LOCALES].sort());
  });

  it.each(OTHER_LOCALES)("%s has the same catalog files as en", (locale) => {
    expect(catalogFiles(locale)).toEqual(catalogFiles("en"));
  });

  it.each(OTHER_LOCALES)("%s has every English key and no other (per file)", (locale) => {
    const missing: string[] = [];
    const extra: string[] = [];
    for (const file of catalogFiles("en")) {
      const english = flatten(readJson("en", file));
      const translated = catalogFiles(locale).includes(file) ? flatten(readJson(locale, file)) : new Map<string, string>();
      for (const key of english.keys()) if (!translated.has(key)) missing.push(`${file}: ${key}`);
      for (const key of translated.keys()) if (!english.has(key)) extra.push(`${file}: ${key}`);
    }
    expect({ missing, extra }, `keys missing in or extra to messages/${locale}`).toEqual({ missing: [], extra: [] });
  });

  it.each(OTHER_LOCALES)("%s keeps every placeholder, plural, select and tag of the English message", (locale) => {
    const differing: string[] = [];
    for (const file of catalogFiles("en")) {
      const english = flatten(readJson("en", file));
      const translated = catalogFiles(locale).includes(file) ? flatten(readJson(locale, file)) : new Map<string, string>();
      for (const [key, message] of translated) {
        const source = english.get(key);
        if (source === undefined) continue;
        const read = (text: string) => {
          try {
            return messageArguments(text).join(", ");
          } catch (error) {
            return `unparsable (${(error as Error).message.split(" in: ")[0]})`;
          }
        };
        const want = read(source);
        const got = read(message);
        if (want !== got) differing.push(`${file}: ${key} (en: ${want || "none"}; ${locale}: ${got || "none"})`);
      }
    }
    expect(differing, `placeholders differ in messages/${locale}`).toEqual([]);
  });

  it.each(LOCALES)("every %s message formats with its placeholders filled (valid ICU)", (locale) => {
    const failures: string[] = [];
    const translator = createTranslator({
      locale,
      messages: BUNDLES[locale] as Tree,
      timeZone: "UTC",
      onError: (error) => failures.push(error.message),
    });
    for (const [key, message] of flatten(BUNDLES[locale] as Tree)) {
      let values: Record<string, unknown>;
      try {
        values = sampleValues(message);
      } catch (error) {
        failures.push(`${key}: ${(error as Error).message}`);
        continue;
      }
      const before = failures.length;
      const out = (translator as unknown as (k: string, v: object) => string)(key, values);
      if (failures.length > before || out === key) failures.push(`${key} did not format`);
    }
    expect(failures).toEqual([]);
  });

  it("the bundles (messages/<locale>/index.ts) hold every file's namespaces", () => {
    for (const locale of LOCALES) {
      const fromFiles = catalogFiles(locale).flatMap((f) => Object.keys(readJson(locale, f)));
      expect(Object.keys(BUNDLES[locale] as Tree).sort(), locale).toEqual(fromFiles.sort());
    }
  });
});

describe("messageArguments", () => {
  it("reads plain, typed, branched and tag arguments, and nothing inside plural text", () => {
    expect(messageArguments("{count, plural, =0 {No messages} one {# message} other {# messages}} to {recipient}")).toEqual([
      "count:plural",
      "recipient:string",
    ]);
    expect(messageArguments("{unit, select, bytes {{value, number} bytes} other {{value, number} MB}}")).toEqual([
      "unit:select[bytes|other]",
      "value:number",
    ]);
    expect(messageArguments("Read <link>the terms</link> by {date, date, short}")).toEqual(["date:date", "link:tag"]);
    expect(messageArguments("Quoted '{'not an argument'}' and it''s fine")).toEqual([]);
  });

  it("tells a renamed or dropped placeholder apart", () => {
    expect(messageArguments("Hallo {nme}")).not.toEqual(messageArguments("Hello {name}"));
    expect(messageArguments("Hallo")).not.toEqual(messageArguments("Hello {name}"));
  });

  it("refuses a message with an unmatched brace", () => {
    expect(() => messageArguments("Every refusal answers {\"error\": CODE}")).toThrow();
    expect(() => messageArguments("Open {name")).toThrow();
  });
});
