/**
 * Excel argument shapes. Ranges arrive as 2-D arrays (`any[][]`); an omitted optional
 * argument arrives as null or undefined; a single cell typed as a matrix arrives as [[x]].
 * These helpers turn them into columns for the engine, with messages that name the argument;
 * a data-type cell comes out as its basic value (src/engine/cellValue.ts).
 */
import { basicCellValue } from "../engine/cellValue";
import { matchHeader } from "../engine/columns";
import { cellNumber, checkSameLength, isBlankCell, isTextCell } from "../engine/input";
import { CaseMixError } from "../engine/text";

export type Matrix = unknown[][];

/** True when an optional argument was left out (or is a single empty cell). */
export function isOmitted(arg: unknown): boolean {
  if (arg === null || arg === undefined) return true;
  if (Array.isArray(arg)) {
    if (arg.length === 0) return true;
    // [[]]: a range with no cells at all.
    if (arg.every((row) => Array.isArray(row) && row.length === 0)) return true;
    if (arg.length === 1 && Array.isArray(arg[0]) && arg[0].length === 1) return isBlankCell(arg[0][0]);
    return false;
  }
  return isBlankCell(arg);
}

function asMatrix(arg: unknown): Matrix {
  if (Array.isArray(arg)) return arg.map((row) => (Array.isArray(row) ? row : [row]));
  return [[arg]];
}

/**
 * One column (or one row) of cells as a flat list. A range of several rows and several
 * columns is an error: the function wanted one column.
 */
export function column(arg: unknown, argName: string): unknown[] {
  const m = asMatrix(arg);
  if (m.length === 0) return [];
  const width = m[0].length;
  if (width === 1) {
    const out = new Array<unknown>(m.length);
    for (let i = 0; i < m.length; i++) out[i] = basicCellValue(m[i][0]);
    return out;
  }
  if (m.length === 1) return m[0].map(basicCellValue);
  throw new CaseMixError("value", {
    en: `${argName} must be a single column; it has ${m.length} rows and ${width} columns`,
    zh: `${argName} 必须是单列；它有 ${m.length} 行 ${width} 列`,
  });
}

/** Every column of a range, e.g. several cost columns that are added across. */
export function columns(arg: unknown, argName: string): unknown[][] {
  const m = asMatrix(arg);
  if (m.length === 0) return [];
  const width = m[0].length;
  const out: unknown[][] = [];
  for (let j = 0; j < width; j++) {
    const col = new Array<unknown>(m.length);
    for (let i = 0; i < m.length; i++) {
      const row = m[i];
      if (row.length !== width) {
        throw new CaseMixError("value", {
          en: `${argName} row ${i + 1} has ${row.length} cells but the first row has ${width}`,
          zh: `${argName} 第 ${i + 1} 行有 ${row.length} 个单元格，而第 1 行有 ${width} 个`,
        });
      }
      col[i] = basicCellValue(row[j]);
    }
    out.push(col);
  }
  return out;
}

/** A single value: a scalar argument, or the one cell of a 1x1 range. */
export function scalar(arg: unknown): unknown {
  if (!Array.isArray(arg)) return basicCellValue(arg);
  if (arg.length === 0) return null;
  const first = arg[0];
  return basicCellValue(Array.isArray(first) ? first[0] : first);
}

/** An optional text option such as `trim` or `result`, checked against its allowed values. */
export function optionArg<T extends string>(arg: unknown, argName: string, allowed: readonly T[], fallback: T): T {
  const value = scalar(arg);
  if (isBlankCell(value)) return fallback;
  const s = String(value).trim().toLowerCase();
  const hit = allowed.find((a) => a.toLowerCase() === s);
  if (hit !== undefined) return hit;
  throw new CaseMixError("value", {
    en: `${argName}: "${String(value)}" is not one of ${allowed.join(", ")}`,
    zh: `${argName}："${String(value)}" 不是可选值之一（${allowed.join("、")}）`,
  });
}

