/**
 * Draws a `WorkbookModel` into the open workbook through the Excel JavaScript API.
 *
 * Nothing is lost: the renderer only adds sheets. A sheet of the same name as a report sheet
 * is never touched unless it is an earlier CaseMix report (it carries our marker, a
 * sheet-scoped named item `CaseMix_Report`) and the caller asked to replace it; even then the
 * new sheet is written in full under a temporary name first, then one request moves the old
 * sheets aside (spare names) and gives the new ones their names, and only a last request
 * deletes the old ones. A request can fail after part of it was applied, so each step leaves
 * at least one complete report: a failure while writing deletes only the new sheets, a
 * failure at the swap or the delete deletes nothing and says where both reports are
 * (`ReplaceIncomplete`). Otherwise the whole report gets a suffix " (2)", " (3)", ...
 *
 * Large data: cells are written in blocks of rows; a request (one `context.sync()`) carries
 * at most `requestBudget` bytes of cell data (default 4,000,000, under Excel on the web's
 * 5 MB request limit, leaving room for the formatting calls sent with it). The number of
 * `context.sync()` calls is therefore a constant (reading the sheet names, the markers of
 * same-named sheets, the last request, and when replacing the delete of the old sheets) plus
 * one per request of cell data:
 *
 *     syncs = fixed (at most 4) + budgetSyncs,  budgetSyncs ~ bytes of cell data / requestBudget
 *
 * Formats (number formats, fonts, conditional formats, column widths) are set on whole
 * column ranges, never per row, so their cost does not grow with the rows.
 *
 * Text cells that Excel would read as something else (a formula "=...", a number "0101", a
 * date "2024-03-05", a boolean) are written with a leading apostrophe, which Excel keeps as
 * the "text" marker and does not show. Numbers that are not finite are written as blanks.
 */
import {
  BarChartModel,
  Block,
  BlockPlacement,
  CellValue,
  ChartModel,
  ColumnModel,
  ConditionalFormat,
  NUMBER_FORMATS,
  SheetModel,
  TableBlock,
  WorkbookModel,
  placeBlocks,
} from "./model";
import { CaseMixError, Lang } from "../engine/text";

/* global Excel */

/** The sheet-scoped named item that marks a sheet as a CaseMix report. */
export const REPORT_MARKER = "CaseMix_Report";
/** Bytes of cell data per request; Excel on the web refuses requests above 5 MB. */
export const DEFAULT_REQUEST_BUDGET = 4_000_000;
/** Excel's limit on the length of a sheet name. */
export const MAX_SHEET_NAME = 31;
/** What one formatting call costs in a request, as estimated for the budget. */
const OP_BYTES = 400;

export type ExistingPolicy = "replace" | "suffix";

export interface RenderOptions {
  /** What to do when a report sheet name is taken (default "suffix"). */
  existing?: ExistingPolicy;
  /** Bytes of cell data per request (default 4,000,000). */
  requestBudget?: number;
  /** Called after each request with the share of rows written (0..1). */
  onProgress?: (fraction: number) => void;
  /** Checked between requests; when true the sheets added so far are deleted again. */
  isCancelled?: () => boolean;
  /** Written into the marker's comment, e.g. "CaseMix 0.1.0, 2025-01-31 10:00". */
  stamp?: string;
  /** Lets the page repaint between requests (default: a zero-delay timer). */
  yieldToUi?: () => Promise<void>;
  /** Filled with the sheet names this render plans, so a failed run can be rolled back by name. */
  journal?: RenderJournal;
}

/** The names one render gives its sheets: final, temporary and (for replaced sheets) aside. */
export interface SheetPlan {
  final: string;
  /** Set when an earlier report of the final name is replaced: the new sheet is written here. */
  temp: string;
  /** Set with `temp`: where the earlier sheet steps aside before it is deleted. */
  aside: string;
}

export interface RenderJournal {
  plans: SheetPlan[];
}

export interface RenderedSheet {
  /** The name in the model. */
  model: string;
  /** The name written. */
  name: string;
  /** True when an earlier CaseMix report of that name was replaced. */
  replaced: boolean;
}

export interface RenderResult {
  sheets: RenderedSheet[];
  /** context.sync() calls made. */
  syncs: number;
  /** Of those, the ones made because a request's cell-data budget was full. */
  budgetSyncs: number;
  /** Estimated bytes of cell data written. */
  bytes: number;
  /** True when "replace" was asked but a same-named sheet is not ours, so the report got a suffix. */
  suffixedInstead: boolean;
}

export interface ExistingSheet {
  name: string;
  /** True when the sheet carries the CaseMix marker. */
  ours: boolean;
}

/** Thrown when the user cancels; the sheets added by the build have been deleted. */
export class RenderCancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "RenderCancelled";
  }
}

// ---------------------------------------------------------------------------------------
// Cells

/**
 * The value to send for a model cell: a string Excel would read as a formula, number, date
 * or boolean gets a leading apostrophe; NaN and infinities become blanks.
 *
 *     excelCell("=1+1")   // "'=1+1"
 *     excelCell("0101")   // "'0101"
 *     excelCell("GB11")   // "GB11"
 */
