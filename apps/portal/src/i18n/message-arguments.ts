// The arguments an ICU message expects ("{name}", "{count, plural, ...}", "<link>...</link>"),
// so that a test can tell when a translation lost, renamed or added one. Small on purpose:
// ICU's grammar as next-intl's parser reads it, without formatting anything.

export interface MessageArgument {
  name: string;
  /** "string" for a plain {name}; else the ICU type: number, date, time, plural, select, selectordinal, tag. */
  type: string;
  /** The options of a `select` (its branches must be the same in every language); empty otherwise. */
  options: string[];
}

const BRANCHED = new Set(["plural", "select", "selectordinal"]);

/**
 * Every argument of `message`, as sorted "name:type" strings (a select also lists its
 * options). Throws on a message ICU could not parse (an unmatched brace).
 */
export function messageArguments(message: string): string[] {
  const found = new Map<string, MessageArgument>();
  parse(message, 0, false, found);
  for (const match of message.matchAll(/<\/?([A-Za-z][\w-]*)\s*\/?>/g)) {
    const name = match[1] ?? "";
    found.set(`tag:${name}`, { name, type: "tag", options: [] });
  }
  return [...found.values()]
    .map((a) => `${a.name}:${a.type}${a.options.length ? `[${[...a.options].sort().join("|")}]` : ""}`)
    .sort();
}

/** Reads message text from `start` up to an unquoted "}" (when `nested`) or the end. */
function parse(text: string, start: number, nested: boolean, found: Map<string, MessageArgument>): number {
  let i = start;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "'") {
      // '' is an apostrophe; '{...' or '}...' quotes up to the next lone apostrophe.
      if (text[i + 1] === "'") {
        i += 2;
        continue;
      }
      if (text[i + 1] === "{" || text[i + 1] === "}" || text[i + 1] === "#" || text[i + 1] === "<") {
        const end = text.indexOf("'", i + 1);
        i = end === -1 ? text.length : end + 1;
        continue;
      }
      i += 1;
      continue;
    }
    if (ch === "}") {
      if (!nested) throw new Error(`unmatched "}" at ${i} in: ${text}`);
      return i;
    }
    if (ch === "{") {
      i = parseArgument(text, i + 1, found);
      continue;
    }
    i += 1;
  }
  if (nested) throw new Error(`unclosed "{" in: ${text}`);
  return i;
}

/** Reads "name}" or "name, type}" or "name, type, style-or-branches}" after a "{"; returns the index after its "}". */
function parseArgument(text: string, start: number, found: Map<string, MessageArgument>): number {
  const nameEnd = findAny(text, start, ",}");
  const name = text.slice(start, nameEnd).trim();
  if (!/^[\p{L}\p{N}_]+$/u.test(name)) throw new Error(`bad argument name "${name}" in: ${text}`);
  if (text[nameEnd] === "}") {
    if (!found.has(name)) found.set(name, { name, type: "string", options: [] });
    return nameEnd + 1;
  }
  const typeEnd = findAny(text, nameEnd + 1, ",}");
  const type = text.slice(nameEnd + 1, typeEnd).trim();
  const argument: MessageArgument = { name, type, options: [] };
  found.set(name, argument);
  if (text[typeEnd] === "}") return typeEnd + 1;
  if (!BRANCHED.has(type)) {
    // A number/date style ("::currency/EUR", "short"): skip to the closing brace.
    return findAny(text, typeEnd + 1, "}") + 1;
  }
  let i = typeEnd + 1;
  for (;;) {
    while (i < text.length && /\s/.test(text[i] ?? "")) i += 1;
    if (text[i] === "}") return i + 1;
    const open = text.indexOf("{", i);
    if (open === -1) throw new Error(`a branch of "${name}" has no text in: ${text}`);
    const selector = text.slice(i, open).trim();
    if (type === "select") argument.options.push(selector);
    const close = parse(text, open + 1, true, found);
    i = close + 1;
  }
}

function findAny(text: string, start: number, chars: string): number {
  for (let i = start; i < text.length; i += 1) if (chars.includes(text[i] ?? "")) return i;
  throw new Error(`unclosed "{" in: ${text}`);
}
