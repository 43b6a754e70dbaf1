/**
 * Case rows as Excel holds them after opening a CSV: numbers as numbers, dates as date serials,
 * the rest as text. The sample case file is generated with the project's generator (src/cli/sample.ts).
 */
import { generateSample, HARBIN_WEIGHTS, readCatalogue } from "../../src/cli/sample";
import { parseCsvColumns } from "../../src/cli/readInput";

/** A CSV field as Excel reads it. */
export function excelValue(s: string): string | number {
  const t = s.trim();
  if (t === "") return "";
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) && !/^0\d/.test(t)) return Number(t);
  const d = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (d) return Math.round((Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])) - Date.UTC(1899, 11, 30)) / 86400000);
  return s;
}

/** Rows (header first) of CSV text, as Excel would hold them. */
export function excelRows(csv: string): unknown[][] {
  const { columns, rows } = parseCsvColumns(csv.charCodeAt(0) === 0xfeff ? csv.slice(1) : csv);
  const out: unknown[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const row = new Array(columns.length);
    for (let c = 0; c < columns.length; c++) {
      const v = columns[c][r] ?? "";
      row[c] = r === 0 ? v : excelValue(v);
    }
    out[r] = row;
  }
  return out;
}

const cache = new Map<string, unknown[][]>();
/** Generated cases per tile: the generator takes about 0.1 ms a case, so larger sets repeat a tile. */
const TILE = 25_000;

/**
 * `cases` sample cases (header row first), as Excel holds them. Up to 25,000 they are
 * generated; above, the 25,000 repeat with new case numbers (病案号), which keeps the
 * per-row content realistic for round-trip and timing tests.
 */
export function sampleRows(cases: number, seed = 20240101): unknown[][] {
  const key = `${cases}:${seed}`;
  let rows = cache.get(key);
  if (rows) return rows;
  const tile = excelRows(generateSample(readCatalogue(HARBIN_WEIGHTS), { cases: Math.min(cases, TILE), seed }).text);
  rows = [tile[0]];
  for (let i = 0; rows.length <= cases; i++) {
    const base = tile[1 + (i % (tile.length - 1))];
    const row = base.slice();
    if (i >= tile.length - 1) row[0] = `${base[0]}-${Math.floor(i / (tile.length - 1))}`;
    rows.push(row);
  }
  cache.set(key, rows);
  return rows;
}
