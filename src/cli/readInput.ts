/**
 * Reading the files users bring (DOMAIN.md "Inputs"): CSV in whatever encoding Excel or the
 * hospital system saved it in, and .xlsx workbooks.
 *
 * Encoding of a CSV: a byte-order mark says it (UTF-8, UTF-16 LE/BE: Excel's "Unicode text");
 * else text that is valid UTF-8 is UTF-8; else it is GB18030 (a superset of GBK and GB2312,
 * what Excel on Chinese Windows writes as "ANSI"). The delimiter is a comma, or a tab when the
 * first line has more tabs than commas.
 */
import * as fs from "fs";
import ExcelJS from "exceljs";
import { Grid, gridFromColumns, gridFromRows } from "../engine/caseTable";
import { CaseMixError } from "../engine/text";

export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

/**
 * Decodes the bytes of a text file; see the module comment.
 *
 *     decodeText(Uint8Array.of(0xd6, 0xd0, 0xce, 0xc4))  // { text: "中文", encoding: "gb18030" }
 */
export function decodeText(bytes: Uint8Array, forced?: Encoding): { text: string; encoding: Encoding } {
  const decode = (label: string, from = 0, fatal = false) => new TextDecoder(label, { fatal, ignoreBOM: true }).decode(bytes.subarray(from));
  if (forced) {
    const skip = forced === "utf-8-bom" ? 3 : 0;
    const label = forced === "utf-8-bom" ? "utf-8" : forced;
    const text = decode(label, skip);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: forced };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decode("utf-8", 3), encoding: "utf-8-bom" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode("utf-16le", 2), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode("utf-16be", 2), encoding: "utf-16be" };
  try {
    return { text: decode("utf-8", 0, true), encoding: "utf-8" };
  } catch {
    return { text: decode("gb18030"), encoding: "gb18030" };
  }
}

/**
 * Splits CSV text into columns (RFC 4180: quoted fields, doubled quotes, delimiters and line
 * breaks inside quotes; CRLF, LF or CR line ends). A final line break does not make an extra row.
 *
 *     parseCsvColumns("a,b\n1,\"x,y\"\n").columns  // [["a", "1"], ["b", "x,y"]]
 */
export function parseCsvColumns(text: string, delimiter?: string): { columns: string[][]; rows: number; delimiter: string } {
  if (delimiter === undefined) {
    const end = text.search(/[\r\n]/);
    const first = end < 0 ? text : text.slice(0, end);
    const tabs = first.split("\t").length;
    const commas = first.split(",").length;
    delimiter = tabs > commas ? "\t" : ",";
  }
  const d = delimiter.charCodeAt(0);
  const columns: string[][] = [];
  const n = text.length;
  let row = 0;
  let col = 0;
  let i = 0;
  const put = (value: string) => {
    let column = columns[col];
    if (column === undefined) {
      column = columns[col] = [];
      for (let r = 0; r < row; r++) column.push("");
    }
    // Pad a column that an earlier short row left behind.
    while (column.length < row) column.push("");
    column.push(value);
    col++;
  };
  const endRow = () => {
    row++;
    col = 0;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      let value = "";
      let start = ++i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          value += text.slice(start);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === 34) {
          value += text.slice(start, q + 1);
          i = start = q + 2;
          continue;
        }
        value += text.slice(start, q);
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the delimiter is kept, as Excel does.
      let j = i;
      while (j < n) {
        const e = text.charCodeAt(j);
        if (e === d || e === 10 || e === 13) break;
        j++;
      }
      if (j > i) value += text.slice(i, j);
      put(value);
      i = j;
    } else {
      let j = i;
      while (j < n) {
        const e = text.charCodeAt(j);
        if (e === d || e === 10 || e === 13) break;
        j++;
      }
      put(text.slice(i, j));
      i = j;
    }
    if (i >= n) {
      endRow();
      break;
    }
    const e = text.charCodeAt(i);
    if (e === d) {
      i++;
      if (i >= n) {
        put("");
        endRow();
      }
      continue;
    }
    // Line end.
    i += e === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    endRow();
  }
  for (const column of columns) while (column.length < row) column.push("");
  return { columns, rows: row, delimiter };
}

export interface InputGrid {
  grid: Grid;
  /** The encoding of a CSV file, or the sheet of an .xlsx file. */
  encoding?: Encoding;
  sheet?: string;
}

/** Reads a CSV file into a grid; see the module comment. */
export function readCsv(path: string, encoding?: Encoding): InputGrid {
  const decoded = decodeText(fs.readFileSync(path), encoding);
  const { columns } = parseCsvColumns(decoded.text);
  return { grid: gridFromColumns(columns), encoding: decoded.encoding };
}

/** The plain value of an ExcelJS cell value: formula results, rich text, hyperlinks, errors. */
export function plainCellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== "object" || v instanceof Date) return v;
  const o = v as unknown as Record<string, unknown>;
  if ("result" in o) return plainCellValue(o.result as ExcelJS.CellValue);
  if ("formula" in o || "sharedFormula" in o) return null;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join("");
  if ("text" in o) return plainCellValue(o.text as ExcelJS.CellValue);
  if ("error" in o) return String(o.error);
  return String(v);
}

/** Reads a sheet of an .xlsx file (the named one, else the first) into a grid. */
export async function readXlsx(path: string, sheet?: string): Promise<InputGrid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = sheet === undefined ? wb.worksheets[0] : wb.getWorksheet(sheet);
  if (!ws) {
    const names = wb.worksheets.map((w) => w.name);
    throw new CaseMixError("value", {
      en: sheet === undefined ? `${path} has no worksheet` : `${path} has no sheet "${sheet}"; its sheets: ${names.join(", ")}`,
      zh: sheet === undefined ? `${path} 中没有工作表` : `${path} 中没有名为“${sheet}”的工作表；现有工作表：${names.join("、")}`,
    });
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
export async function readInput(path: string, options: { sheet?: string; encoding?: Encoding } = {}): Promise<InputGrid> {
  if (!fs.existsSync(path)) {
    throw new CaseMixError("value", { en: `${path}: no such file`, zh: `${path}：文件不存在` });
  }
  if (/\.xlsx$|\.xlsm$/i.test(path)) return readXlsx(path, options.sheet);
  if (/\.xls$/i.test(path)) {
    throw new CaseMixError("value", {
      en: `${path}: the old .xls format is not read; save it as .xlsx or CSV`,
      zh: `${path}：不支持旧的 .xls 格式，请另存为 .xlsx 或 CSV`,
    });
  }
  return readCsv(path, options.encoding);
}