export function excelCell(value: CellValue | undefined): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value;
  return excelText(value);
}

const MONTH_START = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s./-]*\d/i;

function excelText(s: string): string {
  if (s === "") return s;
  const c = s.charCodeAt(0);
  // = + - @ ' start formulas or are eaten by Excel; digits, signs, currency and brackets may
  // make a number or a date; TRUE/FALSE become booleans; "Mar 2024" becomes a date.
  if (c === 61 || c === 43 || c === 45 || c === 64 || c === 39) return "'" + s;
  const t = s.trim();
  if (t === "" || /^[\d.,(\\$¥€£:/]/.test(t) || /^(true|false)$/i.test(t) || MONTH_START.test(t)) return "'" + s;
  if (t !== s && /^[+\-=@]/.test(t)) return "'" + s;
  return s;
}

/** Bytes a cell takes in the JSON of a request (UTF-8, with its comma). */
export function cellBytes(value: string | number | boolean): number {
  if (typeof value === "number") return String(value).length + 1;
  if (typeof value === "boolean") return value ? 5 : 6;
  let bytes = 3;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20) bytes += 6;
    else if (c === 34 || c === 92) bytes += 2;
    else if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

/** Excel column letters of a 0-based column index: 0 -> A, 27 -> AB. */
export function columnLetters(column: number): string {
  let s = "";
  let n = column + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a 0-based cell. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** Display width of a text in character units: CJK and full-width characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) as number) >= 0x2e80 ? 2 : 1;
  return w;
}

/** Excel column width in points for a width in characters (7 px a character plus 5 px padding). */
function widthPoints(chars: number): number {
  return Math.trunc(chars * 7 + 5) * 0.75;
}

// ---------------------------------------------------------------------------------------
// Sheet names

/** A valid sheet name: no []:*?/\ characters, at most 31 characters, not blank. */
export function cleanSheetName(name: string): string {
  let s = name
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/^'+|'+$/g, "")
    .trim();
  if (s === "") s = "CaseMix";
  return s.slice(0, MAX_SHEET_NAME);
}

/** The name with a suffix " (k)", shortened so the whole stays within 31 characters. */
export function suffixedName(name: string, k: number): string {
  if (k <= 1) return cleanSheetName(name);
  const suffix = ` (${k})`;
  return cleanSheetName(name).slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
}

/**
 * The smallest k >= 2 such that every report name with the suffix " (k)" is free; one suffix
 * for the whole report so its sheets stay together.
 *
 *     commonSuffix(["四象限分析", "参数"], ["四象限分析"])  // 2
 */
export function commonSuffix(names: readonly string[], taken: readonly string[]): number {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  for (let k = 2; ; k++) {
    if (names.every((n) => !used.has(suffixedName(n, k).toLowerCase()))) return k;
  }
}

// ---------------------------------------------------------------------------------------
// Reading the workbook

/**
 * Same-named sheets for a report, whether each is ours, and the suffix " (k)" the report
 * would get if written beside them (two requests at most).
 */
export async function sheetConflicts(
  context: Excel.RequestContext,
  names: readonly string[],
): Promise<{ existing: ExistingSheet[]; suffix: number }> {
  const counter = { syncs: 0 };
  const all = await sheetNames(context, counter);
  const wanted = names.map(cleanSheetName);
  const existing = await markedSheets(context, wanted, all, counter);
  return { existing, suffix: existing.length > 0 ? commonSuffix(wanted, all) : 1 };
}

async function sheetNames(context: Excel.RequestContext, counter: { syncs: number }): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  counter.syncs++;
  return sheets.items.map((s) => s.name);
}

async function markedSheets(
  context: Excel.RequestContext,
  names: readonly string[],
  all: readonly string[],
  counter: { syncs: number },
): Promise<ExistingSheet[]> {
  const byLower = new Map<string, string>();
  for (const name of all) byLower.set(name.toLowerCase(), name);
  const found: string[] = [];
  for (const name of names) {
    const existing = byLower.get(cleanSheetName(name).toLowerCase());
    if (existing !== undefined && !found.includes(existing)) found.push(existing);
  }
  if (found.length === 0) return [];
  // Only sheets known to exist are asked for their marker: no call on a null object.
  const markers = found.map((name) => {
    const marker = context.workbook.worksheets.getItem(name).names.getItemOrNullObject(REPORT_MARKER);
    marker.load("name");
    return marker;
  });
  await context.sync();
  counter.syncs++;
  return found.map((name, i) => ({ name, ours: !markers[i].isNullObject }));
}

// ---------------------------------------------------------------------------------------
// Requests

