/**
 * Weight tables and a case volume read for the audit from grids (a CSV file, a sheet, a
 * range), so that the command line and the taskpane read them the same way:
 * 1. Tables: the code, weight and (optional) name columns are found as every weight table's
 *    are (src/engine/weightTableGrid.ts). Rows with an empty code are left out and counted;
 *    a code listed twice with the same weight counts once.
 * 2. Volume: a case file (one row a case) or a group + count table (出院人数, 病例数,
 *    Total Discharges), with optional unit columns: hospital (医院), hospital level (医院等级)
 *    and department (科室). Rows with an empty group or a blank or zero count are left out
 *    and counted.
 */
import { internCodes, Interned, normalizeCode, normalizeKey } from "../codes";
import { detectCaseColumns, findHeaderRow, Grid, readCaseTable } from "../caseTable";
import { ColumnName } from "../columns";
import { cellNumber, isBlankCell } from "../input";
import { CaseMixError } from "../text";
import {
  headerText,
  isCodeHeader,
  looseKey,
  WEIGHT_HEADER_SCAN_ROWS as SCAN_ROWS,
  weightTableLayout,
} from "../weightTableGrid";
import { TableInput } from "./table";
import { VolumeInput } from "./volume";

/** Where a grid came from, for messages and the parameters sheet. */
export interface GridOrigin {
  /** File path or range address. */
  source: string;
  sheet?: string;
  encoding?: string;
  /** Row number of the grid's first row in the source (default 1). */
  firstRow?: number;
  /** Name used in error messages (default: `source`). */
  argName?: string;
}

/** A weight table read for the audit, with where it came from and what was left out. */
export interface AuditTableSource extends GridOrigin {
  table: TableInput;
  /** Row number of the header in the source; 0 when the table has none. */
  headerRow: number;
  /** Headers of the columns used (`#1`, `#2` without a header row). */
  columns: { code: string; weight: string; name?: string };
  /** Rows below the header. */
  rowsRead: number;
  /** Distinct codes. */
  groups: number;
  /** Rows with a code and a blank weight (reported as findings). */
  rowsWithoutWeight: number;
  skipped: { blankRows: number; emptyCode: number; duplicates: number };
}

export type AuditUnitDimension = "hospital" | "hospitalLevel" | "department";
export const AUDIT_UNIT_DIMENSIONS: readonly AuditUnitDimension[] = ["hospital", "hospitalLevel", "department"];

/** A case volume read for the audit. */
export interface AuditVolumeSource extends GridOrigin {
  volume: VolumeInput;
  /** The unit columns found, in the order hospital, hospital level, department. */
  units: { dimension: AuditUnitDimension; header: string; values: Interned }[];
  headerRow: number;
  columns: { group: string; cases?: string } & Partial<Record<AuditUnitDimension, string>>;
  rowsRead: number;
  skipped: { blankRows: number; emptyGroup: number };
}

const COUNT_WORDS = new Set([
  "COUNT",
  "N",
  "CASES",
  "CASECOUNT",
  "DISCHARGES",
  "TOTALDISCHARGES",
  "数量",
  "人数",
  "人次",
  "出院人次",
  "病例数量",
]);
const LEVEL_WORDS = new Set(["医院等级", "医院级别", "机构等级", "机构级别", "等级", "级别", "HOSPITALLEVEL", "LEVEL"]);

function rowIsBlank(grid: Grid, r: number): boolean {
  for (let c = 0; c < grid.columnCount; c++) if (!isBlankCell(grid.cell(r, c))) return false;
  return true;
}

/**
 * Reads a weight table for the audit from a grid (a CSV file, a sheet, a range): see the
 * module comment, step 1. Blank weights are kept (they are findings).
 *
 *     auditTableFromGrid(gridFromRows([["drg_code", "weight"], ["GB11", "1.2"]]), { source: "w.csv" })
 *       .table.codes  // ["GB11"]
 */
export function auditTableFromGrid(grid: Grid, origin: GridOrigin): AuditTableSource {
  const argName = origin.argName ?? origin.source;
  const firstRow = origin.firstRow ?? 1;
  const layout = weightTableLayout(grid, argName, firstRow);
  const { headerRow, code, weight, name } = layout;
  const from = headerRow + 1;
  const n = Math.max(0, grid.rowCount - from);
  const codes = Array.from(grid.column(code, from));
  const weights = Array.from(grid.column(weight, from));
  const names = name === undefined ? undefined : Array.from(grid.column(name, from));
  let blankRows = 0;
  let emptyCode = 0;
  let rowsWithoutWeight = 0;
  const seen = new Set<string>();
  let coded = 0;
  for (let i = 0; i < n; i++) {
    const c = normalizeCode(codes[i]);
    if (c === "") {
      if (rowIsBlank(grid, from + i)) blankRows++;
      else emptyCode++;
      continue;
    }
    coded++;
    seen.add(c);
    const w = cellNumber(weights[i]);
    if (w !== undefined && w !== w) rowsWithoutWeight++;
  }
  const headerOf = (c: number) => (headerRow >= 0 ? headerText(grid.cell(headerRow, c)) || `#${c + 1}` : `#${c + 1}`);
  return {
    source: origin.source,
    sheet: origin.sheet,
    encoding: origin.encoding,
    firstRow,
    argName,
    table: { codes, weights, names, argName, firstRow: firstRow + from },
    headerRow: headerRow >= 0 ? firstRow + headerRow : 0,
    columns: {
      code: headerOf(code),
      weight: headerOf(weight),
      ...(name !== undefined ? { name: headerOf(name) } : {}),
    },
    rowsRead: n,
    groups: seen.size,
    rowsWithoutWeight,
    skipped: { blankRows, emptyCode, duplicates: coded - seen.size },
  };
}

