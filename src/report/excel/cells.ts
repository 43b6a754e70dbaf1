/**
 * Cell values as the Excel API receives them, and what they cost in a request.
 *
 * Text cells that Excel would read as something else (a formula "=...", a number "0101", a
 * date "2024-03-05", a boolean) are written with a leading apostrophe, which Excel keeps as
 * the "text" marker and does not show. Numbers that are not finite are written as blanks.
 */
import { CellValue } from "../model";

export type ExcelValue = string | number | boolean;

/**
 * The value to send for a model cell: a string Excel would read as a formula, number, date
 * or boolean gets a leading apostrophe; NaN and infinities become blanks.
 *
 *     excelCell("=1+1")   // "'=1+1"
 *     excelCell("0101")   // "'0101"
 *     excelCell("GB11")   // "GB11"
 */
export function excelCell(value: CellValue | undefined): ExcelValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value;
  return excelText(value);
}

const MONTH_START = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s./-]*\d/i;

function excelText(s: string): string {
  if (s === "") return s;
  const c = s.charCodeAt(0);
  // = + - @ ' start formulas or are eaten by Excel; digits, signs, currency and brackets may
  // make a number or a date; TRUE/FALSE become booleans; "Mar 2024" becomes a date.
  if (c === 61 || c === 43 || c === 45 || c === 64 || c === 39) return "'" + s;
  const t = s.trim();
  if (t === "" || /^[\d.,(\\$¥€£:/]/.test(t) || /^(true|false)$/i.test(t) || MONTH_START.test(t)) return "'" + s;
  if (t !== s && /^[+\-=@]/.test(t)) return "'" + s;
  return s;
}

/** The cells of a model row, `width` wide. */
export function rowCells(row: readonly CellValue[], width: number): ExcelValue[] {
  const out = new Array<ExcelValue>(width);
  for (let j = 0; j < width; j++) out[j] = excelCell(row[j]);
  return out;
}

/** Bytes a cell takes in the JSON of a request (UTF-8, with its comma). */
export function cellBytes(value: ExcelValue): number {
  if (typeof value === "number") return String(value).length + 1;
  if (typeof value === "boolean") return value ? 5 : 6;
  let bytes = 3;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20) bytes += 6;
    else if (c === 34 || c === 92) bytes += 2;
    else if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

/** Bytes of a row of cells in a request. */
export function rowBytes(cells: readonly ExcelValue[]): number {
  let bytes = 2;
  for (let j = 0; j < cells.length; j++) bytes += cellBytes(cells[j]);
  return bytes;
}
