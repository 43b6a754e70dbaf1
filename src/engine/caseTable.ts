/**
 * A case table (病案首页 export): one row a case, or one row an aggregate with a `cases`
 * count, read from a grid of cells (an Excel range, an .xlsx sheet, a CSV file) into typed
 * columns, DOMAIN.md "Inputs".
 *
 * - The header row is found among the first rows (exports often have title lines above it):
 *   the row naming the most canonical columns, one of them the DRG group.
 * - Headers map to canonical columns with `detectCaseColumns` (columnDetection.ts): header
 *   words, the fee items and payments of the front page and the settlement list, sums of several
 *   columns (drugs, materials, patient payment, the five categories). The caller can override
 *   any column, with a sum too.
 * - Numeric columns are read with `readNumberColumn`: the same rules and messages as the custom
 *   functions, naming the header and the row number of the source (`住院总费用 row 501: "n/a"
 *   is not a number`). Blank cells become NaN. Money received (insurance, self-pay) may be
 *   negative (refunds); costs, days and counts may not. A column fed by several source columns
 *   is their sum per row, a blank part counting as 0 (`addAcross`).
 * - A row whose five categories do not add up to its total cost (beyond 1 yuan) is kept and
 *   counted in `flagged`, with the row numbers of the first ones.
 * - The year comes from a year column, or else from the discharge date (`2024-03-05`,
 *   `2024/3/5`, `20240305`, an Excel date serial or a Date).
 * - The died column is read with `readDied` (mortalityRisk.ts), the rule of the custom
 *   functions: its header (离院方式 or 是否死亡) or its values decide flag or discharge way,
 *   and a column of only 1s that neither decides is an error unless `died` settles it.
 * - Rows are counted: blank rows (every cell blank) and rows with an empty group are reported
 *   so that no row disappears silently.
 *
 *     readCaseTable([["DRG编码", "住院总费用(元)"], ["GB11", "12,000"], ["", ""]])
 *     // groups.codes ["GB11"], totalCost [12000, NaN], skipped { blankRows: 1, emptyGroup: 0 }
 */
import { internCodes, Interned, internIndexed, normalizeCode, normalizeKey } from "./codes";
import {
  applyOverrides,
  ColumnDetection,
  ColumnMapping,
  ColumnSources,
  detectCaseColumns,
  firstOfSources,
  MappingOverride,
} from "./columnDetection";
import { COLUMN_TITLES, ColumnName, HEADER_WORDS } from "./columns";
import { excelSerialDate, isDateSerial, monthOf, periodKey } from "./dates";
import { CATEGORY_COLUMNS, ExportLayout, RecognisedItem } from "./exportLayouts";
import { isBlankCell, readNumberColumn } from "./input";
import { addAcross } from "./margins";
import { DiedDecision, DiedEncoding, readDied } from "./mortalityRisk";
import { CaseMixError, quoteCell } from "./text";

/** A rectangular block of cells, read by row or by column. */
export interface Grid {
  rowCount: number;
  columnCount: number;
  cell(row: number, column: number): unknown;
  /** The cells of a column from row `from` to the end. */
  column(column: number, from: number): ArrayLike<unknown>;
  /**
   * Optional fast path for text sources: the column read as numbers (blank = NaN) when every
   * cell is a plain decimal (and none is negative unless allowed), else undefined, and the
   * caller reads `column()` with `readNumberColumn`, which then names the offending cell. It
   * must give exactly what `readNumberColumn` gives for such cells.
   */
  numbers?(column: number, from: number, allowNegative: boolean): Float64Array | undefined;
  /**
   * Optional fast path for sources that intern text while reading: the cells of a column from
   * row `from` as their distinct values, in order of first appearance, and per row the index
   * of its value, or undefined when the source does not hold the column that way. Reading
   * `column()` gives `distinct[rawIndex[i]]` for row `from + i`.
   */
  codes?(column: number, from: number): IndexedCells | undefined;
  /**
   * Optional, for sources that keep only some columns: whether every cell of a row is blank,
   * the columns left out included.
   */
  rowBlank?(row: number): boolean;
}