/** Queues calls into requests of bounded size and sends a request when it is full. */
class Requests {
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

// ---------------------------------------------------------------------------------------
// Rendering

/**
 * Writes the model as new sheets. Run it inside `Excel.run` (see `renderIntoWorkbook`, which
 * adds the undo group); `context` is the request context of that run.
 */
export async function renderWorkbook(
  context: Excel.RequestContext,
  model: WorkbookModel,
  options: RenderOptions = {},
): Promise<RenderResult> {
  const budget = options.requestBudget ?? DEFAULT_REQUEST_BUDGET;
  const policy = options.existing ?? "suffix";
  const counter = { syncs: 0 };
  const wanted = model.sheets.map((s) => cleanSheetName(s.name));

  // 1. The names in use, and (when replacing) which same-named sheets are ours.
  const taken = await sheetNames(context, counter);
  let replaceable = new Map<string, string>();
  let suffixedInstead = false;
  if (policy === "replace") {
    const existing = await markedSheets(context, wanted, taken, counter);
    if (existing.some((e) => !e.ours)) suffixedInstead = true;
    else replaceable = new Map(existing.map((e) => [e.name.toLowerCase(), e.name]));
  }
  const takenLower = new Set(taken.map((n) => n.toLowerCase()));
  const conflict = wanted.some((n) => takenLower.has(n.toLowerCase()));
  const k = conflict && replaceable.size === 0 ? commonSuffix(wanted, taken) : 1;

  // 2. Final names; with replacement the new sheets are written under temporary names and
  //    the old ones get spare names to step aside to.
  const plans = wanted.map((name, i) => {
    const final = suffixedName(name, k);
    const old = replaceable.get(final.toLowerCase());
    return { index: i, final, old, temp: "", aside: "" };
  });
  const spare = spareNames(takenLower);
  for (const plan of plans) {
    if (plan.old === undefined) continue;
    plan.temp = spare("CaseMix tmp");
    plan.aside = spare("CaseMix old");
  }
  if (options.journal) options.journal.plans = plans.map(({ final, temp, aside }) => ({ final, temp, aside }));

  const added: Excel.Worksheet[] = [];
  const cleanUp = async () => {
    for (const sheet of added) sheet.delete();
    added.length = 0;
    await context.sync();
    counter.syncs++;
  };
  const totalRows = model.sheets.reduce((n, s) => n + tableRows(s), 0);
  const requests = new Requests(context, budget, totalRows, options, cleanUp);
  requests.counter = counter;

  try {
    const written: Excel.Worksheet[] = [];
    for (const plan of plans) {
      const sheetModel = model.sheets[plan.index];
      await requests.reserve(OP_BYTES);
      const sheet = context.workbook.worksheets.add(plan.temp || plan.final);
      added.push(sheet);
      written.push(sheet);
      await drawSheet(sheet, sheetModel, model.lang, requests, options.stamp ?? "CaseMix");
    }
    requests.rowsDone = totalRows;
    const replacing = plans.filter((p) => p.old !== undefined);
    if (replacing.length > 0) {
      // The new report is complete: from here on no failure may delete it.
      await requests.sendIfAny();
      added.length = 0;
    }
    // 3. The old sheets step aside and the new ones take their names; show the first sheet.
    plans.forEach((plan, i) => {
      if (plan.old === undefined) return;
      context.workbook.worksheets.getItem(plan.old).name = plan.aside;
      written[i].name = plan.final;
    });
    if (written.length > 0) written[0].activate();
    await syncOrExplain(context, counter, replacing, "swap");
    // 4. Only now, with the new report in place, the old one goes.
    if (replacing.length > 0) {
      for (const plan of replacing) context.workbook.worksheets.getItem(plan.aside).delete();
      await syncOrExplain(context, counter, replacing, "delete");
    }
    options.onProgress?.(1);
  } catch (error) {
    if (!(error instanceof RenderCancelled) && added.length > 0) {
      try {
        await cleanUp();
      } catch {
        // The context may be unusable after a failed request; the original error matters more.
      }
    }
    throw error;
  }
  return {
    sheets: plans.map((p) => ({ model: model.sheets[p.index].name, name: p.final, replaced: p.old !== undefined })),
    syncs: counter.syncs,
    budgetSyncs: requests.budgetSyncs,
    bytes: requests.total,
    suffixedInstead,
  };
}

/** Hands out names of the form "prefix N" not yet taken (case-insensitive), marking each taken. */
function spareNames(takenLower: Set<string>): (prefix: string) => string {
  const counters = new Map<string, number>();
  return (prefix) => {
    let name: string;
    let n = counters.get(prefix) ?? 0;
    do name = `${prefix} ${++n}`;
    while (takenLower.has(name.toLowerCase()));
    counters.set(prefix, n);
    takenLower.add(name.toLowerCase());
    return name;
  };
}

/**
 * A replacement that failed after the new report was complete: nothing was deleted at the
 * swap, and at the delete the new report is in place. The message says where each report is.
 */
export class ReplaceIncomplete extends CaseMixError {
  constructor(
    readonly stage: "swap" | "delete",
    plans: SheetPlan[],
    readonly cause: unknown,
  ) {
    const list = (names: string[]) => names.map((n) => `“${n}”`).join(", ");
    const temps = list(plans.map((p) => p.temp));
    const finals = list(plans.map((p) => p.final));
    const asides = list(plans.map((p) => p.aside));
    super(
      "value",
      stage === "swap"
        ? {
            en: `The new report was written completely, but Excel failed while renaming the sheets, so nothing was deleted: the new report is under ${finals} or ${temps}, the earlier one under its old names or ${asides}. Delete the copy you do not need.`,
            zh: `新报表已完整写入，但 Excel 在重命名工作表时出错，因此未删除任何内容：新报表位于 ${finals} 或 ${temps}，之前的报表位于原名称或 ${asides}。请删除不需要的一份。`,
          }
        : {
            en: `The new report is in place under ${finals}. Excel failed while deleting the earlier report, which may still be there as ${asides}: delete those sheets if you no longer need them.`,
            zh: `新报表已写入 ${finals}。Excel 在删除之前的报表时出错，之前的报表可能仍保留为 ${asides}：如不再需要，请手动删除这些工作表。`,
          },
    );
    this.name = "ReplaceIncomplete";
  }
}

/** Sends the request; when a replacement is under way, a failure becomes `ReplaceIncomplete`. */
async function syncOrExplain(
  context: Excel.RequestContext,
  counter: { syncs: number },
  replacing: SheetPlan[],
  stage: "swap" | "delete",
): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    if (replacing.length === 0) throw error;
    throw new ReplaceIncomplete(stage, replacing, error);
  } finally {
    counter.syncs++;
  }
}

