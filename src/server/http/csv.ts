/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF, a field quoted when it
 * holds a comma, a quote, CR or LF, and a quote inside doubled. A field that a spreadsheet would
 * read as a formula (starting with =, +, -, @, or a tab or CR that some strip first) is prefixed
 * with ' so that opening an export never runs what someone typed (OWASP "CSV Injection").
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, ended by CRLF. */
export function csvRecord(values: readonly (string | number | boolean | null | undefined)[]) {
  return `${values.map(csvField).join(",")}\r\n`;
}
