/**
 * Reading the usual argument sets of the case functions: a group column, an optional `by`
 * column, optional `counts`, and numeric columns (costs, days, money), lined up row by row,
 * with the header row dropped and every bad cell reported by argument and row.
 */
import { basicCellValue } from "../engine/cellValue";
import { distinctCells, internCodes, internColumn, Interned, normalizeKey } from "../engine/codes";
import { matchHeader } from "../engine/columns";
import { SkippedRows } from "../engine/grouping";
import {
  checkNoErrorValues,
  checkSameLength,
  isBlankCell,
  isTextCell,
  mayBeErrorValue,
  readNumberColumn,
  sumTooLarge,
} from "../engine/input";
import { Lang, CaseMixError, countOf, Text } from "../engine/text";
import { weightTable, WeightTable } from "../engine/weightTable";
import { alignRows, AlignedColumn, column, columns, isOmitted } from "./args";

export interface NumericArg {
  name: string;
  arg: unknown;
  /** Several columns added across (revenue = insurance + self-pay). */
  multi?: boolean;
  allowNegative?: boolean;
}

export interface CaseArgs {
  groups: unknown;
  groupsName?: string;
  by?: unknown;
  counts?: unknown;
  numeric?: NumericArg[];
}

export interface CaseColumns {
  groups: Interned;
  by?: Interned;
  counts?: Float64Array;
  /** Per numeric argument, its columns (one unless `multi`). */
  numbers: Float64Array[][];
  firstRow: number;
  /** Rows blank in every argument: range padding (whole-column references), not data. */
  paddingRows: number;
}

/**
 * The rows that are data: not blank in every column. A row blank (or 0, as Excel may hand an
 * empty cell over) everywhere is the padding of a whole-column reference. With
 * `firstTrulyBlank`, the first column's cell must also be really empty (null or blank text)
 * for the row to be padding. Returns the indices of the data rows, or undefined when every
 * row is data.
 *
 *     dataRows([["A", "", null], [1, 0, null]])  // Int32Array [0]
 */
/** A cell a whole-column reference pads with: blank, or 0 (a data type of 0 too, as its plain value is). */
export function isPaddingCell(v: unknown): boolean {
  return isBlankCell(v) || basicCellValue(v) === 0;
}

export function dataRows(all: readonly (readonly unknown[])[], firstTrulyBlank = false): Int32Array | undefined {
  const n = all.length > 0 ? all[0].length : 0;
  const keep = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    let blank = !firstTrulyBlank || isBlankCell(all[0][i]);
    for (let j = 0; blank && j < all.length; j++) {
      const v = all[j][i];
      if (!isPaddingCell(v)) blank = false;
    }
    if (!blank) keep[m++] = i;
  }
  return m === n ? undefined : keep.subarray(0, m);
}

/**
 * The case columns of a custom function's arguments, header row dropped, padding rows counted.
 * One-column ranges (the usual shape) are read directly: codes interned straight from the
 * range (reusing an earlier interning of an identical column), error values looked for among
 * the distinct cells only, numbers read straight into a Float64Array. Other shapes (several
 * columns, a single row, `multi` numeric arguments) go through `alignRows`. Both paths give
 * the same results and the same errors in the same order.
 *
 *     readCaseArgs({ groups: [["DRG"], ["A"], ["B"]], numeric: [{ name: "costs", arg: [["Cost"], [10], [20]] }] })
 *     // groups A, B (ids 0, 1), numbers [[Float64Array [10, 20]]], firstRow 2, paddingRows 0
 */
