import { ServiceError } from '@invitations/kernel';

/**
 * What no free text an admin writes may hold (names of pools and batches, people's names, job roles, cohort fields,
 * invitation messages): control characters (NUL, CR, LF, ESC..., DEL and the C1 range), which end up in email
 * headers, CSV exports and terminals, and the bidirectional formatting characters (embeddings, overrides,
 * isolates, marks), which make text read otherwise than it is stored (U+202E turns "exe.txt" around).
 * Written without the `u` flag: every character looked for is in the Basic Multilingual Plane.
 */
// eslint-disable-next-line no-control-regex
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** A message may run over several lines (LF or CRLF) and hold tabs; no other control character. */
const MULTILINE_FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

export interface FreeTextRules {
  /** Line breaks (LF, CRLF) and tabs allowed: an invitation message. Names and other fields are one line. */
  multiline?: boolean;
}

/** Why this text cannot be kept (a field error's message), or null when it can. */
export function freeTextProblem(text: string, rules: FreeTextRules = {}): string | null {
  const found = (rules.multiline ? MULTILINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).exec(text);
  if (found === null) return null;
  const code = found[0].charCodeAt(0);
  const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return isBidiControl(code)
    ? `must not contain bidirectional formatting characters (found ${name})`
    : `must not contain control characters (found ${name})`;
}

/** The text as given, or BAD_USER_INPUT with a field error on `field` naming the character found. */
export function requireFreeText<T extends string | null>(
  field: string,
  text: T,
  rules: FreeTextRules = {},
): T {
  if (text === null) return text;
  const problem = freeTextProblem(text, rules);
  if (problem)
    throw new ServiceError('BAD_USER_INPUT', `The ${field} ${problem}.`, [{ field, message: problem }]);
  return text;
}

function isBidiControl(code: number): boolean {
  return (
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}
