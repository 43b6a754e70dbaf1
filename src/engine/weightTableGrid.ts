/**
 * The one reader of weight tables from a grid (a CSV or .xlsx file, a sheet, a range): the
 * command line's --weights, the taskpane's weight-table range and the weight audit all find
 * the columns here, so a file reads the same everywhere.
 *
 * The header row is the first of the first 30 rows that names both a code column (drg_code,
 * DRG编码, code, 病组, ...) and a weight column (weight, RW, 权重, 调整后权重, ...; else a
 * header holding 权重 or WEIGHT); a name column (DRG名称, name, ...) is optional. A first row
 * of two columns, one of them named exactly as the weight, has the code in the other. A grid
 * without such a row has no header: the first column is the code and the second the weight.
 * A header naming the weight with no column told apart as the code is an error: taking the
 * code from a guessed column could read codes and weights from the same column.
 */
import { Grid } from "./caseTable";
import { headerKey, matchHeader } from "./columns";
import { isBlankCell } from "./input";
import { CaseMixError, Text } from "./text";
import { weightTable, WeightTable } from "./weightTable";

/** How many rows are looked at for the header row. */
export const WEIGHT_HEADER_SCAN_ROWS = 30;

/** Header keys without spaces, case, full-width forms and `_ - .` (drg_code -> DRGCODE). */
export function looseKey(header: unknown): string {
  return headerKey(header).replace(/[_\-.·]/g, "");
}

const CODE_WORDS = new Set([
  "DRGCODE",
  "CODE",
  "GROUPCODE",
  "DRGID",
  "编码",
  "代码",
  "分组编码",
  "病组",
  "DRG编号",
  "CHSDRG编码",
  "CHSDRG",
]);
const NAME_WORDS = new Set(["DRGNAME", "NAME", "GROUPNAME", "名称", "病组名称", "分组名称", "DRG组名称"]);
const WEIGHT_WORDS = new Set([
  "WEIGHT",
  "RW",
  "DRGWEIGHT",
  "RELATIVEWEIGHT",
  "权重",
  "相对权重",
  "基准权重",
  "病组权重",
  "DRG权重",
  "调整后权重",
  "调整前权重",
  "新权重",
  "原权重",
]);

/** A header naming the group code column (DRG编码, drg_code, code, ...). */
export function isCodeHeader(h: unknown): boolean {
  return matchHeader(h) === "drg" || CODE_WORDS.has(looseKey(h));
}
function isNameHeader(h: unknown): boolean {
  return matchHeader(h) === "drgName" || NAME_WORDS.has(looseKey(h));
}
function isWeightHeader(h: unknown): boolean {
  return matchHeader(h) === "weight" || WEIGHT_WORDS.has(looseKey(h));
}
function looseWeightHeader(h: unknown): boolean {
  const k = looseKey(h);
  return k.includes("权重") || k.includes("WEIGHT");
}

/**
 * The value column a table of group values is read for: the weight of a weight table (the
 * default), or another value such as a regional group mean cost (src/engine/groupMeansGrid.ts).
 */
export interface ValueColumn {
  /** A header naming the value exactly. */
  exact: (h: unknown) => boolean;
  /** A header holding the value's word (used when no header names it exactly). */
  loose: (h: unknown) => boolean;
  /** The value and the table, in messages: "weight", "a weight table". */
  word: Text;
  table: Text;
}

export const WEIGHT_COLUMN: ValueColumn = {
  exact: isWeightHeader,
  loose: looseWeightHeader,
  word: { en: "weight", zh: "权重" },
  table: { en: "a weight table", zh: "权重表" },
};

/** A header cell as shown in messages and the parameters sheet ("" when blank). */
export function headerText(value: unknown): string {
  return isBlankCell(value) ? "" : String(value).trim();
}

/** Where a weight table's columns are in a grid: 0-based, `headerRow` -1 without a header. */
export interface WeightTableLayout {
  headerRow: number;
  code: number;
  weight: number;
  name?: number;
}

