// CSV reading for the build-time generators: RFC 4180 rows, and header-keyed records for the
// reference files that have a header row (ccgs.csv, stps-icbs.csv, vanguards.csv).

/** RFC 4180-style CSV: quoted fields, "" as an escaped quote, commas and newlines in quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

/**
 * Rows of a CSV with a header row, as records keyed by column name (trimmed values; a missing
 * cell reads as ""). Throws when a required column is absent: the file is not the one expected.
 */
export function readCsvRecords(
  text: string,
  file: string,
  required: readonly string[],
): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  const columns = (header ?? []).map((h) => h.trim());
  const missing = required.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    throw new Error(`build-data: ${file} lacks column(s) ${missing.join(', ')}`);
  }
  return rows.map((row) =>
    Object.fromEntries(columns.map((name, i) => [name, (row[i] ?? '').trim()])),
  );
}

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
