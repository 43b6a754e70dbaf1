/**
 * A case table (病案首页 export): one row a case, or one row an aggregate with a `cases`
 * count, read from a grid of cells (an Excel range, an .xlsx sheet, a CSV file) into typed
 * columns, DOMAIN.md "Inputs".
 *
 * - The header row is found among the first rows (exports often have title lines above it):
 *   the row naming the most canonical columns, one of them the DRG group.
 * - Headers map to canonical columns with `detectColumns` (columns.ts); a header that does not
 *   match exactly is tried again without a unit in brackets (`住院总费用(元)`) and then by the
 *   longest known header word of four or more characters it contains (`医保统筹支付` names
 *   `insurancePaid` by `统筹支付`). The caller can override any column.
 * - Numeric columns are read with `readNumberColumn`: the same rules and messages as the custom
 *   functions, naming the header and the row number of the source (`住院总费用 row 501: "n/a"
 *   is not a number`). Blank cells become NaN. Money received (insurance, self-pay) may be
 *   negative (refunds); costs, days and counts may not.
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
import { ColumnName, detectColumns, HEADER_WORDS, headerKey, matchHeader } from "./columns";
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

export type ColumnMapping = Partial<Record<ColumnName, number>>;

/** A user's correction of the mapping: a 0-based column index, a header text, or null to drop it. */
export type MappingOverride = Partial<Record<ColumnName, number | string | null>>;

/** Header words that are long enough to be found inside a longer header. */
const CONTAINED_WORDS: { key: string; column: ColumnName }[] = [];
for (const [column, words] of Object.entries(HEADER_WORDS) as [ColumnName, readonly string[]][]) {
  for (const word of words) {
    const key = headerKey(word);
    if (key.length >= 4) CONTAINED_WORDS.push({ key, column });
  }
}
CONTAINED_WORDS.sort((a, b) => b.key.length - a.key.length);

const UNIT_SUFFIX = /[(（[【][^()（）[\]【】]*[)）\]】]\s*$/;

/** The canonical column a header names after the fallbacks (bracketed unit, contained word). */
function looseMatch(header: unknown): ColumnName | undefined {
  if (typeof header !== "string") return undefined;
  const stripped = header.replace(UNIT_SUFFIX, "");
  if (stripped !== header) {
    const exact = matchHeader(stripped);
    if (exact) return exact;
  }
  const key = headerKey(stripped);
  for (const w of CONTAINED_WORDS) if (key.includes(w.key)) return w.column;
  return undefined;
}

/**
 * Maps a header row to canonical columns: `detectColumns` first, then the fallbacks of the
 * module comment for headers it leaves unmatched (a column already mapped keeps its header).
 *
 *     detectCaseColumns(["病案号", "医保统筹支付", "住院总费用(元)"]).columns
 *     // { insurancePaid: 1, totalCost: 2 }
 */
export function detectCaseColumns(headers: readonly unknown[]): { columns: ColumnMapping; drugCostParts: number[] } {
  const { columns, drugCostParts } = detectColumns(headers);
  headers.forEach((header, i) => {
    if (matchHeader(header) !== undefined) return;
    const column = looseMatch(header);
    if (column === undefined) return;
    if (column === "drugCost") {
      drugCostParts.push(i);
      drugCostParts.sort((a, b) => a - b);
    }
    if (columns[column] === undefined) columns[column] = i;
  });
  return { columns, drugCostParts };
}

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
  /** Every column added up into drugCost (西药费 + 中成药费 + 中草药费). */
  drugCostParts: number[];
  groups: Interned;
  /** Name of each group (by interned id): the first non-empty name in its rows, else "". */
  groupNames: string[];
  department?: Interned;
  doctor?: Interned;
  hospital?: Interned;
  /** Year of each row, from the year column or the discharge date. */
  years?: Interned;
  numbers: Partial<Record<NumericColumnName, Float64Array>>;
  /** Deaths per row (0/1, or a number of deaths with counts), with the encoding read. */
  deaths?: Float64Array;
  diedEncoding?: DiedEncoding;
  skipped: CaseTableSkips;
}

function columnLabel(column: ColumnName): string {
  const words = HEADER_WORDS[column].slice(0, 3).join(", ");
  return `${column} (${words})`;
}

