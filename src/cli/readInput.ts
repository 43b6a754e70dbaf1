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
import { plainDecimalAt, unquote } from "./csv/cellText";
import type { KeepColumns } from "./csv/headRows";
import { readCsvStream, StreamOptions } from "./csv/readCsvFile";
import { StreamCsvGrid } from "./csv/streamGrid";
import { Encoding } from "./csv/encoding";
import { checkInputFile, fileError } from "./fileErrors";
import { noSuchSheet } from "./xlsxCheck";
import { plainCellValue } from "./xlsxCellValue";
import { readXlsxStream } from "./xlsxStream";

export type { Encoding } from "./csv/encoding";
export { plainCellValue } from "./xlsxCellValue";

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
 * A CSV text as a grid without splitting it into strings up front: one pass records where each
 * field starts and ends (typed arrays, RFC 4180: quoted fields, doubled quotes, delimiters and
 * line breaks inside quotes; CRLF, LF or CR line ends; a final line break makes no extra row),
 * cells are cut out when asked for, and numeric columns are read straight from the characters.
 * The delimiter is a comma, or a tab when the first line has more tabs than commas.
 */
export class CsvGrid implements Grid {
  readonly rowCount: number;
  readonly columnCount: number;
  readonly delimiter: string;
  /** Fields of row r are rowStart[r] .. rowStart[r + 1] - 1. */
  private readonly rowStart: Int32Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** 1 when the field begins with a quote and must be unquoted. */
  private readonly quoted: Uint8Array;
  /** The 0-based row of a quoted field never closed (read to the end of the text), or -1. */
  readonly unterminatedRow: number = -1;

  constructor(
    private readonly text: string,
    delimiter?: string,
  ) {
    if (delimiter === undefined) {
      const end = text.search(/[\r\n]/);
      const first = end < 0 ? text : text.slice(0, end);
      delimiter = first.split("\t").length > first.split(",").length ? "\t" : ",";
    }
    this.delimiter = delimiter;
    const d = delimiter.charCodeAt(0);
    const n = text.length;
    let cap = 1024;
    let starts = new Int32Array(cap);
    let ends = new Int32Array(cap);
    let quoted = new Uint8Array(cap);
    let rowCap = 256;
    let rowStart = new Int32Array(rowCap);
    let fields = 0;
    let rows = 0;
    let widest = 0;
    let rowFirst = 0;
    const push = (s: number, e: number, q: number) => {
      if (fields === cap) {
        cap *= 2;
        const ns = new Int32Array(cap);
        ns.set(starts);
        starts = ns;
        const ne = new Int32Array(cap);
        ne.set(ends);
        ends = ne;
        const nq = new Uint8Array(cap);
        nq.set(quoted);
        quoted = nq;
      }
      starts[fields] = s;
      ends[fields] = e;
      quoted[fields] = q;
      fields++;
    };
    const endRow = () => {
      if (rows + 1 >= rowCap) {
        rowCap *= 2;
        const nr = new Int32Array(rowCap);
        nr.set(rowStart);
        rowStart = nr;
      }
      rowStart[rows] = rowFirst;
      if (fields - rowFirst > widest) widest = fields - rowFirst;
      rows++;
      rowFirst = fields;
    };
    let i = 0;
    while (i < n) {
      const start = i;
      let q = 0;
      if (text.charCodeAt(i) === 34 /* " */) {
        q = 1;
        i++;
        for (;;) {
          const k = text.indexOf('"', i);
          if (k < 0) {
            this.unterminatedRow = rows;
            i = n;
            break;
          }
          if (text.charCodeAt(k + 1) === 34) {
            i = k + 2;
            continue;
          }
          i = k + 1;
          break;
        }
      }
      while (i < n) {
        const e = text.charCodeAt(i);
        if (e === d || e === 10 || e === 13) break;
        i++;
      }
      push(start, i, q);
      if (i >= n) {
        endRow();
        break;
      }
      const e = text.charCodeAt(i);
      if (e === d) {
        i++;
        if (i >= n) {
          push(n, n, 0);
          endRow();
        }
        continue;
      }
      i += e === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      endRow();
    }
    rowStart[rows] = fields;
    this.rowCount = rows;
    this.columnCount = widest;
    this.rowStart = rowStart.subarray(0, rows + 1);
    this.starts = starts;
    this.ends = ends;
    this.quoted = quoted;
  }

  /** Index of the field of row r, column c, or -1 when the row is shorter. */
  private field(r: number, c: number): number {
    const f = this.rowStart[r] + c;
    return f < this.rowStart[r + 1] ? f : -1;
  }

  private value(f: number): string {
    if (f < 0) return "";
    const s = this.starts[f];
    const e = this.ends[f];
    if (!this.quoted[f]) return this.text.slice(s, e);
    return unquote(this.text, s, e);
  }

  cell(row: number, column: number): string {
    return row < this.rowCount ? this.value(this.field(row, column)) : "";
  }

  column(column: number, from: number): string[] {
    const out = new Array<string>(Math.max(0, this.rowCount - from));
    for (let r = from; r < this.rowCount; r++) out[r - from] = this.value(this.field(r, column));
    return out;
  }

  /**
   * The column as numbers when every field is empty (NaN) or a plain decimal `-?d+(.d+)?`, and
   * none is negative unless allowed; else undefined (the caller then reads the text and reports
   * the bad cell). m / 10^k with both exact is correctly rounded, as Number() is.
   */
  numbers(column: number, from: number, allowNegative: boolean): Float64Array | undefined {
    const text = this.text;
    const out = new Float64Array(Math.max(0, this.rowCount - from));
    for (let r = from; r < this.rowCount; r++) {
      const f = this.field(r, column);
      if (f < 0) {
        out[r - from] = NaN;
        continue;
      }
      if (this.quoted[f]) return undefined;
      const v = plainDecimalAt(text, this.starts[f], this.ends[f], allowNegative);
      if (v === undefined) return undefined;
      out[r - from] = v;
    }
    return out;
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
