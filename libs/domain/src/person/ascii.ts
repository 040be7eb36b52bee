// NUL to DEL: every ASCII character, control characters included, is what is being looked for here.
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/** Whether the text is nothing but ASCII: one byte per character in UTF-8, nothing Unicode normalisation changes. */
export function isAscii(text: string): boolean {
  return ASCII.test(text);
}
