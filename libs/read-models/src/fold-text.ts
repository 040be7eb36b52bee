/**
 * Lower-cased, accent-folded ("Zoë Ångström" -> "zoe angstrom"), whitespace collapsed: how the read models
 * compare names and search text. Queries fold their input exactly as projections fold the documents.
 */
export function foldText(text: string): string {
  if (text.length > MAX_CACHED_LENGTH) return fold(text);
  let folded = foldedNames.get(text);
  if (folded === undefined) {
    // A bounded memo: names repeat (an upload of 150,000 people holds a few thousand distinct first names).
    if (foldedNames.size >= MAX_CACHED_NAMES) foldedNames.clear();
    folded = fold(text);
    foldedNames.set(text, folded);
  }
  return folded;
}

const MAX_CACHED_LENGTH = 64;
const MAX_CACHED_NAMES = 20_000;
const foldedNames = new Map<string, string>();

/** Text of printable ASCII characters only, which decomposition and the marks' removal leave as they are. */
const PRINTABLE_ASCII = /^[ -~]*$/;

function fold(text: string): string {
  // Most search texts (emails, mobiles, many names) are ASCII: decomposing them would copy them for nothing.
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(/\s+/g, ' ').trim();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