/** The columns of one header row, as far as its words tell them. */
function headerColumns(
  grid: Grid,
  r: number,
  value: ValueColumn,
): { code: number; weight: number; exact: boolean; name: number } {
  let code = -1;
  let weight = -1;
  let loose = -1;
  let name = -1;
  for (let c = 0; c < grid.columnCount; c++) {
    const h = grid.cell(r, c);
    if (code < 0 && isCodeHeader(h)) code = c;
    else if (weight < 0 && value.exact(h)) weight = c;
    else if (name < 0 && isNameHeader(h)) name = c;
    else if (loose < 0 && value.loose(h)) loose = c;
  }
  return { code, weight: weight >= 0 ? weight : loose, exact: weight >= 0, name };
}

/**
 * The layout of a weight table in a grid (see the module comment). `argName` and `firstRow`
 * (the row number of the grid's first row) name the table in errors.
 *
 *     weightTableLayout(gridFromRows([["权重", "DRG编码"], [1.2, "GB11"]]), "w.csv")
 *     // { headerRow: 0, code: 1, weight: 0 }
 */
export function weightTableLayout(
  grid: Grid,
  argName: string,
  firstRow = 1,
  value: ValueColumn = WEIGHT_COLUMN,
): WeightTableLayout {
  if (grid.columnCount < 2) {
    throw new CaseMixError("value", {
      en: `${argName}: ${value.table.en} needs two columns, group code and ${value.word.en}`,
      zh: `${argName}：${value.table.zh}需要两列：病组编码和${value.word.zh}`,
    });
  }
  const limit = Math.min(grid.rowCount, WEIGHT_HEADER_SCAN_ROWS);
  let weightOnly: { row: number; column: number } | undefined;
  for (let r = 0; r < limit; r++) {
    const { code, weight, exact, name } = headerColumns(grid, r, value);
    if (code >= 0 && weight >= 0) return { headerRow: r, code, weight, ...(name >= 0 ? { name } : {}) };
    if (r === 0 && exact && grid.columnCount === 2) return { headerRow: 0, code: weight === 0 ? 1 : 0, weight };
    if (exact && weightOnly === undefined) weightOnly = { row: r, column: weight };
  }
  if (weightOnly) throw noCodeColumn(grid, weightOnly.row, weightOnly.column, argName, firstRow, value.word);
  return { headerRow: -1, code: 0, weight: 1 };
}

function noCodeColumn(grid: Grid, r: number, c: number, argName: string, firstRow: number, word: Text): CaseMixError {
  const header = headerText(grid.cell(r, c));
  return new CaseMixError("value", {
    en:
      `${argName} row ${firstRow + r}: "${header}" (column ${c + 1}) names the ${word.en}, but no column is headed ` +
      `as the group code, so the code column cannot be told apart from the ${word.en} column; ` +
      `head the code column DRG编码, drg_code or code`,
    zh:
      `${argName} 第 ${firstRow + r} 行：“${header}”（第 ${c + 1} 列）是${word.zh}列，但没有一列的表头是病组编码，` +
      `无法区分编码列和${word.zh}列；请把编码列的表头写成 DRG编码、drg_code 或 code`,
  });
}

/**
 * A weight table (codes and weights, for CMI and the reports) read from a grid: the columns
 * of `weightTableLayout`, the rows below the header row.
 *
 *     weightTableFromGrid(gridFromRows([["drg_code", "weight"], ["GB11", "1.2"]]), { argName: "w.csv" })
 *       .weightOf("gb11")  // 1.2
 */
export function weightTableFromGrid(
  grid: Grid,
  origin: { argName: string; firstRow?: number },
  value: ValueColumn = WEIGHT_COLUMN,
): WeightTable {
  const firstRow = origin.firstRow ?? 1;
  const layout = weightTableLayout(grid, origin.argName, firstRow, value);
  const from = layout.headerRow + 1;
  return weightTable(grid.column(layout.code, from), grid.column(layout.weight, from), {
    argName: origin.argName,
    firstRow: firstRow + from,
  });
}
