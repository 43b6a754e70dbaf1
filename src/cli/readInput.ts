/**
 * Reading the files users bring (DOMAIN.md "Inputs"): CSV in whatever encoding Excel or the
 * hospital system saved it in, and .xlsx workbooks.
 *
 * Encoding of a CSV: a byte-order mark says it (UTF-8, UTF-16 LE/BE: Excel's "Unicode text");
 * else text that is valid UTF-8 is UTF-8; else it is GB18030 (a superset of GBK and GB2312,
 * what Excel on Chinese Windows writes as "ANSI"). The delimiter is a comma, or a tab when the
 * first line has more tabs than commas. CSV files are read streaming (csv/readCsvFile.ts): in chunks,
 * straight into typed columns, in memory bounded by the columns rather than the file's text.
 */
import type * as ExcelJS from "exceljs";
import {
  CaseTable,
  CaseTableOptions,
  Grid,
  gridFromRows,
  MissingColumnsError,
  planCaseTable,
  readCaseTable,
} from "../engine/caseTable";
import { CaseMixError, Text } from "../engine/text";
import { excelJS } from "../report/lazyModules";
import type { KeepColumns } from "./csv/headRows";
import { readCsvStream, StreamOptions } from "./csv/readCsvFile";
import { StreamCsvGrid } from "./csv/streamGrid";
import { CsvGrid } from "./csv/textGrid";
import { Encoding } from "./csv/encoding";
import { checkInputFile, fileError } from "./fileErrors";
import { noSuchSheet } from "./xlsxCheck";
import { plainCellValue } from "./xlsxCellValue";
import { readXlsxStream } from "./xlsxStream";

export type { Encoding } from "./csv/encoding";
export { plainCellValue } from "./xlsxCellValue";
export { CsvGrid } from "./csv/textGrid";

/**
 * Decodes the bytes of a text file; see the module comment.
 *
 *     decodeText(Uint8Array.of(0xd6, 0xd0, 0xce, 0xc4))  // { text: "中文", encoding: "gb18030" }
 */
export function decodeText(bytes: Uint8Array, forced?: Encoding): { text: string; encoding: Encoding } {
  const decode = (label: string, from = 0, fatal = false) =>
    new TextDecoder(label, { fatal, ignoreBOM: true }).decode(bytes.subarray(from));
  if (forced) {
    const skip = forced === "utf-8-bom" ? 3 : 0;
    const label = forced === "utf-8-bom" ? "utf-8" : forced;
    const text = decode(label, skip);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: forced };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: decode("utf-8", 3), encoding: "utf-8-bom" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode("utf-16le", 2), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode("utf-16be", 2), encoding: "utf-16be" };
  try {
    return { text: decode("utf-8", 0, true), encoding: "utf-8" };
  } catch {
    return { text: decode("gb18030"), encoding: "gb18030" };
  }
}

/**
 * Splits CSV text into columns (see CsvGrid for the rules).
 *
 *     parseCsvColumns("a,b\n1,\"x,y\"\n").columns  // [["a", "1"], ["b", "x,y"]]
 */
export function parseCsvColumns(
  text: string,
  delimiter?: string,
): { columns: string[][]; rows: number; delimiter: string } {
  const grid = new CsvGrid(text, delimiter);
  const columns: string[][] = [];
  for (let c = 0; c < grid.columnCount; c++) columns.push(grid.column(c, 0));
  return { columns, rows: grid.rowCount, delimiter: grid.delimiter };
}

export interface InputGrid {
  grid: Grid;
  /** The encoding of a CSV file, or the sheet of an .xlsx file. */
  encoding?: Encoding;
  sheet?: string;
}

/**
 * Reads a CSV file into a grid, streaming (csv/readCsvFile.ts): chunks of the file are decoded and
 * parsed into typed columns, with a progress bar on stderr when it is a terminal.
 */
export function readCsv(path: string, encoding?: Encoding, options: Omit<StreamOptions, "encoding"> = {}): InputGrid {
  const { grid, encoding: found, reason } = readCsvStream(path, { ...options, encoding });
  const name = ENCODING_NAMES[found];
  showNote?.({ en: `${path}: read as ${name} (${reason.en})`, zh: `${path}：按 ${name} 读取（${reason.zh}）` });
  return { grid, encoding: found };
}

const ENCODING_NAMES: Record<Encoding, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  gb18030: "GB18030",
};

/** Where notes on reading go (the encoding of each CSV and why); none by default. */
let showNote: ((note: Text) => void) | undefined;

/** Sends the notes on reading to `show` (the command line: to stderr, when it is a terminal). */
export function showReadNotes(show: ((note: Text) => void) | undefined): void {
  showNote = show;
}