/** A column as its distinct cells and, per row, the index of its cell (see `Grid.codes`). */
export interface IndexedCells {
  rawIndex: Int32Array;
  distinct: readonly unknown[];
}

/** A grid over row arrays (Excel `values`, ExcelJS rows); short rows read as blank. */
export function gridFromRows(rows: readonly (readonly unknown[])[]): Grid {
  let columnCount = 0;
  for (const row of rows) if (row.length > columnCount) columnCount = row.length;
  return {
    rowCount: rows.length,
    columnCount,
    cell: (r, c) => rows[r][c],
    column(c, from) {
      const out = new Array<unknown>(Math.max(0, rows.length - from));
      for (let r = from; r < rows.length; r++) out[r - from] = rows[r][c];
      return out;
    },
  };
}

/** A grid over column arrays (a column-wise CSV parse); short columns read as blank. */
export function gridFromColumns(columns: readonly (readonly unknown[])[]): Grid {
  let rowCount = 0;
  for (const col of columns) if (col.length > rowCount) rowCount = col.length;
  return {
    rowCount,
    columnCount: columns.length,
    cell: (r, c) => columns[c][r],
    column(c, from) {
      const col = columns[c];
      if (col.length === rowCount) return col.slice(from);
      const out = new Array<unknown>(Math.max(0, rowCount - from));
      for (let r = from; r < rowCount; r++) out[r - from] = col[r];
      return out;
    },
  };
}

export type { ColumnMapping, ColumnSources, MappingOverride } from "./columnDetection";
export { detectCaseColumns } from "./columnDetection";

/** How many rows from the top are searched for the header row. */
export const HEADER_SCAN_ROWS = 30;

/**
 * The 0-based index of the header row: among the first rows, the one that names the most
 * canonical columns, the DRG group among them (the first such row on a tie); -1 when none.
 */