/**
 * Reads a case volume from a grid: a case file or a group + count table, with optional unit
 * columns (module comment, step 2).
 *
 *     auditVolumeFromGrid(gridFromRows([["DRG编码", "出院人数", "医院"], ["GB11", 3, "甲"]]), { source: "v.csv" })
 *       .units.map((u) => u.dimension)  // ["hospital"]
 */
export function auditVolumeFromGrid(grid: Grid, origin: GridOrigin): AuditVolumeSource {
  const firstRow = origin.firstRow ?? 1;
  let headerRow = findHeaderRow(grid);
  const mapping: Partial<Record<ColumnName, number>> = {};
  const headersOf = (r: number) => Array.from({ length: grid.columnCount }, (_, c) => grid.cell(r, c));
  if (headerRow < 0) {
    const limit = Math.min(grid.rowCount, SCAN_ROWS);
    for (let r = 0; r < limit && headerRow < 0; r++) {
      const c = headersOf(r).findIndex(isCodeHeader);
      if (c >= 0) {
        headerRow = r;
        mapping.drg = c;
      }
    }
  }
  if (headerRow < 0) {
    throw new CaseMixError("value", {
      en: `${origin.argName ?? origin.source}: no header row naming the DRG group (DRG编码, drg_code, DRG, ...) in the first ${SCAN_ROWS} rows`,
      zh: `${origin.argName ?? origin.source}：前 ${SCAN_ROWS} 行中没有含 DRG 病组列（DRG编码、drg_code、DRG 等）的表头行`,
    });
  }
  const headers = headersOf(headerRow);
  const detected = detectCaseColumns(headers).columns;
  const drg = mapping.drg ?? detected.drg;
  if (detected.cases === undefined) {
    // Count columns the case-table words do not name (count, n, 人次, ...).
    const c = headers.findIndex((h, i) => i !== drg && COUNT_WORDS.has(looseKey(h)));
    if (c >= 0) mapping.cases = c;
  }
  const level = headers.findIndex(
    (h, i) => LEVEL_WORDS.has(looseKey(h)) && i !== detected.hospital && i !== detected.department,
  );
  const table = readCaseTable(grid, {
    headerRow,
    firstRow,
    mapping,
    columns: ["drg", "cases", "hospital", "department"],
  });
  const from = headerRow + 1;
  const units: AuditVolumeSource["units"] = [];
  const columns: AuditVolumeSource["columns"] = { group: headerText(headers[table.mapping.drg as number]) };
  if (table.mapping.cases !== undefined) columns.cases = headerText(headers[table.mapping.cases]);
  const addUnit = (dimension: AuditUnitDimension, c: number | undefined, values: Interned | undefined) => {
    if (c === undefined || c < 0 || !values) return;
    const header = headerText(headers[c]);
    units.push({ dimension, header, values });
    columns[dimension] = header;
  };
  addUnit("hospital", table.mapping.hospital, table.hospital);
  addUnit("hospitalLevel", level, level >= 0 ? internCodes(grid.column(level, from), normalizeKey) : undefined);
  addUnit("department", table.mapping.department, table.department);
  return {
    source: origin.source,
    sheet: origin.sheet,
    encoding: origin.encoding,
    firstRow,
    argName: origin.argName,
    volume: { groups: table.groups, counts: table.numbers.cases },
    units,
    headerRow: firstRow + headerRow,
    columns,
    rowsRead: table.rowCount,
    skipped: { blankRows: table.skipped.blankRows, emptyGroup: table.skipped.emptyGroup },
  };
}

/** The name of each code of the tables (the later table's name wins; blank names are skipped). */
export function groupNames(tables: readonly (AuditTableSource | undefined)[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of tables) {
    const names = s?.table.names;
    if (!s || !names) continue;
    for (let i = 0; i < s.table.codes.length; i++) {
      const name = headerText(names[i]);
      const code = normalizeCode(s.table.codes[i]);
      if (code !== "" && name !== "") out.set(code, name);
    }
  }
  return out;
}