/** An optional number option such as `trim_k` or `min_cases`. */
export function numberArg(
  arg: unknown,
  argName: string,
  fallback: number,
  check?: { min?: number; integer?: boolean; minExclusive?: boolean },
): number {
  const value = scalar(arg);
  if (isBlankCell(value)) return fallback;
  const n = cellNumber(value);
  const bad =
    n === undefined ||
    Number.isNaN(n) ||
    (check?.min !== undefined && (check.minExclusive ? n <= check.min : n < check.min)) ||
    (check?.integer === true && !Number.isInteger(n));
  if (bad) {
    const rule =
      check?.min !== undefined
        ? `${check.integer ? "a whole number" : "a number"} ${check.minExclusive ? "above" : "of at least"} ${check.min}`
        : "a number";
    const ruleZh =
      check?.min !== undefined
        ? `${check.minExclusive ? "大于" : "不小于"} ${check.min} 的${check.integer ? "整数" : "数"}`
        : "数字";
    throw new CaseMixError("value", {
      en: `${argName}: "${String(value)}" must be ${rule}`,
      zh: `${argName}："${String(value)}" 应为${ruleZh}`,
    });
  }
  return n as number;
}

/** A list of numbers given as a range or as text such as "1,2,7" (year weights, shares). */
export function numberListArg(arg: unknown, argName: string): number[] | undefined {
  if (isOmitted(arg)) return undefined;
  let cells: unknown[];
  const single = scalar(arg);
  if (typeof single === "string" && (!Array.isArray(arg) || asMatrix(arg).flat().length === 1)) {
    cells = single.split(/[,，;；:：\s]+/).filter((s) => s !== "");
  } else {
    cells = asMatrix(arg)
      .flat()
      .filter((c) => !isBlankCell(c));
  }
  return cells.map((cell, i) => {
    const n = cellNumber(cell);
    if (n === undefined || Number.isNaN(n) || n < 0) {
      throw new CaseMixError("value", {
        en: `${argName} item ${i + 1}: "${String(cell)}" is not a number of zero or more`,
        zh: `${argName} 第 ${i + 1} 项："${String(cell)}" 不是大于或等于 0 的数`,
      });
    }
    return n;
  });
}

export interface AlignedColumn {
  name: string;
  cells: unknown[];
}

/**
 * Checks that the columns line up, and drops a header row: the first row is a header when
 * it is text in every numeric column, or, for functions without numeric columns, when the
 * first code cell is a known header word (DRG编码, 科室, ...). Returns the data cells and the
 * row number of the first data row (1 when there is no header, 2 after one).
 */
export function alignRows(
  codeColumns: AlignedColumn[],
  numericColumns: AlignedColumn[],
): { codes: unknown[][]; numbers: unknown[][]; firstRow: number } {
  const all = [...codeColumns, ...numericColumns];
  const reference = all[0];
  for (const c of all.slice(1)) {
    checkSameLength({ name: reference.name, length: reference.cells.length }, { name: c.name, length: c.cells.length });
  }
  const n = reference.cells.length;
  let header = false;
  if (n > 0) {
    header =
      numericColumns.length > 0
        ? numericColumns.every((c) => isTextCell(c.cells[0]))
        : codeColumns.length > 0 && matchHeader(codeColumns[0].cells[0]) !== undefined;
  }
  const strip = (c: AlignedColumn) => (header ? c.cells.slice(1) : c.cells);
  return { codes: codeColumns.map(strip), numbers: numericColumns.map(strip), firstRow: header ? 2 : 1 };
}

/** A spill with no rows cannot be shown: say why with #N/A instead. */
export function nonEmpty(rows: unknown[][]): unknown[][] {
  if (rows.length > 0) return rows;
  throw new CaseMixError("na", {
    en: "no rows to show: every row was empty or skipped",
    zh: "没有可显示的结果：所有行都为空或被跳过",
  });
}