export function findHeaderRow(grid: Grid, scanRows = HEADER_SCAN_ROWS): number {
  let best = -1;
  let bestScore = 0;
  const limit = Math.min(grid.rowCount, scanRows);
  for (let r = 0; r < limit; r++) {
    const headers: unknown[] = [];
    for (let c = 0; c < grid.columnCount; c++) headers.push(grid.cell(r, c));
    const { columns } = detectCaseColumns(headers);
    if (columns.drg === undefined) continue;
    const score = Object.keys(columns).length;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

/** Columns read as money received: they may be negative (refunds). */
const SIGNED: ReadonlySet<ColumnName> = new Set<ColumnName>(["insurancePaid", "selfPay"]);

const NUMERIC: readonly ColumnName[] = [
  "cases",
  "totalCost",
  "los",
  "insurancePaid",
  "selfPay",
  "drugCost",
  "materialCost",
  "allocatedDirect",
  "allocatedAux",
  "allocatedAdmin",
  "catMedical",
  "catNursing",
  "catTech",
  "catDrug",
  "catAdmin",
  "weight",
];

export type NumericColumnName =
  | "cases"
  | "totalCost"
  | "los"
  | "insurancePaid"
  | "selfPay"
  | "drugCost"
  | "materialCost"
  | "allocatedDirect"
  | "allocatedAux"
  | "allocatedAdmin"
  | "catMedical"
  | "catNursing"
  | "catTech"
  | "catDrug"
  | "catAdmin"
  | "weight";

export interface CaseTableOptions {
  /** Corrections of the detected mapping. */
  mapping?: MappingOverride;
  /** 0-based index of the header row in the grid; found with `findHeaderRow` when omitted. */
  headerRow?: number;
  /** Row number of the grid's first row in the source, for messages (default 1). */
  firstRow?: number;
  /** Only these columns are read (default: every mapped column); the others are left out. */
  columns?: readonly ColumnName[];
  /** Columns that must be present: their absence is an error naming all of them. */
  required?: readonly ColumnName[];
  /** How the died column is read when its header and values leave it open (`decideDiedKinds`). */
  died?: DiedDecision;
}

export interface CaseTableSkips {
  /** Rows whose every cell is blank. */
  blankRows: number;
  /** Other rows whose group cell is empty. */
  emptyGroup: number;
}

export interface CaseTable {
  /** Data rows below the header, blank ones included. */
  rowCount: number;
  /** Row number (in the source) of the header and of the first data row. */
  headerRowNumber: number;
  firstDataRow: number;
  headers: string[];
  /** Canonical column -> 0-based column index, after overrides. */
  mapping: ColumnMapping;
  /** Canonical column -> the source columns added up into it, after overrides. */
  sources: ColumnSources;
  /** Every column added up into drugCost (西药费 + 中成药费 + 中草药费): `sources.drugCost`. */
  drugCostParts: number[];
  /** The export layout its fee items say (front page or settlement list), if any. */
  layout?: ExportLayout;
  /** Headers recognised as fee items, "of which" items among them (they feed nothing). */
  feeItems: RecognisedItem[];
  groups: Interned;
  /** Name of each group (by interned id): the first non-empty name in its rows, else "". */
  groupNames: string[];
  /** A second group column of the same cases (医保 DRG beside 医疗 DRG), codes as `groups`; empty id -1. */
  drgB?: Interned;
  department?: Interned;
  doctor?: Interned;
  hospital?: Interned;
  /** Year of each row, from the year column or the discharge date. */
  years?: Interned;
  /** Month of each row ("2024-03") from the discharge date; empty (id -1) when blank or not a date. */
  months?: Interned;
  /** The period column (统计期, 月份) as written (a date as its month, `periodKey`); empty (id -1) when blank. */
  periods?: Interned;
  numbers: Partial<Record<NumericColumnName, Float64Array>>;
  /** Deaths per row (0/1, or a number of deaths with counts), with the encoding read. */
  deaths?: Float64Array;
  diedEncoding?: DiedEncoding;
  skipped: CaseTableSkips;
  /** Rows kept but flagged (read, not dropped). */
  flagged: CaseTableFlags;
}

export interface CaseTableFlags {
  /**
   * Rows with a group whose five categories do not add up to the total cost (beyond
   * CATEGORY_TOLERANCE); counted only when all five and the total are read.
   */
  categoryMismatch: number;
  /** Source row numbers of the first of them (at most 10). */
  categoryMismatchRows: number[];
}

/** How far (in money) the five categories may be from the total cost: DOMAIN's 1 yuan. */
export const CATEGORY_TOLERANCE = 1;

function columnLabel(column: ColumnName, lang: "en" | "zh"): string {
  const words = HEADER_WORDS[column].slice(0, 3).join(lang === "zh" ? "、" : ", ");
  return lang === "zh"
    ? `${COLUMN_TITLES[column].zh}（表头如 ${words}）`
    : `${COLUMN_TITLES[column].en.toLowerCase()} (a header such as ${words})`;
}

/** Required columns that no header names; `missing` lets a caller add how to map them. */
export class MissingColumnsError extends CaseMixError {
  constructor(
    readonly missing: readonly ColumnName[],
    readonly headers: readonly string[],
  ) {
    const seen = headers.filter((h) => h !== "").slice(0, 20);
    super("value", {
      en: `missing column${missing.length === 1 ? "" : "s"}: ${missing.map((c) => columnLabel(c, "en")).join("; ")}. Headers found: ${seen.join(", ")}`,
      zh: `缺少列：${missing.map((c) => columnLabel(c, "zh")).join("；")}。找到的表头：${seen.join("、")}`,
    });
  }
}

/** The error for required columns that no header names. */
export function missingColumnsError(missing: readonly ColumnName[], headers: readonly string[]): MissingColumnsError {
  return new MissingColumnsError(missing, headers);
}

/** Each group code's name ("" when its rows give none), for tables keyed by code. */
export function groupNamesByCode(table: Pick<CaseTable, "groups" | "groupNames">): Map<string, string> {
  const names = new Map<string, string>();
  table.groups.codes.forEach((code, g) => names.set(code, table.groupNames[g] ?? ""));
  return names;
}

/**
 * The year of a discharge date cell: a Date, an Excel serial (2200 < n < 2958466), a year
 * (1900..2200), yyyymmdd, or text starting with a four-digit year (`2024-03-05`, `2024年3月`).
 * Undefined when the cell is not a date; "" when blank.
 *
 *     yearOfDate("2024/3/5")  // "2024";   yearOfDate(45356)  // "2024" (2024-03-05)
 */
export function yearOfDate(value: unknown): string | undefined {
  if (isBlankCell(value)) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : String(value.getUTCFullYear());
  let n: number | undefined;
  if (typeof value === "number") n = value;
  else if (typeof value === "string") {
    const s = value.trim();
    const text = /^(\d{4})\s*[-/.年]/.exec(s);
    if (text) return text[1];
    if (/^\d+(\.\d+)?$/.test(s)) n = Number(s);
  }
  if (n === undefined || !Number.isFinite(n)) return undefined;
  if (n >= 1900 && n <= 2200 && Number.isInteger(n)) return String(n);
  if (n >= 19000101 && n <= 22001231 && Number.isInteger(n)) return String(Math.floor(n / 10000));
  if (isDateSerial(n)) return String(excelSerialDate(n).getUTCFullYear());
  return undefined;
}

function readYears(values: ArrayLike<unknown>, header: string, firstRow: number, fromDate: boolean): Interned {
  const cache = new Map<unknown, string>();
  const out = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const raw = values[i];
    let y = cache.get(raw);
    if (y === undefined) {
      if (fromDate) {
        const year = yearOfDate(raw);
        if (year === undefined) {
          throw new CaseMixError("value", {
            en: `${header} row ${i + firstRow}: ${quoteCell(raw)} is not a date`,
            zh: `${header} 第 ${i + firstRow} 行：${quoteCell(raw)} 不是日期`,
          });
        }
        y = year;
      } else {
        y = normalizeKey(raw).replace(/年$/, "");
        if (/^\d+\.0+$/.test(y)) y = y.replace(/\.0+$/, "");
      }
      if (!(raw instanceof Date)) cache.set(raw, y);
    }
    out[i] = y;
  }
  return internCodes(out, normalizeKey);
}

/** The month of each discharge date ("2024-03"); "" (an empty id) when blank or not a date. */
function readMonths(values: ArrayLike<unknown>): Interned {
  const cache = new Map<unknown, string>();
  const out = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const raw = values[i];
    let m = cache.get(raw);
    if (m === undefined) {
      m = monthOf(raw) ?? "";
      if (!(raw instanceof Date)) cache.set(raw, m);
    }
    out[i] = m;
  }
  return internCodes(out, normalizeKey);
}

