/**
 * What spreadsheets make of the values people type, read back into what they meant (or refused with the fix).
 */

/** Day 0 of Excel's (1900) date system as it counts from March 1900 on: its serial numbers are days since then. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * An Excel serial date as a CSV saves it when the column is formatted as a number: five digits (10000 is
 * 1927-05-18, 99999 is 2173). Four digits are taken for a year typed alone, never for a date of 1900-1927.
 */
const EXCEL_SERIAL = /^\d{5}(?:\.0+)?$/;
/** `14-Mar-1991`, `14 March 1991`, `3-sept-1991`: Excel's "d-mmm-yyyy" and how people write it. */
const DAY_MONTH_NAME_YEAR = /^(\d{1,2})[-\s]([A-Za-z]{3,9})\.?[-\s](\d{4})$/;

const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['jan', 'january'],
    ['feb', 'february'],
    ['mar', 'march'],
    ['apr', 'april'],
    ['may', 'may'],
    ['jun', 'june'],
    ['jul', 'july'],
    ['aug', 'august'],
    ['sep', 'september', 'sept'],
    ['oct', 'october'],
    ['nov', 'november'],
    ['dec', 'december'],
  ].flatMap((names, index) => names.map((name) => [name, index + 1] as const)),
);

/**
 * A date of birth a spreadsheet wrote in a form the rules of a person do not read (an Excel serial number,
 * `DD-Mon-YYYY`), as `YYYY-MM-DD` (not checked to be a real date: the rules do that); null for any other value,
 * which is left as it is.
 */
export function spreadsheetDate(value: string): string | null {
  const text = value.trim();
  // The forms the rules read (YYYY-MM-DD, DD/MM/YYYY): most rows, answered without a regular expression.
  if (text.length < 5 || text.includes('/') || (text.length === 10 && text[4] === '-')) return null;
  if (EXCEL_SERIAL.test(text)) {
    return new Date(EXCEL_EPOCH_MS + Number.parseInt(text, 10) * DAY_MS).toISOString().slice(0, 10);
  }
  const named = DAY_MONTH_NAME_YEAR.exec(text);
  const month = named === null ? undefined : MONTHS.get(named[2].toLowerCase());
  if (named === null || month === undefined) return null;
  return `${named[3]}-${String(month).padStart(2, '0')}-${named[1].padStart(2, '0')}`;
}

const SCIENTIFIC_NUMBER = /^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$/;

/**
 * Whether a value is a number in scientific notation (`4.12345678E+08`): what Excel shows, and saves to CSV, for a
 * long number in a column formatted "General". The digits past the shown ones are lost: it cannot be read back.
 */
export function isScientificNumber(value: string): boolean {
  if (value.indexOf('E') < 0 && value.indexOf('e') < 0) return false;
  return SCIENTIFIC_NUMBER.test(value.trim());
}