export function readCaseArgs(args: CaseArgs): CaseColumns {
  const groupsName = args.groupsName ?? "groups";
  const hasBy = !isOmitted(args.by);
  const hasCounts = !isOmitted(args.counts);
  const numeric = args.numeric ?? [];
  const ranges: unknown[] = [args.groups];
  const names: string[] = [groupsName];
  if (hasBy) {
    ranges.push(args.by);
    names.push("by");
  }
  for (const spec of numeric) {
    if (spec.multi) return readCaseArgsAligned(args);
    ranges.push(spec.arg);
    names.push(spec.name);
  }
  if (hasCounts) {
    ranges.push(args.counts);
    names.push("counts");
  }
  for (const r of ranges) if (!isColumnRange(r)) return readCaseArgsAligned(args);
  const cols = ranges as unknown[][];

  // As alignRows: sizes, then the header row.
  for (let j = 1; j < cols.length; j++) {
    checkSameLength({ name: names[0], length: cols[0].length }, { name: names[j], length: cols[j].length });
  }
  const codeCount = hasBy ? 2 : 1;
  let header: boolean;
  if (cols.length > codeCount) {
    header = true;
    for (let j = codeCount; j < cols.length; j++) if (!isTextCell(firstCell(cols[j], 0))) header = false;
  } else header = matchHeader(firstCell(cols[0], 0)) !== undefined;
  const start = header ? 1 : 0;
  const firstRow = header ? 2 : 1;

  // Codes, checked for error values among their distinct cells.
  const groups = internColumn(cols[0], start);
  const by = hasBy ? internColumn(cols[1], start, normalizeKey) : undefined;
  const interned = by ? [groups, by] : [groups];
  interned.forEach((it, j) => {
    const raws = distinctCells(it) ?? [];
    if (raws.some(mayBeErrorValue)) {
      const flat: unknown[] = [];
      for (let i = start; i < cols[j].length; i++) flat.push(firstCell(cols[j], i));
      checkNoErrorValues(flat, names[j], firstRow);
    }
  });

  // Padding rows: blank in every argument (0 counts as blank but in the group column); their
  // group cell is blank, so their id is -1.
  const n = groups.ids.length;
  let paddingRows = 0;
  if (groups.empty > 0) {
    for (let i = 0; i < n; i++) {
      if (groups.ids[i] >= 0 || !isBlankCell(firstCell(cols[0], i + start))) continue;
      let blank = true;
      for (let j = 1; blank && j < cols.length; j++) {
        const v = firstCell(cols[j], i + start);
        if (!isPaddingCell(v)) blank = false;
      }
      if (blank) paddingRows++;
    }
  }
  const numbers = numeric.map((spec, k) => [
    readNumberRange(cols[codeCount + k], start, spec.name, firstRow, spec.allowNegative ?? false),
  ]);
  const counts = hasCounts ? readNumberRange(cols[cols.length - 1], start, "counts", firstRow, false) : undefined;
  return { groups, by, counts, numbers, firstRow, paddingRows };
}

/** A plain one-column range: an array whose first row is an array of one cell. */
function isColumnRange(arg: unknown): arg is unknown[] {
  return Array.isArray(arg) && arg.length > 0 && Array.isArray(arg[0]) && (arg[0] as unknown[]).length === 1;
}

function firstCell(range: readonly unknown[], i: number): unknown {
  const row = range[i];
  return Array.isArray(row) ? row[0] : row;
}

/**
 * Numbers of a one-column range from row `start` on, as readNumberColumn reads them: plain
 * numbers directly, anything else (blank, text, negative...) through readNumberColumn, so the
 * messages are the same.
 */
function readNumberRange(
  range: readonly unknown[],
  start: number,
  argName: string,
  firstRow: number,
  allowNegative: boolean,
): Float64Array {
  const n = range.length - start;
  const out = new Float64Array(n);
  let size = 0;
  for (let i = 0; i < n; i++) {
    const row = range[i + start];
    const raw = Array.isArray(row) ? row[0] : row;
    if (typeof raw === "number" && raw - raw === 0 && (raw >= 0 || allowNegative)) out[i] = raw;
    else out[i] = readNumberColumn([raw], argName, { firstRow: i + firstRow, allowNegative })[0];
    const v = out[i];
    if (v === v) size += v < 0 ? -v : v;
  }
  if (size === Infinity) throw sumTooLarge(argName);
  return out;
}

/** readCaseArgs for any argument shape: through column / columns and alignRows. */
function readCaseArgsAligned(args: CaseArgs): CaseColumns {
  const groupsName = args.groupsName ?? "groups";
  const codeColumns: AlignedColumn[] = [{ name: groupsName, cells: column(args.groups, groupsName) }];
  const hasBy = !isOmitted(args.by);
  if (hasBy) codeColumns.push({ name: "by", cells: column(args.by, "by") });
  const numericColumns: AlignedColumn[] = [];
  const numericSlots: { arg: number; allowNegative: boolean; name: string }[] = [];
  (args.numeric ?? []).forEach((spec, argIndex) => {
    const cols = spec.multi ? columns(spec.arg, spec.name) : [column(spec.arg, spec.name)];
    for (const cells of cols) {
      numericColumns.push({ name: spec.name, cells });
      numericSlots.push({ arg: argIndex, allowNegative: spec.allowNegative ?? false, name: spec.name });
    }
  });
  const hasCounts = !isOmitted(args.counts);
  if (hasCounts) numericColumns.push({ name: "counts", cells: column(args.counts, "counts") });

  const aligned = alignRows(codeColumns, numericColumns);
  const { firstRow } = aligned;
  aligned.codes.forEach((cells, j) => checkNoErrorValues(cells, codeColumns[j].name, firstRow));
  const all = [...aligned.codes, ...aligned.numbers];
  const kept = dataRows(all, true);
  const paddingRows = kept ? all[0].length - kept.length : 0;

  const numbers: Float64Array[][] = (args.numeric ?? []).map(() => []);
  numericSlots.forEach((slot, j) => {
    numbers[slot.arg].push(
      readNumberColumn(aligned.numbers[j], slot.name, { firstRow, allowNegative: slot.allowNegative }),
    );
  });
  const counts = hasCounts
    ? readNumberColumn(aligned.numbers[aligned.numbers.length - 1], "counts", { firstRow })
    : undefined;
  return {
    groups: internCodes(aligned.codes[0]),
    by: hasBy ? internCodes(aligned.codes[1], normalizeKey) : undefined,
    counts,
    numbers,
    firstRow,
    paddingRows,
  };
}