/** Where a case table is in a grid: its header row, the mapping, and the grid columns it reads. */
export interface CaseTablePlan {
  headerIndex: number;
  headers: string[];
  mapping: ColumnMapping;
  /** Canonical column -> the source columns added up into it (after the overrides). */
  sources: ColumnSources;
  /** The detection before the overrides (layout, fee items). */
  detected: ColumnDetection;
  /** Every grid column `readCaseTable` reads with these options (0-based). */
  reads: number[];
}

/**
 * Finds the header row and maps the columns as `readCaseTable` does (same errors: no header row
 * naming the DRG group, a required column missing, a mapping naming no header), and lists the
 * grid columns it will read. A reader can keep only those (the CSV stream, for wide exports).
 */
export function planCaseTable(
  source: Grid | readonly (readonly unknown[])[],
  options: CaseTableOptions = {},
): CaseTablePlan {
  const grid = Array.isArray(source) ? gridFromRows(source as unknown[][]) : (source as Grid);
  let headerIndex = options.headerRow ?? findHeaderRow(grid);
  const mappingGiven = options.mapping?.drg !== undefined && options.mapping.drg !== null;
  if (headerIndex < 0) {
    if (!mappingGiven) {
      throw new CaseMixError("value", {
        en: `no header row naming the DRG group (${HEADER_WORDS.drg.slice(0, 4).join(", ")}, ...) in the first ${HEADER_SCAN_ROWS} rows; map the drg column by hand`,
        zh: `前 ${HEADER_SCAN_ROWS} 行中没有含 DRG 病组列（${HEADER_WORDS.drg.slice(0, 4).join("、")} 等）的表头行；请手工指定 drg 列`,
      });
    }
    headerIndex = 0;
  }
  const headers: string[] = [];
  for (let c = 0; c < grid.columnCount; c++) {
    const h = grid.cell(headerIndex, c);
    headers.push(isBlankCell(h) ? "" : String(h).trim());
  }
  const detected = detectCaseColumns(headers);
  const sources = applyOverrides(detected, options.mapping, headers);
  const mapping = firstOfSources(sources);
  const missing = (options.required ?? []).filter((c) => mapping[c] === undefined);
  if (missing.length > 0) throw missingColumnsError(missing, headers);

  const reads = new Set<number>();
  const read = (c: ColumnName) => {
    if (isRead(mapping, options, c)) for (const at of sources[c] as number[]) reads.add(at);
  };
  reads.add(mapping.drg as number);
  if (mapping.drgName !== undefined) reads.add(mapping.drgName);
  for (const c of ["drgB", "department", "doctor", "hospital", ...NUMERIC, "died"] as ColumnName[]) read(c);
  if (isRead(mapping, options, "year")) read("year");
  else if (readsDischargeDate(mapping, options)) reads.add(mapping.dischargeDate as number);
  if (isRead(mapping, options, "dischargeDate")) reads.add(mapping.dischargeDate as number);
  read("period");
  return { headerIndex, headers, mapping, sources, detected, reads: [...reads].sort((a, b) => a - b) };
}