function tableRows(sheet: SheetModel): number {
  let n = 0;
  for (const block of sheet.blocks) if (block.kind === "table") n += block.rows.length;
  return n;
}

/** Widths in characters per column: the widest wish of any block, within 8..60. */
function columnWidths(sheet: SheetModel): number[] {
  const widths: number[] = [];
  const want = (column: number, chars: number) => {
    const w = Math.max(8, Math.min(60, Math.ceil(chars)));
    if (!(widths[column] >= w)) widths[column] = w;
  };
  for (const block of sheet.blocks) {
    if (block.kind === "table") {
      block.columns.forEach((c, j) => want(j, c.width ?? displayWidth(c.header) + 2));
    } else if (block.kind === "keyValue") {
      let label = 0;
      let value = 0;
      for (const [k, v] of block.rows) {
        label = Math.max(label, displayWidth(k));
        value = Math.max(value, displayWidth(v === null ? "" : String(v)));
      }
      want(0, label + 2);
      want(1, value + 2);
    }
  }
  return widths;
}

async function drawSheet(
  sheet: Excel.Worksheet,
  model: SheetModel,
  lang: Lang,
  requests: Requests,
  stamp: string,
): Promise<void> {
  await requests.reserve(OP_BYTES * 2);
  sheet.names.add(REPORT_MARKER, sheet.getRange("A1"), markerComment(lang, stamp));
  sheet.tabColor = "#2F5597";
  const placements = placeBlocks(model);
  const widths = columnWidths(model);
  await requests.reserve(OP_BYTES * widths.length);
  widths.forEach((w, j) => {
    if (w !== undefined) sheet.getRangeByIndexes(0, j, 1, 1).format.columnWidth = widthPoints(w);
  });
  for (let b = 0; b < model.blocks.length; b++) {
    await drawBlock(sheet, model.blocks[b], placements[b], requests);
  }
  // Filter buttons: Excel allows one filter per sheet, so the first table that asks for it.
  const filtered = model.blocks.findIndex(
    (b) => b.kind === "table" && b.autoFilter && b.rows.length > 0 && b.columns.length > 0,
  );
  if (filtered >= 0) {
    const table = model.blocks[filtered] as TableBlock;
    await requests.reserve(OP_BYTES);
    sheet.autoFilter.apply(
      sheet.getRangeByIndexes(placements[filtered].headerRow, 0, table.rows.length + 1, table.columns.length),
    );
  }
  if (model.freeze && (model.freeze.rows > 0 || model.freeze.columns > 0)) {
    await requests.reserve(OP_BYTES);
    const { rows, columns } = model.freeze;
    if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, columns));
    else if (rows > 0) sheet.freezePanes.freezeRows(rows);
    else sheet.freezePanes.freezeColumns(columns);
  }
  const charts = model.charts ?? [];
  if (charts.length > 0) {
    let helperColumn = Math.max(0, ...widths.map((_, j) => j + 1));
    for (const chart of charts) helperColumn = Math.max(helperColumn, chart.anchor.column + chart.anchor.width);
    helperColumn += 1;
    for (const chart of charts) {
      helperColumn = await drawChart(sheet, model, placements, chart, lang, helperColumn, requests);
    }
  }
  for (const bar of model.barCharts ?? []) await drawBarChart(sheet, model, placements, bar, requests);
}

function markerComment(lang: Lang, stamp: string): string {
  return lang === "zh"
    ? `由 CaseMix 加载项生成的报表（${stamp}）；再次生成时加载项可在征得同意后替换此表。`
    : `Report written by the CaseMix add-in (${stamp}); a new build may replace this sheet after asking.`;
}

