/**
 * Input normalization for numeric cells, shared by the custom functions and the command line.
 *
 * A numeric cell is a finite number, or text that reads fully as one (hospital information
 * systems often export numbers stored as text: "12,345.60", full-width digits). Empty cells
 * (null, undefined, blank text) are "missing" and come back as NaN for the caller to skip
 * and count. Anything else (words, booleans, Excel error values) is an error that names the
 * argument and the row. A data-type cell (src/engine/cellValue.ts) is read as its basic value.
 */
import { basicCellValue, isDataTypeCell } from "./cellValue";
import { CaseMixError, quoteCell } from "./text";

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function isBlankCell(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  return isDataTypeCell(value) && isBlankCell(basicCellValue(value));
}

/** Folds full-width digits and signs, strips thousands separators and spaces. */
function cleanNumberText(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) continue;
    else out += s[i];
  }
  return out.replace(/[,\s]/g, "");
}

/** The number in a cell, NaN when blank, undefined when the cell holds no number. */
export function cellNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (isDataTypeCell(value)) return cellNumber(basicCellValue(value));
  if (isBlankCell(value)) return NaN;
  if (typeof value === "string") {
    const s = cleanNumberText(value);
    if (!NUMBER_TEXT.test(s)) return undefined;
    const n = Number(s);
    // "1e400" reads as Infinity: not a number a cell can hold.
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** True for text that is not a number: what a header cell looks like. */
export function isTextCell(value: unknown): boolean {
  if (isDataTypeCell(value)) return isTextCell(basicCellValue(value));
  return typeof value === "string" && value.trim() !== "" && cellNumber(value) === undefined;
}

export interface NumberColumnOptions {
  /** Added to the 0-based index to give the row number shown in messages (default 1). */
  firstRow?: number;
  /** Accept negative numbers (default false: costs, days and counts cannot be negative). */
  allowNegative?: boolean;
}

/** Reads a column of numeric cells; blank cells become NaN. */
export function readNumberColumn(
  values: ArrayLike<unknown>,
  argName: string,
  options: NumberColumnOptions = {},
): Float64Array {
  const firstRow = options.firstRow ?? 1;
  const allowNegative = options.allowNegative ?? false;
  const n = values.length;
  const out = new Float64Array(n);
  let size = 0;
  for (let i = 0; i < n; i++) {
    const raw = values[i];
    let v: number | undefined;
    if (typeof raw === "number" && raw === raw && raw !== Infinity && raw !== -Infinity) v = raw;
    else v = cellNumber(raw);
    if (v === undefined) throw notANumber(argName, i + firstRow, raw);
    if (v < 0 && !allowNegative) throw negativeNumber(argName, i + firstRow, v);
    out[i] = v;
    if (v === v) size += v < 0 ? -v : v;
  }
  if (size === Infinity) throw sumTooLarge(argName);
  return out;
}

/**
 * The error for a column whose numbers add up to more than a double holds (about 1.8e308):
 * every sum and mean over it would be Infinity, and a weight divided by it 0. Costs, days and
 * counts that large are not data, so the column is refused as out of range (#NUM!).
 */
export function sumTooLarge(argName: string): CaseMixError {
  return new CaseMixError("num", {
    en: `${argName}: the numbers add up to more than 1.8e308, the largest number Excel holds; sums and means over them cannot be computed`,
    zh: `${argName}：这些数之和超过 1.8e308（Excel 能表示的最大数），无法求和或求平均`,
  });
}

/**
 * True for an Excel error value: a JavaScript Error, an error object as Excel hands it to a
 * custom function (`{code: "#N/A", message?}`), text that spells one (`#N/A`, `#DIV/0!`), or
 * an error-typed data-type cell.
 */
export function isErrorValue(value: unknown): boolean {
  if (value instanceof Error) return true;
  if (isDataTypeCell(value)) return isErrorValue(basicCellValue(value));
  if (typeof value === "string") return /^#[A-Z/0!?]+[!?]?$/i.test(value.trim());
  if (typeof value === "object" && value !== null) {
    const code = (value as { code?: unknown }).code;
    return typeof code === "string" && code.startsWith("#");
  }
  return false;
}

/**
 * `isErrorValue` with the cheap tests first, for loops over every cell of a column: only
 * objects and text holding "#" can be error values.
 */
export function mayBeErrorValue(v: unknown): boolean {
  const suspect = typeof v === "object" ? v !== null : typeof v === "string" && v.indexOf("#") >= 0;
  return suspect && isErrorValue(v);
}

/**
 * Throws #VALUE! naming the argument and the row at the first Excel error value in a column
 * of codes or keys: a #N/A left by a failed lookup is not a group or a unit, and taking it as
 * one would show a label such as "#N/A" or "[object Object]" beside real numbers. Every reader
 * of codes and keys calls this (or `mayBeErrorValue` on the distinct cells, then this).
 */
export function checkNoErrorValues(cells: ArrayLike<unknown>, argName: string, firstRow: number): void {
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (mayBeErrorValue(v)) throw errorValueInCell(argName, i + firstRow, v);
  }
}

/** How an error value is quoted in a message: its code (`"#N/A"`), not the object. */
function quoteError(raw: unknown): string {
  const value = basicCellValue(raw);
  if (typeof value === "object" && value !== null && !(value instanceof Error)) {
    return quoteCell((value as { code: string }).code);
  }
  return quoteCell(value);
}

/** The error for an Excel error value in a cell where data was expected (codes, keys). */
export function errorValueInCell(argName: string, row: number, raw: unknown): CaseMixError {
  return new CaseMixError("value", {
    en: `${argName} row ${row}: ${quoteError(raw)} is an error value`,
    zh: `${argName} 第 ${row} 行：${quoteError(raw)} 是错误值`,
  });
}

export function notANumber(argName: string, row: number, raw: unknown): CaseMixError {
  if (isErrorValue(raw)) {
    return new CaseMixError("value", {
      en: `${argName} row ${row}: ${quoteError(raw)} is an error value, not a number`,
      zh: `${argName} 第 ${row} 行：${quoteError(raw)} 是错误值，不是数字`,
    });
  }
  return new CaseMixError("value", {
    en: `${argName} row ${row}: ${quoteCell(raw)} is not a number`,
    zh: `${argName} 第 ${row} 行：${quoteCell(raw)} 不是数字`,
  });
}

export function negativeNumber(argName: string, row: number, value: number): CaseMixError {
  return new CaseMixError("value", {
    en: `${argName} row ${row}: ${value} is negative; it must be zero or more`,
    zh: `${argName} 第 ${row} 行：${value} 是负数，应大于或等于 0`,
  });
}

/** Checks that columns that must line up have the same length. */
export function checkSameLength(
  reference: { name: string; length: number },
  other: { name: string; length: number },
): void {
  if (reference.length !== other.length) {
    throw new CaseMixError("value", {
      en: `${other.name} has ${other.length} rows but ${reference.name} has ${reference.length}; they must be the same size`,
      zh: `${other.name} 有 ${other.length} 行，而 ${reference.name} 有 ${reference.length} 行，两者大小必须相同`,
    });
  }
}