/** Rows whose five categories do not add up to the total cost (`CaseTableFlags`). */
function categoryFlags(table: CaseTable): CaseTableFlags {
  const flags: CaseTableFlags = { categoryMismatch: 0, categoryMismatchRows: [] };
  const total = table.numbers.totalCost;
  const categories = CATEGORY_COLUMNS.map((c) => table.numbers[c]);
  if (!total || categories.some((c) => c === undefined)) return flags;
  const ids = table.groups.ids;
  for (let i = 0; i < total.length; i++) {
    if (ids[i] < 0 || total[i] !== total[i]) continue;
    let sum = 0;
    for (const c of categories as Float64Array[]) if (c[i] === c[i]) sum += c[i];
    if (Math.abs(sum - total[i]) > CATEGORY_TOLERANCE) {
      flags.categoryMismatch++;
      if (flags.categoryMismatchRows.length < 10) flags.categoryMismatchRows.push(table.firstDataRow + i);
    }
  }
  return flags;
}

/** A mapped column the options ask for (all mapped columns when they name none). */
function isRead(mapping: ColumnMapping, options: CaseTableOptions, c: ColumnName): boolean {
  return mapping[c] !== undefined && (options.columns === undefined || options.columns.includes(c));
}

/** The year comes from the discharge date when there is no year column and the options want it. */
function readsDischargeDate(mapping: ColumnMapping, options: CaseTableOptions): boolean {
  return (
    mapping.dischargeDate !== undefined &&
    (options.columns === undefined || options.columns.includes("year") || options.columns.includes("dischargeDate"))
  );
}

/**
 * Reads a case table from a grid (or row arrays); see the module comment. Throws when no
 * header row names a DRG group column, when a required column is missing, and on the first
 * cell that is not a number in a numeric column (naming its header and row).
 */
