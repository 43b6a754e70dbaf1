/**
 * Requests of bounded size. Cells are written in blocks of rows; a request (one
 * `context.sync()`) carries at most `budget` bytes of cell data (default 4,000,000, under Excel
 * on the web's 5 MB request limit, leaving room for the formatting calls sent with it).
 */
import { ExcelValue, cellBytes, rowBytes } from "./cells";
import { RenderCancelled, RenderOptions } from "./options";

/* global Excel */

/** Bytes of cell data per request; Excel on the web refuses requests above 5 MB. */
export const DEFAULT_REQUEST_BUDGET = 4_000_000;
/** What one formatting call costs in a request, as estimated for the budget. */
export const OP_BYTES = 400;

/** Queues calls into requests of bounded size and sends a request when it is full. */
export class Requests {
  bytes = 0;
  total = 0;
  counter = { syncs: 0 };
  budgetSyncs = 0;
  rowsDone = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget: number,
    private readonly totalRows: number,
    private readonly options: RenderOptions,
    private readonly onCancel: () => Promise<void>,
  ) {}

  /** Makes room for `bytes` in the current request, sending it first when it would overflow. */
  async reserve(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.budget) {
      await this.send();
      this.budgetSyncs++;
    }
    this.bytes += bytes;
    this.total += bytes;
  }

  /** Reserves room for `ops` formatting calls. */
  ops(ops: number): Promise<void> {
    return this.reserve(OP_BYTES * ops);
  }

  /** Sends the current request when it holds anything, to start a fresh one. */
  async sendIfAny(): Promise<void> {
    if (this.bytes > 0) {
      await this.send();
      this.budgetSyncs++;
    }
  }

  /** Room left in the current request. */
  room(): number {
    return this.budget - this.bytes;
  }

  async send(): Promise<void> {
    await this.context.sync();
    this.counter.syncs++;
    this.bytes = 0;
    this.options.onProgress?.(this.totalRows > 0 ? Math.min(1, this.rowsDone / this.totalRows) : 1);
    const pause = this.options.yieldToUi ?? defaultYield;
    await pause();
    if (this.options.isCancelled?.()) {
      await this.onCancel();
      throw new RenderCancelled();
    }
  }
}

function defaultYield(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Writes `n` rows in slices that fill the current request up to its budget; each full
 * request is sent before the next slice is queued. A row is never split.
 */
export async function writeRows(
  sheet: Excel.Worksheet,
  firstRow: number,
  column: number,
  width: number,
  n: number,
  cellsOf: (i: number) => ExcelValue[],
  requests: Requests,
): Promise<void> {
  let i = 0;
  let next = n > 0 ? cellsOf(0) : [];
  let nextBytes = rowBytes(next);
  while (i < n) {
    if (OP_BYTES + nextBytes > requests.room()) await requests.sendIfAny();
    const room = requests.room();
    const start = i;
    const slice: ExcelValue[][] = [];
    let bytes = OP_BYTES;
    while (i < n && (slice.length === 0 || bytes + nextBytes <= room)) {
      slice.push(next);
      bytes += nextBytes;
      i++;
      if (i < n) {
        next = cellsOf(i);
        nextBytes = rowBytes(next);
      }
    }
    await requests.reserve(bytes);
    sheet.getRangeByIndexes(firstRow + start, column, slice.length, width).values = slice;
    requests.rowsDone += slice.length;
  }
}

/** Writes one cell (a title, a caption) and returns its range. */
export async function writeCell(
  sheet: Excel.Worksheet,
  row: number,
  column: number,
  value: ExcelValue,
  requests: Requests,
): Promise<Excel.Range> {
  await requests.reserve(cellBytes(value) + OP_BYTES);
  const cell = sheet.getRangeByIndexes(row, column, 1, 1);
  cell.values = [[value]];
  return cell;
}
