/**
 * Streaming .xlsx reader for the command line: ExcelJS's WorkbookReader emits the rows of one
 * sheet after another, and the rows of the wanted sheet go straight into typed columns (numbers
 * in a Float64Array, text interned per column), so that memory holds the columns, not ExcelJS's
 * cell objects. The grid gives the cells `readXlsx` (readInput.ts) gives: plain values
 * (`plainCellValue`), null for an empty cell inside a row, undefined past a row's last cell.
 *
 * Sheet names and order come from the workbook (xl/workbook.xml and its relationships), not from
 * the order of the parts in the zip: with no sheet named, the first tab is read. Relationship
 * targets may be relative (`worksheets/sheet2.xml`, as Excel writes them) or absolute
 * (`/xl/worksheets/sheet2.xml`, as openpyxl and so pandas write them); ExcelJS's streaming
 * reader knows only the first, so the targets are made relative as it reads them.
 *
 *     (await readXlsxStream("cases.xlsx", "出院病例")).grid.cell(1, 0)  // "DRG编码"
 */
import type * as ExcelJS from "exceljs";
import type { Grid } from "../engine/caseTable";
import { excelJS } from "../report/lazyModules";
import { plainCellValue } from "./xlsxCellValue";
import { checkXlsxFile, damaged, noSuchSheet, untilStalled } from "./xlsxCheck";

const UNDEFINED = 0;
const NULL = 1;
const NUMBER = 2;
const TEXT = 3;
const OTHER = 4;

/** One column of cell values: a kind per row, numbers, interned text, anything else aside. */
class ValueColumn {
  length = 0;
  private cap = 1024;
  private kinds = new Uint8Array(1024);
  private nums = new Float64Array(1024);
  private readonly dict = new Map<string, number>();
  private readonly texts: string[] = [];
  private readonly others = new Map<number, unknown>();

  constructor(blanks: number) {
    for (let i = 0; i < blanks; i++) this.push(undefined);
  }

  push(v: unknown): void {
    if (this.length === this.cap) {
      this.cap *= 2;
      const k = new Uint8Array(this.cap);
      k.set(this.kinds);
      this.kinds = k;
      const n = new Float64Array(this.cap);
      n.set(this.nums);
      this.nums = n;
    }
    const i = this.length++;
    if (v === undefined) this.kinds[i] = UNDEFINED;
    else if (v === null) this.kinds[i] = NULL;
    else if (typeof v === "number") {
      this.kinds[i] = NUMBER;
      this.nums[i] = v;
    } else if (typeof v === "string") {
      let id = this.dict.get(v);
      if (id === undefined) {
        id = this.texts.length;
        this.texts.push(v);
        this.dict.set(v, id);
      }
      this.kinds[i] = TEXT;
      this.nums[i] = id;
    } else {
      this.kinds[i] = OTHER;
      this.others.set(i, v);
    }
  }

  get(i: number): unknown {
    switch (this.kinds[i]) {
      case NULL:
        return null;
      case NUMBER:
        return this.nums[i];
      case TEXT:
        return this.texts[this.nums[i]];
      case OTHER:
        return this.others.get(i);
      default:
        return undefined;
    }
  }
}

/** The cells of one sheet in columns; a Grid like `gridFromRows` over the same rows. */
export class XlsxGrid implements Grid {
  rowCount = 0;
  columnCount = 0;
  private readonly columns: ValueColumn[] = [];

  /** Appends a row of plain values. */
  push(row: readonly unknown[]): void {
    const columns = this.columns;
    while (columns.length < row.length) columns.push(new ValueColumn(this.rowCount));
    for (let c = 0; c < row.length; c++) columns[c].push(row[c]);
    for (let c = row.length; c < columns.length; c++) columns[c].push(undefined);
    if (row.length > this.columnCount) this.columnCount = row.length;
    this.rowCount++;
  }

  cell(row: number, column: number): unknown {
    const col = this.columns[column];
    return col && row < this.rowCount ? col.get(row) : undefined;
  }

  column(column: number, from: number): unknown[] {
    const out = new Array<unknown>(Math.max(0, this.rowCount - from));
    const col = this.columns[column];
    for (let r = from; r < this.rowCount; r++) out[r - from] = col ? col.get(r) : undefined;
    return out;
  }
}

/** Reads a sheet of an .xlsx file (the named one, else the first) streaming; errors as `readXlsx`. */
export async function readXlsxStream(path: string, sheet?: string): Promise<{ grid: XlsxGrid; sheet: string }> {
  checkXlsxFile(path);
  const progress = { sheet: "", row: 0 };
  let found: { grid: XlsxGrid; sheet: string } | undefined;
  let names: string[];
  try {
    ({ found, names } = await untilStalled(readSheets(path, sheet, progress)));
  } catch (e) {
    throw damaged(path, progress, e);
  }
  if (!found) {
    throw noSuchSheet(path, sheet, names);
  }
  return found;
}

/** The parts of ExcelJS's streaming reader that name the sheets (not in its typings). */
interface ReaderInternals {
  _parseRels(entry: unknown): Promise<void>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { name: string }[] };
}

/** A workbook relationship's target relative to xl/ (`/xl/worksheets/sheet2.xml` -> `worksheets/sheet2.xml`). */
export function relativeTarget(target: string): string {
  return target.replace(/^\/xl\//, "").replace(/^\.\//, "");
}

/** Makes the reader resolve absolute relationship targets (module comment). */
function acceptAbsoluteTargets(reader: ReaderInternals): void {
  const parseRels = reader._parseRels.bind(reader);
  reader._parseRels = async (entry) => {
    await parseRels(entry);
    for (const rel of reader.workbookRels ?? []) rel.Target = relativeTarget(rel.Target);
  };
}

/** The sheets of the workbook: the wanted one's cells, and every sheet's name; `progress` says how far it got. */
async function readSheets(
  path: string,
  sheet: string | undefined,
  progress: { sheet: string; row: number },
): Promise<{ found?: { grid: XlsxGrid; sheet: string }; names: string[] }> {
  const reader = new (excelJS().stream.xlsx.WorkbookReader)(path, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
    entries: "emit",
  });
  const internals = reader as unknown as ReaderInternals;
  acceptAbsoluteTargets(internals);
  const emitted: string[] = [];
  let found: { grid: XlsxGrid; sheet: string } | undefined;
  for await (const ws of reader) {
    const w = ws as unknown as AsyncIterable<ExcelJS.Row> & { name?: string; id: number };
    const name = w.name ?? `Sheet${w.id}`;
    emitted.push(name);
    progress.sheet = name;
    progress.row = 0;
    // The first tab, once the workbook part has been read; else the first sheet in the zip.
    const firstTab = internals.model?.sheets?.[0]?.name ?? emitted[0];
    const wanted = !found && name === (sheet ?? firstTab);
    const grid = new XlsxGrid();
    for await (const row of w) {
      progress.row = row.number;
      if (!wanted) continue;
      while (grid.rowCount < row.number - 1) grid.push([]);
      const values = row.values as ExcelJS.CellValue[];
      const out: unknown[] = [];
      for (let c = 1; c < values.length; c++) out.push(plainCellValue(values[c]));
      grid.push(out);
    }
    if (wanted) found = { grid, sheet: name };
  }
  const tabs = internals.model?.sheets?.map((s) => s.name);
  return { found, names: tabs && tabs.length > 0 ? tabs : emitted };
}
