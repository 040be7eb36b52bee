export type CsvDelimiter = ',' | ';' | '\t';

/**
 * Picks the delimiter from the header line: tab when the line holds more tabs than commas and semicolons outside
 * quotes (Excel's "Unicode Text"), ';' when it has a ';' and no ',' (what Excel writes where the decimal separator
 * is a comma), ',' otherwise.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (char === '\n' || char === '\r') break;
    else if (char === ',') commas += 1;
    else if (char === ';') semicolons += 1;
    else if (char === '\t') tabs += 1;
  }
  if (tabs > commas && tabs > semicolons) return '\t';
  return semicolons > 0 && commas === 0 ? ';' : ',';
}

/** Whether `text` holds a whole first line (a line end outside quotes). */
export function holdsFirstLine(text: string): boolean {
  let inQuotes = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) return true;
  }
  return false;
}