/** The first two columns of a range as a weight (or benchmark) table. */
export function readTableArg(arg: unknown, argName: string): WeightTable {
  const cols = columns(arg, argName);
  if (cols.length < 2) {
    throw new CaseMixError("value", {
      en: `${argName} needs two columns, group code then value; it has ${cols.length}`,
      zh: `${argName} 需要两列：病组编码和数值；当前只有 ${cols.length} 列`,
    });
  }
  return weightTable(cols[0], cols[1], { argName });
}

/**
 * The part of a skipped note for cases left out because their group has no weight (missing =
 * "exclude"), naming the first three groups; none when no case was left out.
 *
 *     missingWeightPart(1, ["FR23"])  // [{ en: "1 case in groups without a weight (FR23)", ... }]
 */
export function missingWeightPart(excludedCases: number, missingCodes: readonly string[]): Text[] {
  if (!(excludedCases > 0)) return [];
  const first = missingCodes.slice(0, 3);
  const more = missingCodes.length > 3;
  return [
    {
      en: `${countOf(excludedCases, "case")} in groups without a weight (${first.join(", ")}${more ? ", ..." : ""})`,
      zh: `${excludedCases} 例所属病组没有权重（${first.join("、")}${more ? "等" : ""}）`,
    },
  ];
}

/**
 * The parts of a skipped note, in the user's language: "2 with an empty group", ... (padding
 * rows are not data and not counted); empty when nothing was skipped.
 */
export function skippedParts(
  skipped: SkippedRows,
  paddingRows: number,
  lang: Lang,
  valueName: { en: string; zh: string } = { en: "value", zh: "数值" },
  extra: { en: string; zh: string }[] = [],
): string[] {
  const emptyGroup = Math.max(0, skipped.emptyGroup - paddingRows);
  const parts: string[] = [];
  if (lang === "zh") {
    if (emptyGroup) parts.push(`${emptyGroup} 行病组为空`);
    if (skipped.emptyKey) parts.push(`${skipped.emptyKey} 行 by 为空`);
    if (skipped.noCases) parts.push(`${skipped.noCases} 行病例数为空或为 0`);
    if (skipped.missingValue) parts.push(`${skipped.missingValue} 行${valueName.zh}为空`);
    for (const e of extra) parts.push(e.zh);
  } else {
    if (emptyGroup) parts.push(`${emptyGroup} with an empty group`);
    if (skipped.emptyKey) parts.push(`${skipped.emptyKey} with an empty by`);
    if (skipped.noCases) parts.push(`${skipped.noCases} with blank or zero counts`);
    if (skipped.missingValue) parts.push(`${skipped.missingValue} with a blank ${valueName.en}`);
    for (const e of extra) parts.push(e.en);
  }
  return parts;
}

/** A last spill row of `width` cells holding the note made of `parts`; undefined without parts. */
export function noteRow(parts: readonly string[], width: number, lang: Lang): unknown[] | undefined {
  if (parts.length === 0) return undefined;
  const label = lang === "zh" ? `（已跳过：${parts.join("，")}）` : `(skipped: ${parts.join(", ")})`;
  const row: unknown[] = [label];
  for (let i = 1; i < width; i++) row.push("");
  return row;
}

/**
 * A last spill row saying how many rows were skipped and why, so that no row disappears
 * silently; undefined when nothing was skipped (padding rows are not data and not counted).
 */
export function skippedNote(
  skipped: SkippedRows,
  paddingRows: number,
  width: number,
  lang: Lang,
  valueName: { en: string; zh: string } = { en: "value", zh: "数值" },
  extra: { en: string; zh: string }[] = [],
): unknown[] | undefined {
  return noteRow(skippedParts(skipped, paddingRows, lang, valueName, extra), width, lang);
}
