/**
 * Reading the user's data from the open workbook: the current selection, an Excel table or a
 * named range, values only, in blocks of rows.
 *
 * Round trips are bounded: one request describes the source (address, size), then each
 * request reads a block of rows whose answer stays under `responseBudget` bytes (default
 * 3,000,000, under Excel on the web's 5 MB response limit, with room for an underestimate).
 * The first block is small (`probeRows`) and measures how many bytes a row takes; the next
 * blocks are sized from the widest row seen so far, so
 *
 *     syncs = 1 + ceil(bytes of the data / responseBudget) + 1 or 2
 *
 * whatever the number of rows. A block refused as too large is read again in halves.
 * Nothing is written: reading never changes the workbook.
 */
import { cellBytes } from "../report/excel/cells";

/* global Excel */

export type DataSource = { kind: "selection" } | { kind: "table"; name: string } | { kind: "name"; name: string };

export interface SourceList {
  tables: string[];
  /** Workbook names that refer to a range (constants and formulas are left out). */
  names: string[];
}

export interface ReadOptions {
  /** Bytes of values per response (default 3,000,000). */
  responseBudget?: number;
  /** Rows of the first block, which measures the row size (default 1,000). */
  probeRows?: number;
  onProgress?: (rowsRead: number, rowCount: number) => void;
  isCancelled?: () => boolean;
  yieldToUi?: () => Promise<void>;
}

export interface SourceData {
  /** The cells, header rows included, as Excel gives them (numbers, text, booleans, ""). */
  values: unknown[][];
  /** Full address, e.g. `病案首页!A1:Z300001`. */
  address: string;
  sheet: string;
  /** 0-based row and column of the first cell on its sheet (row number = rowIndex + 1). */
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  /** context.sync() calls made. */
  syncs: number;
  /** Blocks read (requests for values). */
  blocks: number;
}

export class ReadCancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "ReadCancelled";
  }
}

export const DEFAULT_RESPONSE_BUDGET = 3_000_000;
const PAYLOAD_ERRORS = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "PayloadTooLarge",
]);

/** Tables and range names of the workbook, for the source picker (one request). */
export async function listSources(context: Excel.RequestContext): Promise<SourceList> {
  const tables = context.workbook.tables;
  tables.load("items/name");
  const names = context.workbook.names;
  names.load("items/name,items/type,items/visible");
  await context.sync();
  return {
    tables: tables.items.map((t) => t.name),
    names: names.items.filter((n) => n.type === "Range" && n.visible !== false).map((n) => n.name),
  };
}

/** The ranges a source may refer to (picked after they are described) and their sheet. */
function sourceRanges(
  context: Excel.RequestContext,
  source: DataSource,
): { ranges: Excel.Range[]; sheet: Excel.Worksheet } {
  const workbook = context.workbook;
  if (source.kind === "table" || source.kind === "name") {
    const range =
      source.kind === "table"
        ? workbook.tables.getItem(source.name).getRange()
        : workbook.names.getItem(source.name).getRange();
    return { ranges: [range], sheet: range.worksheet };
  }
  // The selection, cut to the used range (a whole-column selection reads only the data), or,
  // for a single cell, the region around it (like Ctrl+A in a list).
  const selected = workbook.getSelectedRange();
  // A navigation property (a proxy of the sheet), not a value: nothing to load.
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
  const sheet = selected.worksheet;
  const used = sheet.getUsedRange(true);
  return { ranges: [selected, selected.getIntersectionOrNullObject(used), selected.getSurroundingRegion()], sheet };
}

interface Described {
  range: Excel.Range;
  sheet: Excel.Worksheet;
  address: string;
  sheetName: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** Describes the source (one sync): of the ranges it may refer to, the one read, and its place. */
async function describeSource(context: Excel.RequestContext, source: DataSource): Promise<Described> {
  const { ranges, sheet } = sourceRanges(context, source);
  for (const r of ranges) r.load("address,rowIndex,columnIndex,rowCount,columnCount,cellCount");
  sheet.load("name");
  await context.sync();
  let pick = 0;
  if (source.kind === "selection") {
    const [selected, clipped] = ranges;
    if (selected.cellCount === 1) pick = 2;
    else pick = clipped.isNullObject ? 0 : 1;
  }
  const range = ranges[pick];
  return {
    range,
    sheet,
    address: range.address,
    sheetName: sheet.name,
    rowIndex: range.rowIndex,
    columnIndex: range.columnIndex,
    rowCount: range.rowCount,
    columnCount: range.columnCount,
  };
}

/** The bytes a row of values takes in Excel's response (the widest row sizes the next blocks). */
function rowBytes(row: readonly unknown[]): number {
  let bytes = 2;
  for (let j = 0; j < row.length; j++) {
    const v = row[j];
    bytes += typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? cellBytes(v) : 5;
  }
  return bytes;
}

/**
 * Reads the values of a source in blocks; see the module comment. Throws `ReadCancelled` when
 * `isCancelled` turns true between blocks.
 */
export async function readSource(
  context: Excel.RequestContext,
  source: DataSource,
  options: ReadOptions = {},
): Promise<SourceData> {
  const budget = options.responseBudget ?? DEFAULT_RESPONSE_BUDGET;
  const probeRows = Math.max(1, options.probeRows ?? 1000);
  const pause = options.yieldToUi ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

  const described = await describeSource(context, source);
  let syncs = 1;
  const { rowCount, columnCount } = described;
  const values: unknown[][] = [];
  let blocks = 0;

  let next = 0;
  let rowsPerBlock = Math.min(probeRows, rowCount);
  let widestRow = 0;
  while (next < rowCount) {
    const count = Math.min(rowsPerBlock, rowCount - next);
    const block = described.sheet.getRangeByIndexes(
      described.rowIndex + next,
      described.columnIndex,
      count,
      columnCount,
    );
    block.load("values");
    try {
      // One sync a block, on purpose: each block must stay under Excel on the web's 5 MB limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      syncs++;
      if (PAYLOAD_ERRORS.has((error as { code?: string })?.code ?? "") && count > 1) {
        rowsPerBlock = Math.max(1, Math.floor(count / 2));
        continue;
      }
      throw error;
    }
    syncs++;
    blocks++;
    for (const row of block.values as unknown[][]) {
      widestRow = Math.max(widestRow, rowBytes(row));
      values.push(row);
    }
    next += count;
    // The next blocks: as many rows as fit the budget at the widest row seen, x 1.25 margin.
    rowsPerBlock = Math.max(1, Math.floor(budget / (Math.max(widestRow, 8) * 1.25)));
    options.onProgress?.(next, rowCount);
    await pause();
    if (options.isCancelled?.()) throw new ReadCancelled();
  }
  const { address, sheetName, rowIndex, columnIndex } = described;
  return { values, address, sheet: sheetName, rowIndex, columnIndex, rowCount, columnCount, syncs, blocks };
}

/** Reading progress as a whole percent (the sheet's rows include the header, so rows are not shown). */
export function readPercent(done: number, total: number): number {
  return total > 0 ? Math.floor((100 * done) / total) : 100;
}
