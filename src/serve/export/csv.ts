/**
 * RFC 4180 CSV cells and rows (CRLF line ends, quotes doubled), plus spreadsheet formula
 * neutralisation: a text cell starting with = + - @ (or a tab/CR that some spreadsheets skip) gets a
 * leading apostrophe, so a report cannot smuggle a formula into an analyst's Excel. Numbers are
 * written as numbers: a negative longitude stays a number.
 */
export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = value;
  if (FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
