/** Column letters and A1 addresses of 0-based cells, as both renderers write them. */

/** Excel column letters of a 0-based column index: 0 -> A, 27 -> AB. */
export function columnLetters(column: number): string {
  let s = "";
  let n = column + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a 0-based cell. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** A sheet name quoted for a formula: 'Sheet''s name'. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The absolute reference to `rows` cells of one column from `row` down: 'Sheet'!$D$4:$D$20. */
export function columnRange(sheet: string, column: number, row: number, rows: number): string {
  const letters = columnLetters(column);
  return `${quoteSheet(sheet)}!$${letters}$${row + 1}:$${letters}$${row + Math.max(1, rows)}`;
}
