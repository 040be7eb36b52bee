/**
 * Names as a person would recognise them as the same: Unicode NFC, trimmed, inner whitespace collapsed,
 * and case folded. Upper- then lower-casing folds more than lower-casing alone ("Straße" and "STRASSE",
 * final and medial sigma) without depending on a locale.
 */
export function nameForComparison(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toUpperCase().toLowerCase().normalize('NFC');
}

export function sameName(a: string, b: string | null): boolean {
  if (a === b) return true; // the usual case, and no folding needed
  return nameForComparison(a) === nameForComparison(b ?? '');
}