/** Reads a sheet of an .xlsx file (the named one, else the first) into a grid, whole (readInput streams it: xlsxStream.ts). */
export async function readXlsx(path: string, sheet?: string): Promise<InputGrid> {
  const wb = new (excelJS().Workbook)();
  await wb.xlsx.readFile(path);
  const ws = sheet === undefined ? wb.worksheets[0] : wb.getWorksheet(sheet);
  if (!ws) {
    const names = wb.worksheets.map((w) => w.name);
    throw noSuchSheet(path, sheet, names);
  }
  const rows: unknown[][] = [];
  const last = ws.rowCount;
  for (let r = 1; r <= last; r++) {
    const values = ws.getRow(r).values as ExcelJS.CellValue[];
    const row: unknown[] = [];
    for (let c = 1; c < values.length; c++) row.push(plainCellValue(values[c]));
    rows.push(row);
  }
  return { grid: gridFromRows(rows), sheet: ws.name };
}

/** Reads a CSV or .xlsx file by its extension. */
/**
 * A case table from a file: a CSV reader keeps only the columns the table reads (`planCaseTable`
 * on the first rows), since hospital exports carry dozens of others (names, ID numbers, free text).
 */
export async function readCaseFile(
  path: string,
  options: { sheet?: string; encoding?: Encoding },
  tableOptions: CaseTableOptions,
): Promise<{ input: InputGrid; table: CaseTable }> {
  try {
    const keep = (head: readonly (readonly string[])[]) => planCaseTable(head, tableOptions).reads;
    const input = await readInput(path, { ...options, keep });
    const table = readCaseTable(input.grid, tableOptions);
    if (input.grid instanceof StreamCsvGrid)
      checkShortRows(path, input.grid, table, planCaseTable(input.grid, tableOptions).reads);
    return { input, table };
  } catch (e) {
    throw e instanceof MissingColumnsError ? withMapFix(e) : e;
  }
}

/** A missing-columns error with the `--map` option that fixes it. */
function withMapFix(e: MissingColumnsError): CaseMixError {
  const fix = e.missing.map((c) => `--map ${c}=<header>`).join(" ");
  const fixZh = e.missing.map((c) => `--map ${c}=<表头>`).join(" ");
  return new CaseMixError(e.kind, {
    en: `${e.text.en}. Name the column${e.missing.length === 1 ? "" : "s"} with ${fix} (a header, #N for the N-th column, or A+B for a sum); --show-mapping shows the mapping`,
    zh: `${e.text.zh}。请用 ${fixZh} 指定（表头、#N 表示第 N 列，或 A+B 表示相加）；--show-mapping 可查看列映射`,
  });
}

/**
 * A CSV row with fewer fields than the header that lacks a column the table reads is an error:
 * such a row was cut (or shifted by a line break in an unquoted field), and its missing money
 * would count as blank. A row short only of columns not read changes nothing and passes.
 */
export function checkShortRows(path: string, grid: StreamCsvGrid, table: CaseTable, reads: readonly number[]): void {
  const header = table.headerRowNumber - 1;
  const width = grid.fieldCount(header);
  const needed = Math.max(...reads) + 1;
  let first = -1;
  let count = 0;
  for (let r = header + 1; r < grid.rowCount; r++) {
    const w = grid.fieldCount(r);
    if (w >= width || w >= needed || grid.rowBlank(r)) continue;
    if (first < 0) first = r;
    count++;
  }
  if (first < 0) return;
  const w = grid.fieldCount(first);
  const missing = reads.filter((c) => c >= w).map((c) => table.headers[c] || `#${c + 1}`);
  const others = count > 1 ? { en: ` (${count} rows like it)`, zh: `（共 ${count} 行如此）` } : { en: "", zh: "" };
  throw new CaseMixError("value", {
    en: `${path}: row ${first + 1} has ${w} fields where the header (row ${header + 1}) has ${width}, so it has no ${missing.join(", ")}${others.en}; the row was cut short or a field holds a line break without quotes: fix the row (or add the missing commas)`,
    zh: `${path}：第 ${first + 1} 行只有 ${w} 个字段，而表头（第 ${header + 1} 行）有 ${width} 个，缺少 ${missing.join("、")}${others.zh}；该行不完整，或某个字段含有未加引号的换行：请修正该行（或补上缺少的逗号）`,
  });
}

export async function readInput(
  path: string,
  options: { sheet?: string; encoding?: Encoding; keep?: KeepColumns } = {},
): Promise<InputGrid> {
  const size = checkInputFile(path);
  if (/\.xlsx$|\.xlsm$/i.test(path)) return readXlsxStream(path, options.sheet);
  if (/\.xls$/i.test(path)) {
    throw new CaseMixError("value", {
      en: `${path}: the old .xls format is not read; save it as .xlsx or CSV`,
      zh: `${path}：不支持旧的 .xls 格式，请另存为 .xlsx 或 CSV`,
    });
  }
  if (size === 0)
    throw new CaseMixError("value", { en: `${path} is empty (0 bytes)`, zh: `${path} 是空文件（0 字节）` });
  try {
    return readCsv(path, options.encoding, { keep: options.keep });
  } catch (e) {
    throw fileError(e, path, "read");
  }
}
