/**
 * CSV for spreadsheets (RFC 4180 quoting, CRLF rows). A cell a spreadsheet would read as a formula
 * — one starting with =, +, -, @, tab or carriage return — gets a leading apostrophe (OWASP's
 * CSV-injection advice), so exported names or free text can never run as a formula.
 */
export type CsvValue = string | number | boolean | null | undefined | Date;

export function csvCell(value: CsvValue): string {
  const text =
    value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