/** The error for required columns that no header names. */
export function missingColumnsError(missing: readonly ColumnName[], headers: readonly string[]): CaseMixError {
  const list = missing.map(columnLabel).join("; ");
  const seen = headers
    .filter((h) => h !== "")
    .slice(0, 20)
    .join(", ");
  return new CaseMixError("value", {
    en: `missing column${missing.length === 1 ? "" : "s"}: ${list}. Headers found: ${seen}`,
    zh: `缺少列：${list}。找到的表头：${seen}`,
  });
}

function resolveOverride(column: ColumnName, value: number | string, headers: readonly string[]): number {
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 0 && value < headers.length) return value;
    throw new CaseMixError("value", {
      en: `mapping ${column}: column ${value} is outside the table (it has ${headers.length} columns, numbered from 0)`,
      zh: `列映射 ${column}：第 ${value} 列超出表格范围（共 ${headers.length} 列，从 0 起编号）`,
    });
  }
  const key = headerKey(value);
  const at = headers.findIndex((h) => headerKey(h) === key);
  if (at >= 0) return at;
  throw new CaseMixError("value", {
    en: `mapping ${column}: no header is ${quoteCell(value)}; headers: ${headers.filter((h) => h).join(", ")}`,
    zh: `列映射 ${column}：没有名为 ${quoteCell(value)} 的表头；表头有：${headers.filter((h) => h).join("、")}`,
  });
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
  if (n > 2200 && n < 2958466)
    return String(new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86400000).getUTCFullYear());
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

/** Where a case table is in a grid: its header row, the mapping, and the grid columns it reads. */
export interface CaseTablePlan {
  headerIndex: number;
  headers: string[];
  mapping: ColumnMapping;
  drugCostParts: number[];
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
  const mapping: ColumnMapping = { ...detected.columns };
  let drugCostParts = detected.drugCostParts;
  for (const [column, value] of Object.entries(options.mapping ?? {}) as [ColumnName, number | string | null][]) {
    if (value === undefined) continue;
    if (value === null) {
      delete mapping[column];
      if (column === "drugCost") drugCostParts = [];
      continue;
    }
    mapping[column] = resolveOverride(column, value, headers);
    if (column === "drugCost") drugCostParts = [mapping[column] as number];
  }
  const missing = (options.required ?? []).filter((c) => mapping[c] === undefined);
  if (missing.length > 0) throw missingColumnsError(missing, headers);

  const reads = new Set<number>();
  const read = (c: ColumnName) => {
    if (isRead(mapping, options, c)) reads.add(mapping[c] as number);
  };
  reads.add(mapping.drg as number);
  if (mapping.drgName !== undefined) reads.add(mapping.drgName);
  for (const c of ["department", "doctor", "hospital", ...NUMERIC, "died"] as ColumnName[]) read(c);
  if (isRead(mapping, options, "year")) read("year");
  else if (readsDischargeDate(mapping, options)) reads.add(mapping.dischargeDate as number);
  if (isRead(mapping, options, "drugCost"))
    for (const c of drugCostParts.length > 0 ? drugCostParts : [mapping.drugCost as number]) reads.add(c);
  return { headerIndex, headers, mapping, drugCostParts, reads: [...reads].sort((a, b) => a - b) };
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
  const { headerIndex, headers, mapping, drugCostParts } = planCaseTable(grid, options);

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
    drugCostParts,
    groups,
    groupNames,
    numbers: {},
    skipped: { blankRows, emptyGroup: groups.empty - blankRows },
  };
  for (const key of ["department", "doctor", "hospital"] as const) {
    if (wanted(key)) table[key] = codesOf(key, normalizeKey);
  }
  if (wanted("year")) table.years = readYears(raw("year"), headers[mapping.year as number], dataRow, false);
  else if (readsDischargeDate(mapping, options)) {
    table.years = readYears(raw("dischargeDate"), headers[mapping.dischargeDate as number], dataRow, true);
  }
  const readNumbers = (c: number, allowNegative: boolean): Float64Array =>
    grid.numbers?.(c, from, allowNegative) ??
    readNumberColumn(grid.column(c, from), headers[c], { firstRow: dataRow, allowNegative });
  for (const column of NUMERIC) {
    if (!wanted(column)) continue;
    table.numbers[column as NumericColumnName] = readNumbers(mapping[column] as number, SIGNED.has(column));
  }
  if (wanted("drugCost")) {
    const parts = drugCostParts.length > 0 ? drugCostParts : [mapping.drugCost as number];
    const columns = parts.map((c) => readNumbers(c, false));
    table.numbers.drugCost = columns.length === 1 ? columns[0] : addAcross(columns);
  }
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