async function drawBlock(sheet: Excel.Worksheet, block: Block, at: BlockPlacement, requests: Requests): Promise<void> {
  if (block.kind === "text") {
    const value = excelCell(block.text);
    await requests.reserve(cellBytes(value) + OP_BYTES);
    const cell = sheet.getRangeByIndexes(at.top, 0, 1, 1);
    cell.values = [[value]];
    // A navigation property, only written to below: nothing to load.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const font = cell.format.font;
    if (block.style === "title") {
      font.bold = true;
      font.size = 14;
    } else if (block.style === "note") {
      font.italic = true;
      font.color = "#595959";
    } else if (block.style === "warning") {
      font.bold = true;
      font.color = "#C00000";
    }
    return;
  }
  if (block.caption) {
    const value = excelCell(block.caption);
    await requests.reserve(cellBytes(value) + OP_BYTES);
    const cell = sheet.getRangeByIndexes(at.top, 0, 1, 1);
    cell.values = [[value]];
    cell.format.font.bold = true;
  }
  if (block.kind === "keyValue") {
    await writeRows(
      sheet,
      at.headerRow,
      0,
      2,
      block.rows.length,
      (i) => [excelCell(block.rows[i][0]), excelCell(block.rows[i][1])],
      requests,
    );
    if (block.rows.length > 0) {
      await requests.reserve(OP_BYTES);
      sheet.getRangeByIndexes(at.headerRow, 1, block.rows.length, 1).format.horizontalAlignment = "Left";
    }
    return;
  }
  await drawTable(sheet, block, at, requests);
}

async function drawTable(
  sheet: Excel.Worksheet,
  block: TableBlock,
  at: BlockPlacement,
  requests: Requests,
): Promise<void> {
  const width = block.columns.length;
  if (width === 0) return;
  const n = block.rows.length;
  // Header.
  const headers = block.columns.map((c) => excelCell(c.header));
  await requests.reserve(headers.reduce((s: number, v) => s + cellBytes(v), 0) + OP_BYTES * 6);
  const header = sheet.getRangeByIndexes(at.headerRow, 0, 1, width);
  header.values = [headers];
  header.format.font.bold = true;
  header.format.fill.color = "#DDEBF7";
  header.format.wrapText = true;
  header.format.verticalAlignment = "Center";
  header.format.borders.getItem("EdgeBottom").style = "Continuous";
  // Number formats, one call per column over the data and total rows.
  const bodyRows = n + (block.totalRow ? 1 : 0);
  if (bodyRows > 0) {
    for (let j = 0; j < width; j++) {
      const format = columnFormat(block.columns[j]);
      if (format === undefined) continue;
      await requests.reserve(OP_BYTES);
      // A single value applies to every cell of the range.
      (sheet.getRangeByIndexes(at.firstDataRow, j, bodyRows, 1) as { numberFormat: unknown }).numberFormat = format;
    }
  }
  // Data.
  await writeRows(sheet, at.firstDataRow, 0, width, n, (i) => rowCells(block.rows[i], width), requests);
  // Total row.
  if (block.totalRow) {
    const cells = rowCells(block.totalRow, width);
    await requests.reserve(cells.reduce((s: number, v) => s + cellBytes(v), 0) + OP_BYTES * 2);
    const total = sheet.getRangeByIndexes(at.firstDataRow + n, 0, 1, width);
    total.values = [cells];
    total.format.font.bold = true;
    total.format.borders.getItem("EdgeTop").style = "Continuous";
  }
  // Conditional formats over the data rows.
  if (n > 0) {
    for (const cf of block.conditionalFormats ?? []) {
      const j = block.columns.findIndex((c) => c.id === cf.columnId);
      if (j < 0) continue;
      await requests.reserve(OP_BYTES * 2);
      addConditionalFormat(sheet.getRangeByIndexes(at.firstDataRow, j, n, 1), at.firstDataRow, j, cf);
    }
  }
}

function columnFormat(column: ColumnModel): string | undefined {
  // Text columns stay General: an "@" column would keep the apostrophe that protects text.
  if (column.type === "text") return undefined;
  return NUMBER_FORMATS[column.type];
}

function rowCells(row: readonly CellValue[], width: number): (string | number | boolean)[] {
  const out = new Array<string | number | boolean>(width);
  for (let j = 0; j < width; j++) out[j] = excelCell(row[j]);
  return out;
}

/**
 * Writes `n` rows in slices that fill the current request up to its budget; each full
 * request is sent before the next slice is queued. A row is never split.
 */