export function readCaseTable(
  source: Grid | readonly (readonly unknown[])[],
  options: CaseTableOptions = {},
): CaseTable {
  const grid = Array.isArray(source) ? gridFromRows(source as unknown[][]) : (source as Grid);
  const firstRow = options.firstRow ?? 1;
  const { headerIndex, headers, mapping, sources, detected } = planCaseTable(grid, options);

  const from = headerIndex + 1;
  const n = Math.max(0, grid.rowCount - from);
  const dataRow = firstRow + from;
  const wanted = (c: ColumnName) => isRead(mapping, options, c);
  const raw = (c: ColumnName) => grid.column(mapping[c] as number, from);
  const codesOf = (c: ColumnName, normalize: (value: unknown) => string): Interned => {
    const indexed = grid.codes?.(mapping[c] as number, from);
    return indexed ? internIndexed(indexed, normalize) : internCodes(raw(c), normalize);
  };

  // Blank rows and empty groups.
  const groups = codesOf("drg", normalizeCode);
  let blankRows = 0;
  for (let i = 0; i < n; i++) {
    if (groups.ids[i] >= 0) continue;
    let blank = true;
    if (grid.rowBlank) blank = grid.rowBlank(from + i);
    else for (let c = 0; c < grid.columnCount && blank; c++) if (!isBlankCell(grid.cell(from + i, c))) blank = false;
    if (blank) blankRows++;
  }

  const groupNames = new Array<string>(groups.codes.length).fill("");
  if (mapping.drgName !== undefined) {
    const names = raw("drgName");
    let left = groups.codes.length;
    for (let i = 0; i < n && left > 0; i++) {
      const g = groups.ids[i];
      if (g < 0 || groupNames[g] !== "") continue;
      // Names are shown as the source writes them (full-width punctuation kept).
      const raw = names[i];
      const name = typeof raw === "string" ? raw.trim() : normalizeKey(raw);
      if (name !== "") {
        groupNames[g] = name;
        left--;
      }
    }
  }

  const table: CaseTable = {
    rowCount: n,
    headerRowNumber: firstRow + headerIndex,
    firstDataRow: dataRow,
    headers,
    mapping,
    sources,
    drugCostParts: sources.drugCost ?? [],
    layout: detected.layout,
    feeItems: detected.items,
    groups,
    groupNames,
    numbers: {},
    skipped: { blankRows, emptyGroup: groups.empty - blankRows },
    flagged: { categoryMismatch: 0, categoryMismatchRows: [] },
  };
  if (wanted("drgB")) table.drgB = codesOf("drgB", normalizeCode);
  for (const key of ["department", "doctor", "hospital"] as const) {
    if (wanted(key)) table[key] = codesOf(key, normalizeKey);
  }
  if (wanted("year")) table.years = readYears(raw("year"), headers[mapping.year as number], dataRow, false);
  else if (readsDischargeDate(mapping, options)) {
    table.years = readYears(raw("dischargeDate"), headers[mapping.dischargeDate as number], dataRow, true);
  }
  if (wanted("dischargeDate")) table.months = readMonths(raw("dischargeDate"));
  if (wanted("period")) table.periods = codesOf("period", periodKey);
  const readNumbers = (c: number, allowNegative: boolean): Float64Array =>
    grid.numbers?.(c, from, allowNegative) ??
    readNumberColumn(grid.column(c, from), headers[c], { firstRow: dataRow, allowNegative });
  for (const column of NUMERIC) {
    if (!wanted(column)) continue;
    const parts = (sources[column] as number[]).map((c) => readNumbers(c, SIGNED.has(column)));
    table.numbers[column as NumericColumnName] = parts.length === 1 ? parts[0] : addAcross(parts);
  }
  table.flagged = categoryFlags(table);
  if (wanted("died")) {
    const died = readDied(raw("died"), {
      argName: headers[mapping.died as number],
      firstRow: dataRow,
      header: headers[mapping.died as number],
      counts: table.numbers.cases,
      ...options.died,
    });
    table.deaths = died.deaths;
    table.diedEncoding = died.encoding;
  }
  return table;
}