async function writeRows(
  sheet: Excel.Worksheet,
  firstRow: number,
  column: number,
  width: number,
  n: number,
  cellsOf: (i: number) => (string | number | boolean)[],
  requests: Requests,
): Promise<void> {
  let i = 0;
  let next = n > 0 ? cellsOf(0) : [];
  let nextBytes = rowBytes(next);
  while (i < n) {
    if (OP_BYTES + nextBytes > requests.room()) await requests.sendIfAny();
    const room = requests.room();
    const start = i;
    const slice: (string | number | boolean)[][] = [];
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

function rowBytes(cells: readonly (string | number | boolean)[]): number {
  let bytes = 2;
  for (let j = 0; j < cells.length; j++) bytes += cellBytes(cells[j]);
  return bytes;
}

function addConditionalFormat(range: Excel.Range, row: number, column: number, cf: ConditionalFormat): void {
  const rule = cf.rule;
  if (rule.kind === "dataBar") {
    const format = range.conditionalFormats.add("DataBar");
    format.dataBar.positiveFormat.fillColor = rule.color;
    return;
  }
  if (rule.kind === "textEquals") {
    const format = range.conditionalFormats.add("Custom");
    const text = rule.text.replace(/"/g, '""');
    format.custom.rule.formula = `=${cellAddress(row, column)}="${text}"`;
    format.custom.format.fill.color = rule.fill;
    if (rule.font) format.custom.format.font.color = rule.font;
    return;
  }
  const format = range.conditionalFormats.add("CellValue");
  format.cellValue.format.fill.color = rule.fill;
  if (rule.font) format.cellValue.format.font.color = rule.font;
  format.cellValue.rule = {
    formula1: String(rule.value),
    operator: rule.kind === "lessThan" ? "LessThan" : "GreaterThan",
  };
}

// ---------------------------------------------------------------------------------------
// Charts

/** The axis bounds of a chart (the cut lines and corner labels span them). */
interface Extent {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  logX: boolean;
}

/** Rows of a series that are a single run of consecutive rows, as [first, count], or undefined. */
function contiguous(rows: readonly number[]): [number, number] | undefined {
  for (let i = 1; i < rows.length; i++) if (rows[i] !== rows[i - 1] + 1) return undefined;
  return [rows[0], rows.length];
}

function numberAt(block: TableBlock, row: number, column: number): number | undefined {
  const v = block.rows[row]?.[column];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** Axis bounds that take in every point and the cut lines, with a 5% margin, rounded outward. */
function chartExtent(model: SheetModel, chart: ChartModel): Extent | undefined {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const series of chart.series) {
    const block = model.blocks[series.x.blockIndex];
    const yBlock = model.blocks[series.y.blockIndex];
    if (block?.kind !== "table" || yBlock?.kind !== "table") continue;
    const xj = block.columns.findIndex((c) => c.id === series.x.columnId);
    const yj = yBlock.columns.findIndex((c) => c.id === series.y.columnId);
    const rows = series.rows ?? block.rows.map((_, i) => i);
    for (const r of rows) {
      const x = numberAt(block, r, xj);
      const y = numberAt(yBlock, r, yj);
      if (x === undefined || y === undefined) continue;
      xMin = Math.min(xMin, x);
      xMax = Math.max(xMax, x);
      yMin = Math.min(yMin, y);
      yMax = Math.max(yMax, y);
    }
  }
  const cut = chart.cutLines ?? {};
  if (cut.x !== undefined && Number.isFinite(cut.x)) {
    xMin = Math.min(xMin, cut.x);
    xMax = Math.max(xMax, cut.x);
  }
  if (cut.y !== undefined && Number.isFinite(cut.y)) {
    yMin = Math.min(yMin, cut.y);
    yMax = Math.max(yMax, cut.y);
  }
  if (!(xMin <= xMax && yMin <= yMax)) return undefined;
  const pad = (lo: number, hi: number): [number, number] => {
    const span = hi - lo || Math.abs(hi) || 1;
    return [niceBound(lo - span * 0.05, false), niceBound(hi + span * 0.05, true)];
  };
  let x0: number;
  let x1: number;
  if (chart.logX && xMin > 0) {
    // Powers of 2 around the points: the ticks of a base-2 axis.
    x0 = Math.pow(2, Math.floor(Math.log2(xMin)));
    x1 = Math.pow(2, Math.ceil(Math.log2(xMax)));
    if (x1 <= x0) x1 = x0 * 2;
  } else [x0, x1] = pad(xMin, xMax);
  const [y0, y1] = pad(yMin, yMax);
  return { xMin: x0, xMax: x1, yMin: y0, yMax: y1, logX: chart.logX === true && xMin > 0 };
}

/**
 * Draws a scatter chart. Series whose rows are one run of consecutive table rows refer to the
 * table itself; other series, the cut lines and the corner labels are written to a small
 * hidden "chart data" area to the right (the chart is set to plot hidden cells). Returns the
 * next free helper column.
 */
async function drawChart(
  sheet: Excel.Worksheet,
  model: SheetModel,
  placements: BlockPlacement[],
  chart: ChartModel,
  lang: Lang,
  helperColumn: number,
  requests: Requests,
): Promise<number> {
  const extent = chartExtent(model, chart);
  if (!extent) return helperColumn;
  type Source = { name: string; x: Excel.Range; y: Excel.Range; color?: string; kind: "points" | "line" | "labels" };
  const sources: Source[] = [];
  const helperStart = helperColumn;
  let helperRows = 1;
  // Helper columns (a name over x, y pairs) are written with writeRows, so a large series
  // stays within the request budget like any table.
  const helper = async (name: string, points: [number, number][]) => {
    const column = helperColumn;
    helperColumn += 2;
    await requests.reserve(cellBytes(name) + OP_BYTES);
    sheet.getRangeByIndexes(0, column, 1, 2).values = [[excelCell(name), ""]];
    await writeRows(sheet, 1, column, 2, points.length, (i) => [finite(points[i][0]), finite(points[i][1])], requests);
    helperRows = Math.max(helperRows, points.length + 1);
    return {
      x: sheet.getRangeByIndexes(1, column, points.length, 1),
      y: sheet.getRangeByIndexes(1, column + 1, points.length, 1),
    };
  };

  for (const series of chart.series) {
    const xBlock = model.blocks[series.x.blockIndex];
    const yBlock = model.blocks[series.y.blockIndex];
    if (xBlock?.kind !== "table" || yBlock?.kind !== "table") continue;
    const xj = xBlock.columns.findIndex((c) => c.id === series.x.columnId);
    const yj = yBlock.columns.findIndex((c) => c.id === series.y.columnId);
    if (xj < 0 || yj < 0) continue;
    const rows = series.rows ?? xBlock.rows.map((_, i) => i);
    if (rows.length === 0) continue;
    const run = contiguous(rows);
    if (run && series.x.blockIndex === series.y.blockIndex) {
      const first = placements[series.x.blockIndex].firstDataRow + run[0];
      sources.push({
        name: series.name,
        x: sheet.getRangeByIndexes(first, xj, run[1], 1),
        y: sheet.getRangeByIndexes(first, yj, run[1], 1),
        color: series.color,
        kind: "points",
      });
    } else {
      const points: [number, number][] = [];
      for (const r of rows) {
        const x = numberAt(xBlock, r, xj);
        const y = numberAt(yBlock, r, yj);
        if (x !== undefined && y !== undefined) points.push([x, y]);
      }
      if (points.length === 0) continue;
      sources.push({ name: series.name, ...(await helper(series.name, points)), color: series.color, kind: "points" });
    }
  }
  if (sources.length === 0) return helperStart;
  const cut = chart.cutLines ?? {};
  if (cut.x !== undefined && Number.isFinite(cut.x)) {
    const name = `${chart.xTitle} = ${round4(cut.x)}`;
    sources.push({
      name,
      ...(await helper(name, [
        [cut.x, extent.yMin],
        [cut.x, extent.yMax],
      ])),
      kind: "line",
    });
  }
  if (cut.y !== undefined && Number.isFinite(cut.y)) {
    const name = `${chart.yTitle} = ${round4(cut.y)}`;
    sources.push({
      name,
      ...(await helper(name, [
        [extent.xMin, cut.y],
        [extent.xMax, cut.y],
      ])),
      kind: "line",
    });
  }
  if (chart.line && chart.line.points.length > 0) {
    sources.push({ name: chart.line.name, ...(await helper(chart.line.name, chart.line.points)), kind: "line" });
  }
  const corners = chart.cornerLabels ?? {};
  const labels: { text: string; at: [number, number]; position: "Left" | "Right" }[] = [];
  // Corner labels sit 3% inside the plot (in log steps on a log axis).
  const left = extent.logX
    ? extent.xMin * Math.pow(extent.xMax / extent.xMin, 0.03)
    : extent.xMin + (extent.xMax - extent.xMin) * 0.03;
  const right = extent.logX
    ? extent.xMax / Math.pow(extent.xMax / extent.xMin, 0.03)
    : extent.xMax - (extent.xMax - extent.xMin) * 0.03;
  const top = extent.yMax - (extent.yMax - extent.yMin) * 0.04;
  const bottom = extent.yMin + (extent.yMax - extent.yMin) * 0.04;
  if (corners.topRight) labels.push({ text: corners.topRight, at: [right, top], position: "Left" });
  if (corners.topLeft) labels.push({ text: corners.topLeft, at: [left, top], position: "Right" });
  if (corners.bottomRight) labels.push({ text: corners.bottomRight, at: [right, bottom], position: "Left" });
  if (corners.bottomLeft) labels.push({ text: corners.bottomLeft, at: [left, bottom], position: "Right" });
  let labelSource: Source | undefined;
  if (labels.length > 0) {
    const name = lang === "zh" ? "象限" : "Quadrants";
    labelSource = {
      name,
      ...(await helper(
        name,
        labels.map((l) => l.at),
      )),
      kind: "labels",
    };
    sources.push(labelSource);
  }
  if (helperColumn > helperStart) {
    await requests.reserve(OP_BYTES);
    sheet.getRangeByIndexes(0, helperStart, helperRows, helperColumn - helperStart).columnHidden = true;
  }

  await requests.reserve(OP_BYTES * (12 + sources.length * 6 + labels.length * 3));
  const first = sources[0];
  const excelChart = sheet.charts.add("XYScatter", first.y, "Columns");
  excelChart.title.text = chart.title;
  excelChart.axes.categoryAxis.title.text = chart.xTitle;
  excelChart.axes.valueAxis.title.text = chart.yTitle;
  if (extent.logX) {
    excelChart.axes.categoryAxis.scaleType = "Logarithmic";
    excelChart.axes.categoryAxis.logBase = 2;
  }
  excelChart.axes.categoryAxis.minimum = extent.xMin;
  excelChart.axes.categoryAxis.maximum = extent.xMax;
  excelChart.axes.valueAxis.minimum = extent.yMin;
  excelChart.axes.valueAxis.maximum = extent.yMax;
  excelChart.legend.position = "Bottom";
  if (helperColumn > helperStart) excelChart.plotVisibleOnly = false;
  const { row, column, width, height } = chart.anchor;
  excelChart.setPosition(
    sheet.getRangeByIndexes(row, column, 1, 1),
    sheet.getRangeByIndexes(row + height - 1, column + width - 1, 1, 1),
  );
  sources.forEach((source, i) => {
    const series = i === 0 ? excelChart.series.getItemAt(0) : excelChart.series.add(source.name);
    series.name = source.name;
    series.setXAxisValues(source.x);
    series.setValues(source.y);
    if (source.kind === "line") {
      series.chartType = "XYScatterLinesNoMarkers";
      series.format.line.color = "#7F7F7F";
      series.format.line.lineStyle = "Dash";
    } else if (source.kind === "labels") {
      series.markerStyle = "None";
      series.hasDataLabels = true;
      labels.forEach((label, p) => {
        const dataLabel = series.points.getItemAt(p).dataLabel;
        dataLabel.showValue = false;
        dataLabel.showSeriesName = false;
        dataLabel.showCategoryName = false;
        dataLabel.text = label.text;
        dataLabel.position = label.position;
      });
    } else {
      series.markerStyle = "Circle";
      series.markerSize = 6;
      if (source.color) {
        series.markerBackgroundColor = source.color;
        series.markerForegroundColor = source.color;
      }
    }
  });
  return helperColumn;
}

/**
 * Draws a bar chart over the rows of one table block: labels and values refer to the table's
 * own cells, so no helper cells are written. Bars below 0 get the series' negative colour.
 */
async function drawBarChart(
  sheet: Excel.Worksheet,
  model: SheetModel,
  placements: BlockPlacement[],
  chart: BarChartModel,
  requests: Requests,
): Promise<void> {
  const at = chart.categories.blockIndex;
  const block = model.blocks[at];
  if (block?.kind !== "table" || block.rows.length === 0) return;
  const cj = block.columns.findIndex((c) => c.id === chart.categories.columnId);
  const series = chart.series
    .map((s) => ({
      s,
      j: s.values.blockIndex === at ? block.columns.findIndex((c) => c.id === s.values.columnId) : -1,
    }))
    .filter((x) => x.j >= 0);
  if (cj < 0 || series.length === 0) return;
  const n = block.rows.length;
  const first = placements[at].firstDataRow;
  let negatives = 0;
  for (const x of series)
    for (let r = 0; x.s.negativeColor && r < n; r++) if ((numberAt(block, r, x.j) ?? 0) < 0) negatives++;
  await requests.reserve(OP_BYTES * (12 + series.length * 6 + negatives));
  const categories = sheet.getRangeByIndexes(first, cj, n, 1);
  const excelChart = sheet.charts.add(
    chart.horizontal ? "BarClustered" : "ColumnClustered",
    sheet.getRangeByIndexes(first, series[0].j, n, 1),
    "Columns",
  );
  excelChart.title.text = chart.title;
  excelChart.axes.categoryAxis.title.text = chart.xTitle;
  excelChart.axes.valueAxis.title.text = chart.yTitle;
  const type = chart.valueType ?? "number";
  const format = NUMBER_FORMATS[type] === "@" ? "General" : NUMBER_FORMATS[type];
  excelChart.axes.valueAxis.numberFormat = type === "percent" ? "0%" : format;
  if (chart.horizontal) {
    // The first row at the top, the value axis at the bottom.
    excelChart.axes.categoryAxis.reversePlotOrder = true;
    excelChart.axes.categoryAxis.position = "Maximum";
  }
  excelChart.legend.visible = series.length > 1;
  if (series.length > 1) excelChart.legend.position = "Bottom";
  const { row, column, width, height } = chart.anchor;
  excelChart.setPosition(
    sheet.getRangeByIndexes(row, column, 1, 1),
    sheet.getRangeByIndexes(row + height - 1, column + width - 1, 1, 1),
  );
  series.forEach(({ s, j }, i) => {
    const item = i === 0 ? excelChart.series.getItemAt(0) : excelChart.series.add(s.name);
    item.name = s.name;
    item.setXAxisValues(categories);
    item.setValues(sheet.getRangeByIndexes(first, j, n, 1));
    // Labels show the value in the cells' own number format (linked to the source).
    item.hasDataLabels = true;
    if (s.color) item.format.fill.setSolidColor(s.color);
    if (s.negativeColor) {
      for (let r = 0; r < n; r++) {
        if ((numberAt(block, r, j) ?? 0) < 0) item.points.getItemAt(r).format.fill.setSolidColor(s.negativeColor);
      }
    }
  });
}

function finite(x: number): number | string {
  return Number.isFinite(x) ? x : "";
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** An axis bound rounded outward to two significant digits of the span's scale. */
function niceBound(x: number, up: boolean): number {
  if (x === 0) return 0;
  const step = Math.pow(10, Math.floor(Math.log10(Math.abs(x))) - 1);
  return (up ? Math.ceil(x / step) : Math.floor(x / step)) * step;
}
