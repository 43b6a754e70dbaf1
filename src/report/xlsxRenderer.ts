/**
 * Draws a `WorkbookModel` into an .xlsx file with ExcelJS, cell for cell where the Excel
 * renderer puts it (`placeBlocks`).
 *
 * ExcelJS cannot write charts, so the scatter charts of the model are added afterwards: the
 * saved zip is opened again with JSZip (which ExcelJS ships) and gets, per chart, an
 * `xl/charts/chartN.xml` (DrawingML scatter chart: one series per model series, each cut line
 * as an extra two-point series, fixed axis bounds so the lines span the plot), a
 * `xl/drawings/drawingN.xml` anchoring it on the sheet, a `chartUserShapes` part with the
 * corner labels (quadrant names) as text boxes, the relationships and the content types.
 * Every series takes its values from the sheet's cells (with a cache of the values, so the
 * chart shows before any recalculation): a series over one run of consecutive table rows
 * refers to the table; the cut lines, the fitted line and series whose rows are scattered are
 * written, like the Excel renderer does, into a block of hidden helper columns right of the
 * tables and the charts (a name in row 1 over x, y pairs), and the chart plots hidden cells.
 * No literal (`numLit`) values: LibreOffice does not draw them.
 */
import type * as ExcelJS from "exceljs";
import type JSZip from "jszip";
import {
  BarChartModel,
  BarSeries,
  Block,
  CellValue,
  ChartModel,
  ColumnModel,
  NUMBER_FORMATS,
  placeBlocks,
  ScatterSeries,
  SheetModel,
  TableBlock,
  WorkbookModel,
} from "./model";
import { excelJS, jsZip } from "./lazyModules";

/** A1-style column letters of a 0-based column index. */
export function columnLetter(column: number): string {
  let s = "";
  let c = column + 1;
  while (c > 0) {
    const r = (c - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    c = Math.floor((c - 1) / 26);
  }
  return s;
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
export function safeSheetName(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, " ")
      .trim()
      .slice(0, 31) || "Sheet";
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = base.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

const argb = (hex: string) => "FF" + hex.replace(/^#/, "").toUpperCase();
const HEADER_FILL = "#D9E1F2";
const TOTAL_FILL = "#F2F2F2";
const NOTE_COLOR = "#595959";
const WARNING_COLOR = "#C65911";

function solid(hex: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } };
}

function writeValue(cell: ExcelJS.Cell, value: CellValue): void {
  if (value === null || value === undefined) return;
  if (typeof value === "number" && !Number.isFinite(value)) return;
  cell.value = value;
}

interface ChartJob {
  sheetName: string;
  chart: ChartModel;
  /** Number format of the value axis: that of the first series' y column. */
  yFormat: string;
  /** Where each series' cells are and what they hold. */
  series: { model: ScatterSeries; x: Ref; y: Ref }[];
  /** Axis bounds [min, max] (fixed, so the cut lines span the plot). */
  xBounds: [number, number];
  yBounds: [number, number];
  /** The cut lines and the fitted line, drawn dashed without markers, from helper cells. */
  lines: { name: string; x: Ref; y: Ref }[];
}

/** A bar chart to add: the labels and each series' values, with the cells they come from. */
interface BarJob {
  sheetName: string;
  chart: BarChartModel;
  categories: { formula: string; labels: string[] };
  series: { model: BarSeries; values: Ref }[];
}

interface Ref {
  /** A formula such as 'Sheet'!$D$4:$D$20. */
  formula: string;
  values: number[];
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Row runs of consecutive indices: [[start, end], ...] (inclusive). */
function runs(rows: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

/** A column of a table block with the values of the given rows (non-numbers as NaN). */
function seriesColumn(sheet: SheetModel, series: ScatterSeries, which: "x" | "y") {
  const ref = series[which];
  const block = sheet.blocks[ref.blockIndex];
  if (!block || block.kind !== "table")
    throw new Error(`chart series ${series.name}: block ${ref.blockIndex} is not a table`);
  const col = block.columns.findIndex((c) => c.id === ref.columnId);
  if (col < 0) throw new Error(`chart series ${series.name}: no column ${ref.columnId}`);
  const rows = series.rows ?? block.rows.map((_, i) => i);
  const values = rows.map((r) => {
    const v = block.rows[r][col];
    return typeof v === "number" && Number.isFinite(v) ? v : NaN;
  });
  return { col, rows, values };
}

/**
 * The hidden "chart data" columns of one sheet: each `put` takes two columns from `start`
 * on, the name in row 1 over the x, y pairs below it, and returns the references to them.
 */
class HelperArea {
  private next: number;
  constructor(
    private readonly ws: ExcelJS.Worksheet,
    private readonly sheetName: string,
    readonly start: number,
  ) {
    this.next = start;
  }

  get used(): boolean {
    return this.next > this.start;
  }

  put(name: string, points: readonly [number, number][]): { x: Ref; y: Ref } {
    const column = this.next;
    this.next += 2;
    this.ws.getCell(1, column + 1).value = name;
    points.forEach(([x, y], i) => {
      writeValue(this.ws.getCell(i + 2, column + 1), x);
      writeValue(this.ws.getCell(i + 2, column + 2), y);
    });
    for (const c of [column, column + 1]) this.ws.getColumn(c + 1).hidden = true;
    // An empty series still gets one (blank) row, so its reference is a valid range.
    const n = Math.max(1, points.length);
    const ref = (c: number, values: number[]): Ref => ({
      formula: `${quoteSheet(this.sheetName)}!$${columnLetter(c)}$2:$${columnLetter(c)}$${n + 1}`,
      values: values.length ? values : [NaN],
    });
    return {
      x: ref(
        column,
        points.map((p) => p[0]),
      ),
      y: ref(
        column + 1,
        points.map((p) => p[1]),
      ),
    };
  }
}

/** The first column right of everything a sheet shows: its blocks and its charts. */
function usedColumns(sheet: SheetModel): number {
  let used = 0;
  for (const block of sheet.blocks)
    used = Math.max(used, block.kind === "table" ? block.columns.length : block.kind === "keyValue" ? 2 : 1);
  for (const c of [...(sheet.charts ?? []), ...(sheet.barCharts ?? [])])
    used = Math.max(used, c.anchor.column + c.anchor.width);
  return used;
}

/**
 * The cells of a scatter chart: a series over one run of table rows (x and y in the same
 * table) refers to the table; any other series, the cut lines and the fitted line go to the
 * helper area.
 */
function chartJob(
  sheet: SheetModel,
  sheetName: string,
  placements: ReturnType<typeof placeBlocks>,
  chart: ChartModel,
  helpers: HelperArea,
  lang: string,
): ChartJob {
  const series = chart.series.map((s) => {
    const x = seriesColumn(sheet, s, "x");
    const y = seriesColumn(sheet, s, "y");
    const spans = runs(x.rows);
    if (spans.length === 1 && s.x.blockIndex === s.y.blockIndex) {
      const first = placements[s.x.blockIndex].firstDataRow + spans[0][0] + 1;
      const last = placements[s.x.blockIndex].firstDataRow + spans[0][1] + 1;
      const range = (col: number) =>
        `${quoteSheet(sheetName)}!$${columnLetter(col)}$${first}:$${columnLetter(col)}$${last}`;
      return {
        model: s,
        x: { formula: range(x.col), values: x.values },
        y: { formula: range(y.col), values: y.values },
      };
    }
    const pairs: [number, number][] = [];
    x.values.forEach((v, i) => {
      if (Number.isFinite(v) && Number.isFinite(y.values[i])) pairs.push([v, y.values[i]]);
    });
    return { model: s, ...helpers.put(s.name, pairs) };
  });
  const xs = series.flatMap((s) => s.x.values);
  const ys = series.flatMap((s) => s.y.values);
  const cutX = chart.cutLines?.x;
  const cutY = chart.cutLines?.y;
  const xFinite = xs.filter(Number.isFinite);
  const yFinite = ys.filter(Number.isFinite);
  const xSpan = xFinite.length ? Math.max(...xFinite, cutX ?? -Infinity) - Math.min(0, ...xFinite) : 1;
  const ySpan = yFinite.length ? Math.max(...yFinite, cutY ?? -Infinity) - Math.min(...yFinite, cutY ?? Infinity) : 1;
  const xb = chart.logX ? logAxisBounds(xs, cutX) : axisBounds(xs, cutX, niceStep(xSpan), true);
  const yb = axisBounds(ys, cutY, niceStep(ySpan), false);

  const lines: ChartJob["lines"] = [];
  const fmt = (v: number, digits: number) => Number(v.toFixed(digits)).toString();
  if (cutX !== undefined && Number.isFinite(cutX)) {
    const name = `${lang === "zh-CN" ? "横轴分界线" : "x cut"} ${chart.xTitle} = ${fmt(cutX, 4)}`;
    lines.push({
      name,
      ...helpers.put(name, [
        [cutX, yb[0]],
        [cutX, yb[1]],
      ]),
    });
  }
  if (cutY !== undefined && Number.isFinite(cutY)) {
    const name = `${lang === "zh-CN" ? "纵轴分界线" : "y cut"} = ${fmt(cutY * 100, 2)}%`;
    lines.push({
      name,
      ...helpers.put(name, [
        [xb[0], cutY],
        [xb[1], cutY],
      ]),
    });
  }
  if (chart.line) {
    const points = chart.line.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
    lines.push({ name: chart.line.name, ...helpers.put(chart.line.name, points) });
  }
  return { sheetName, chart, yFormat: yAxisFormat(sheet, chart), series, xBounds: xb, yBounds: yb, lines };
}

/** The value axis shows the y column's kind of number: 0% for rates (the quadrant chart), #,##0 for money. */
function yAxisFormat(sheet: SheetModel, chart: ChartModel): string {
  const ref = chart.series[0]?.y;
  const block = ref ? sheet.blocks[ref.blockIndex] : undefined;
  const type = block?.kind === "table" ? block.columns.find((c) => c.id === ref.columnId)?.type : "percent";
  if (type === "percent") return "0%";
  if (type === "money" || type === "integer" || type === "number") return "#,##0";
  return "General";
}

function renderTable(
  ws: ExcelJS.Worksheet,
  block: TableBlock,
  top: number,
  headerRow: number,
  autoFilter: boolean,
  nextPriority: () => number,
): void {
  if (block.caption) {
    const c = ws.getCell(top + 1, 1);
    c.value = block.caption;
    c.font = { bold: true, size: 12 };
  }
  block.columns.forEach((col, j) => {
    const c = ws.getCell(headerRow + 1, j + 1);
    c.value = col.header;
    c.font = { bold: true };
    c.fill = solid(HEADER_FILL);
    c.alignment = { vertical: "middle", wrapText: true, horizontal: col.type === "text" ? "left" : "center" };
    c.border = { bottom: { style: "thin", color: { argb: argb("#8EA9DB") } } };
  });
  const first = headerRow + 1;
  const formats = block.columns.map((col) => NUMBER_FORMATS[col.type]);
  block.rows.forEach((row, i) => {
    const r = ws.getRow(first + i + 1);
    row.forEach((v, j) => {
      if (v === null || v === undefined) return;
      const c = r.getCell(j + 1);
      writeValue(c, v);
      if (typeof v === "number" && block.columns[j].type !== "text") c.numFmt = formats[j];
    });
  });
  if (block.totalRow) {
    const r = ws.getRow(first + block.rows.length + 1);
    block.totalRow.forEach((v, j) => {
      const c = r.getCell(j + 1);
      writeValue(c, v);
      if (typeof v === "number" && block.columns[j]?.type !== "text") c.numFmt = formats[j] ?? "General";
    });
    for (let j = 0; j < block.columns.length; j++) {
      const c = r.getCell(j + 1);
      c.font = { bold: true };
      c.fill = solid(TOTAL_FILL);
      c.border = { top: { style: "thin" } };
    }
  }
  const n = block.rows.length;
  if (n > 0) {
    for (const cf of block.conditionalFormats ?? []) {
      const col = block.columns.findIndex((c) => c.id === cf.columnId);
      if (col < 0) continue;
      const letter = columnLetter(col);
      const ref = `${letter}${first + 1}:${letter}${first + n}`;
      const rule = cf.rule;
      const style = (fill: string, font?: string): Partial<ExcelJS.Style> => ({
        fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(fill) } },
        ...(font ? { font: { color: { argb: argb(font) } } } : {}),
      });
      let excelRule: ExcelJS.ConditionalFormattingRule;
      if (rule.kind === "lessThan" || rule.kind === "greaterThan") {
        excelRule = {
          type: "cellIs",
          operator: rule.kind,
          formulae: [String(rule.value)],
          style: style(rule.fill, rule.font),
          priority: nextPriority(),
        };
      } else if (rule.kind === "textEquals") {
        excelRule = {
          type: "cellIs",
          operator: "equal",
          formulae: [`"${rule.text.replace(/"/g, '""')}"`],
          style: style(rule.fill, rule.font),
          priority: nextPriority(),
        };
      } else {
        excelRule = {
          type: "dataBar",
          priority: nextPriority(),
          cfvo: [{ type: "min" }, { type: "max" }],
          color: { argb: argb(rule.color) },
          // A solid bar: ExcelJS then writes the Excel 2010 (x14) data bar with its worksheet extension.
          gradient: false,
        } as unknown as ExcelJS.ConditionalFormattingRule;
      }
      ws.addConditionalFormatting({ ref, rules: [excelRule] });
    }
    if (autoFilter) {
      ws.autoFilter = { from: { row: headerRow + 1, column: 1 }, to: { row: first + n, column: block.columns.length } };
    }
  }
}

function renderSheet(ws: ExcelJS.Worksheet, sheet: SheetModel): void {
  const placements = placeBlocks(sheet);
  const widths: number[] = [];
  const want = (j: number, w: number) => {
    widths[j] = Math.max(widths[j] ?? 8, w);
  };
  let filtered = false;
  // Unique rule priorities, in the order the model lists the formats.
  let priority = 0;
  const nextPriority = () => ++priority;
  sheet.blocks.forEach((block: Block, b) => {
    const p = placements[b];
    if (block.kind === "text") {
      const c = ws.getCell(p.top + 1, 1);
      c.value = block.text;
      if (block.style === "title") c.font = { bold: true, size: 14 };
      else if (block.style === "note") c.font = { italic: true, color: { argb: argb(NOTE_COLOR) } };
      else if (block.style === "warning") c.font = { bold: true, color: { argb: argb(WARNING_COLOR) } };
      return;
    }
    if (block.kind === "keyValue") {
      if (block.caption) {
        const c = ws.getCell(p.top + 1, 1);
        c.value = block.caption;
        c.font = { bold: true, size: 12 };
      }
      block.rows.forEach(([key, value], i) => {
        const k = ws.getCell(p.headerRow + i + 1, 1);
        k.value = key;
        k.font = { color: { argb: argb(NOTE_COLOR) } };
        const v = ws.getCell(p.headerRow + i + 1, 2);
        writeValue(v, value);
        if (typeof value === "number") v.numFmt = Number.isInteger(value) ? "#,##0" : "#,##0.00####";
        v.alignment = { horizontal: "left" };
        want(0, Math.min(48, key.length * (/[\u0100-\uffff]/.test(key) ? 2 : 1) + 2));
        want(1, Math.min(60, String(value ?? "").length + 2));
      });
      return;
    }
    // Excel allows one filter range per sheet: the first table that asks for one gets it.
    const filter = block.autoFilter === true && !filtered;
    if (filter) filtered = true;
    renderTable(ws, block, p.top, p.headerRow, filter, nextPriority);
    block.columns.forEach((col: ColumnModel, j) => want(j, col.width ?? 12));
  });
  widths.forEach((w, j) => {
    if (w !== undefined) ws.getColumn(j + 1).width = w;
  });
  if (sheet.freeze) {
    ws.views = [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }];
  }
}

/** Renders the model into an .xlsx file held in memory. */
export async function renderXlsx(model: WorkbookModel): Promise<Buffer> {
  const wb = new (excelJS().Workbook)();
  wb.creator = "CaseMix";
  wb.created = new Date();
  const taken = new Set<string>();
  const jobs: (ChartJob | BarJob)[] = [];
  for (const sheet of model.sheets) {
    const name = safeSheetName(sheet.name, taken);
    taken.add(name);
    const ws = wb.addWorksheet(name);
    renderSheet(ws, sheet);
    const placements = placeBlocks(sheet);
    // One blank column between the sheet's content (tables, charts) and the hidden helpers.
    const helpers = new HelperArea(ws, name, usedColumns(sheet) + 1);
    const lang = model.lang === "zh" ? "zh-CN" : "en-US";
    for (const chart of sheet.charts ?? []) jobs.push(chartJob(sheet, name, placements, chart, helpers, lang));
    for (const bar of sheet.barCharts ?? []) {
      const job = barJob(sheet, name, placements, bar);
      if (job) jobs.push(job);
    }
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  if (jobs.length === 0) return buffer;
  return addCharts(buffer, jobs, model.lang === "zh" ? "zh-CN" : "en-US");
}

/** Renders the model and writes it to a file. */
export async function writeXlsx(model: WorkbookModel, path: string): Promise<void> {
  const { writeFile } = await import("fs/promises");
  await writeFile(path, await renderXlsx(model));
}

// ---------------------------------------------------------------------------------------
// Charts (DrawingML), added to the zip ExcelJS wrote
// ---------------------------------------------------------------------------------------

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_CDR = "http://schemas.openxmlformats.org/drawingml/2006/chartDrawing";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_SHAPES = "application/vnd.openxmlformats-officedocument.drawingml.chartshapes+xml";

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function num(x: number): string {
  return Number.isFinite(x) ? String(x) : "0";
}

function points(values: readonly number[]): string {
  let out = `<c:ptCount val="${values.length}"/>`;
  values.forEach((v, i) => {
    if (Number.isFinite(v)) out += `<c:pt idx="${i}"><c:v>${num(v)}</c:v></c:pt>`;
  });
  return out;
}

function numData(ref: Ref): string {
  return `<c:numRef><c:f>${esc(ref.formula)}</c:f><c:numCache><c:formatCode>General</c:formatCode>${points(ref.values)}</c:numCache></c:numRef>`;
}

function richText(text: string, lang: string, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="${lang}" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

/** Axis bounds that hold every value and the cut line, on a round step. */
export function axisBounds(
  values: readonly number[],
  cut: number | undefined,
  step: number,
  fromZero: boolean,
): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (cut !== undefined && Number.isFinite(cut)) {
    lo = Math.min(lo, cut);
    hi = Math.max(hi, cut);
  }
  if (!Number.isFinite(lo)) return [0, 1];
  if (fromZero && lo >= 0) lo = 0;
  const pad = (hi - lo) * 0.04 || step;
  let min = Math.floor((lo - (fromZero && lo === 0 ? 0 : pad)) / step) * step;
  let max = Math.ceil((hi + pad) / step) * step;
  if (min === max) max = min + step;
  // Round away binary noise (0.30000000000000004).
  min = Number(min.toPrecision(12));
  max = Number(max.toPrecision(12));
  return [min, max];
}

function niceStep(span: number): number {
  const raw = span / 8;
  const p = Math.pow(10, Math.floor(Math.log10(raw || 1)));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

function marker(color: string | undefined): string {
  const fill = color
    ? `<a:solidFill><a:srgbClr val="${color.replace(/^#/, "")}"><a:alpha val="80000"/></a:srgbClr></a:solidFill>`
    : "";
  return `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>${fill}<a:ln w="6350"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr></c:marker>`;
}

/** Bounds of a base-2 logarithmic axis: the powers of two around the positive values and the cut. */
export function logAxisBounds(values: readonly number[], cut: number | undefined): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of [...values, ...(cut !== undefined ? [cut] : [])]) {
    if (!(v > 0 && v < Infinity)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!Number.isFinite(lo)) return [0.25, 4];
  const min = Math.pow(2, Math.floor(Math.log2(lo)));
  let max = Math.pow(2, Math.ceil(Math.log2(hi)));
  if (max <= min) max = min * 2;
  return [min, max];
}

function valAx(
  id: number,
  cross: number,
  pos: "b" | "l",
  title: string,
  lang: string,
  bounds: [number, number],
  format: string,
  logBase?: number,
): string {
  const log = logBase ? `<c:logBase val="${logBase}"/>` : "";
  return (
    `<c:valAx><c:axId val="${id}"/><c:scaling>${log}<c:orientation val="minMax"/><c:max val="${num(bounds[1])}"/><c:min val="${num(bounds[0])}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${pos}"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="3175"><a:solidFill><a:srgbClr val="E7E6E6"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:title>${richText(title, lang, 1000, true)}<c:overlay val="0"/></c:title>` +
    `<c:numFmt formatCode="${esc(format)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `<c:crossAx val="${cross}"/><c:crosses val="min"/><c:crossBetween val="midCat"/></c:valAx>`
  );
}

/** Where the plot sits inside the chart (fractions of the chart area), fixed so the corner labels land in its corners. */
const PLOT = { x: 0.1, y: 0.1, w: 0.86, h: 0.66 };

function chartXml(job: ChartJob, lang: string, shapesRelId: string | undefined): string {
  const { chart } = job;
  const xb = job.xBounds;
  const yb = job.yBounds;

  let series = "";
  let idx = 0;
  for (const s of job.series) {
    series +=
      `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/><c:tx><c:v>${esc(s.model.name)}</c:v></c:tx>` +
      `<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr>${marker(s.model.color)}` +
      `<c:xVal>${numData(s.x)}</c:xVal><c:yVal>${numData(s.y)}</c:yVal><c:smooth val="0"/></c:ser>`;
    idx++;
  }
  for (const l of job.lines) {
    series +=
      `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/><c:tx><c:v>${esc(l.name)}</c:v></c:tx>` +
      `<c:spPr><a:ln w="15875"><a:solidFill><a:srgbClr val="595959"/></a:solidFill><a:prstDash val="dash"/></a:ln></c:spPr>` +
      `<c:marker><c:symbol val="none"/></c:marker>` +
      `<c:xVal>${numData(l.x)}</c:xVal><c:yVal>${numData(l.y)}</c:yVal><c:smooth val="0"/></c:ser>`;
    idx++;
  }
  const layout =
    `<c:layout><c:manualLayout><c:layoutTarget val="inner"/><c:xMode val="edge"/><c:yMode val="edge"/>` +
    `<c:x val="${PLOT.x}"/><c:y val="${PLOT.y}"/><c:w val="${PLOT.w}"/><c:h val="${PLOT.h}"/></c:manualLayout></c:layout>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:lang val="${lang}"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${richText(chart.title, lang, 1300, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea>${layout}<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}` +
    `<c:axId val="500100"/><c:axId val="500200"/></c:scatterChart>` +
    valAx(500100, 500200, "b", chart.xTitle, lang, xb, chart.logX ? "General" : "0.0#", chart.logX ? 2 : undefined) +
    valAx(500200, 500100, "l", chart.yTitle, lang, yb, job.yFormat) +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="0"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    (shapesRelId ? `<c:userShapes r:id="${shapesRelId}"/>` : "") +
    `</c:chartSpace>`
  );
}

// ---------------------------------------------------------------------------------------
// Bar charts (BarChartModel): one bar per row of a table block, labels from its text column

function isBarJob(job: ChartJob | BarJob): job is BarJob {
  return job.chart.kind === "bar";
}

/** The cells of a bar chart's columns, or undefined when the table is empty or a column is unknown. */
function barJob(
  sheet: SheetModel,
  sheetName: string,
  placements: ReturnType<typeof placeBlocks>,
  chart: BarChartModel,
): BarJob | undefined {
  const at = chart.categories.blockIndex;
  const block = sheet.blocks[at];
  if (!block || block.kind !== "table" || block.rows.length === 0) return undefined;
  const n = block.rows.length;
  const first = placements[at].firstDataRow + 1;
  const range = (j: number) =>
    `${quoteSheet(sheetName)}!$${columnLetter(j)}$${first}:$${columnLetter(j)}$${first + n - 1}`;
  const cj = block.columns.findIndex((c) => c.id === chart.categories.columnId);
  if (cj < 0) throw new Error(`bar chart ${chart.title}: no column ${chart.categories.columnId}`);
  const series = chart.series.map((s) => {
    const j = block.columns.findIndex((c) => c.id === s.values.columnId);
    if (j < 0 || s.values.blockIndex !== at)
      throw new Error(`bar chart ${chart.title}: series ${s.name} is not a column of the labels' table`);
    const values = block.rows.map((r) => (typeof r[j] === "number" && Number.isFinite(r[j]) ? (r[j] as number) : NaN));
    return { model: s, values: { formula: range(j), values } };
  });
  const labels = block.rows.map((r) => (r[cj] === null || r[cj] === undefined ? "" : String(r[cj])));
  return { sheetName, chart, categories: { formula: range(cj), labels }, series };
}

function solidFill(hex: string): string {
  return `<a:solidFill><a:srgbClr val="${hex.replace(/^#/, "").toUpperCase()}"/></a:solidFill>`;
}

function barChartXml(job: BarJob, lang: string): string {
  const { chart } = job;
  const type = chart.valueType ?? "number";
  const labelFormat = NUMBER_FORMATS[type] === "@" ? "General" : NUMBER_FORMATS[type];
  const axisFormat = type === "percent" ? "0%" : labelFormat;
  const cats = job.categories.labels;
  const strCache =
    `<c:ptCount val="${cats.length}"/>` + cats.map((c, i) => `<c:pt idx="${i}"><c:v>${esc(c)}</c:v></c:pt>`).join("");
  let series = "";
  job.series.forEach((s, idx) => {
    const color = s.model.color ?? "#5B9BD5";
    const negative = s.model.negativeColor;
    let points = "";
    if (negative) {
      s.values.values.forEach((v, i) => {
        if (v < 0)
          points += `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${solidFill(negative)}</c:spPr></c:dPt>`;
      });
    }
    series +=
      `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/><c:tx><c:v>${esc(s.model.name)}</c:v></c:tx>` +
      `<c:spPr>${solidFill(color)}</c:spPr><c:invertIfNegative val="0"/>${points}` +
      `<c:dLbls><c:numFmt formatCode="${esc(labelFormat)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
      `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="${lang}"/></a:p></c:txPr>` +
      `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
      `<c:cat><c:strRef><c:f>${esc(job.categories.formula)}</c:f><c:strCache>${strCache}</c:strCache></c:strRef></c:cat>` +
      `<c:val>${numData(s.values)}</c:val></c:ser>`;
  });
  const horizontal = chart.horizontal === true;
  // Horizontal bars list the first row at the top: the category axis runs max to min and the
  // value axis crosses it at its maximum (the bottom).
  const catAx =
    `<c:catAx><c:axId val="500300"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/><c:title>${richText(chart.xTitle, lang, 1000, true)}<c:overlay val="0"/></c:title>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `<c:crossAx val="500400"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="500400"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="3175"><a:solidFill><a:srgbClr val="E7E6E6"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:title>${richText(chart.yTitle, lang, 1000, true)}<c:overlay val="0"/></c:title>` +
    `<c:numFmt formatCode="${esc(axisFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500300"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  const legend = job.series.length > 1 ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:lang val="${lang}"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${richText(chart.title, lang, 1300, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="60"/><c:axId val="500300"/><c:axId val="500400"/></c:barChart>${catAx}${valAx}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

function cornerShapesXml(chart: ChartModel, lang: string): string | undefined {
  const labels = chart.cornerLabels;
  if (!labels) return undefined;
  const inset = 0.01;
  const w = 0.3;
  const h = 0.06;
  const left = PLOT.x + inset;
  const right = PLOT.x + PLOT.w - inset;
  const top = PLOT.y + inset;
  const bottom = PLOT.y + PLOT.h - inset;
  const boxes: { text: string; x0: number; y0: number; align: "l" | "r" }[] = [];
  if (labels.topRight) boxes.push({ text: labels.topRight, x0: right - w, y0: top, align: "r" });
  if (labels.topLeft) boxes.push({ text: labels.topLeft, x0: left, y0: top, align: "l" });
  if (labels.bottomRight) boxes.push({ text: labels.bottomRight, x0: right - w, y0: bottom - h, align: "r" });
  if (labels.bottomLeft) boxes.push({ text: labels.bottomLeft, x0: left, y0: bottom - h, align: "l" });
  if (boxes.length === 0) return undefined;
  const shapes = boxes
    .map(
      (b, i) =>
        `<cdr:relSizeAnchor><cdr:from><cdr:x>${b.x0.toFixed(4)}</cdr:x><cdr:y>${b.y0.toFixed(4)}</cdr:y></cdr:from>` +
        `<cdr:to><cdr:x>${(b.x0 + w).toFixed(4)}</cdr:x><cdr:y>${(b.y0 + h).toFixed(4)}</cdr:y></cdr:to>` +
        `<cdr:sp macro="" textlink=""><cdr:nvSpPr><cdr:cNvPr id="${i + 2}" name="Quadrant label ${i + 1}"/><cdr:cNvSpPr txBox="1"/></cdr:nvSpPr>` +
        `<cdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></cdr:spPr>` +
        `<cdr:txBody><a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" rtlCol="0" anchor="ctr"/><a:lstStyle/>` +
        `<a:p><a:pPr algn="${b.align}"/><a:r><a:rPr lang="${lang}" sz="1100" b="1"><a:solidFill><a:srgbClr val="7F7F7F"/></a:solidFill></a:rPr>` +
        `<a:t>${esc(b.text)}</a:t></a:r></a:p></cdr:txBody></cdr:sp></cdr:relSizeAnchor>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:userShapes xmlns:c="${NS_C}" xmlns:cdr="${NS_CDR}" xmlns:a="${NS_A}">${shapes}</c:userShapes>`;
}

function drawingXml(anchors: { chart: { anchor: ChartModel["anchor"] }; relId: string; id: number }[]): string {
  const body = anchors
    .map(({ chart, relId, id }) => {
      const a = chart.anchor;
      return (
        `<xdr:twoCellAnchor editAs="oneCell">` +
        `<xdr:from><xdr:col>${a.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${a.column + a.width}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row + a.height}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="Chart ${id}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${relId}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${body}</xdr:wsDr>`;
}

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${REL}/${r.type}" Target="${r.target}"/>`).join("") +
    `</Relationships>`
  );
}

/** Adds relationships to an existing .rels part (or a new one); returns the ids given. */
function addRels(
  existing: string | undefined,
  rels: { type: string; target: string }[],
): { xml: string; ids: string[] } {
  const xml = existing ?? relsXml([]);
  const used = new Set([...xml.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
  let k = 1;
  const ids: string[] = [];
  let added = "";
  for (const r of rels) {
    while (used.has(`rIdCm${k}`)) k++;
    const id = `rIdCm${k}`;
    used.add(id);
    ids.push(id);
    added += `<Relationship Id="${id}" Type="${REL}/${r.type}" Target="${r.target}"/>`;
  }
  return { xml: xml.replace("</Relationships>", added + "</Relationships>"), ids };
}

/** The worksheet part of each sheet name, from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const relXml = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map<string, string>();
  for (const m of relXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const target = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, "").replace(/^\//, ""));
  }
  const out = new Map<string, string>();
  for (const m of wbXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])?.[1];
    const rid = /r:id="([^"]+)"/.exec(m[0])?.[1];
    if (!name || !rid) continue;
    const target = targets.get(rid);
    const decoded = name
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
    if (target) out.set(decoded, `xl/${target}`);
  }
  return out;
}

/** Children of <worksheet> that must come after <drawing> (CT_Worksheet order). */
const AFTER_DRAWING = new Set([
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

/**
 * Where <drawing> goes in a worksheet's XML: before the first child of <worksheet> that must
 * follow it, else before </worksheet>. Only direct children count (a conditional format has
 * an <extLst> of its own).
 */
export function drawingPosition(xml: string): number {
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/g;
  let depth = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [, closing, name, selfClosing] = m;
    const local = name.includes(":") ? name.slice(name.indexOf(":") + 1) : name;
    if (closing) {
      depth--;
      if (depth === 0 && local === "worksheet") return m.index;
      continue;
    }
    if (depth === 1 && AFTER_DRAWING.has(local)) return m.index;
    if (!selfClosing) depth++;
  }
  throw new Error("xlsx: a worksheet without </worksheet>");
}

async function addCharts(buffer: Buffer, jobs: (ChartJob | BarJob)[], lang: string): Promise<Buffer> {
  const zip = await jsZip().loadAsync(buffer);
  const parts = await sheetParts(zip);
  let types = await zip.file("[Content_Types].xml")!.async("string");
  const overrides: string[] = [];
  const bySheet = new Map<string, (ChartJob | BarJob)[]>();
  for (const job of jobs) bySheet.set(job.sheetName, [...(bySheet.get(job.sheetName) ?? []), job]);
  let chartNo = 0;
  let drawingNo = 0;
  const existing = (prefix: string) => Object.keys(zip.files).filter((f) => f.startsWith(prefix)).length;
  chartNo = existing("xl/charts/chart");
  drawingNo = existing("xl/drawings/drawing");
  for (const [sheetName, sheetJobs] of bySheet) {
    const part = parts.get(sheetName);
    if (!part) throw new Error(`xlsx: no worksheet part for sheet ${sheetName}`);
    const drawingId = ++drawingNo;
    const drawingPath = `xl/drawings/drawing${drawingId}.xml`;
    const anchors: { chart: { anchor: ChartModel["anchor"] }; relId: string; id: number }[] = [];
    const drawingRels: { type: string; target: string }[] = [];
    for (const job of sheetJobs) {
      const n = ++chartNo;
      const shapes = isBarJob(job) ? undefined : cornerShapesXml(job.chart, lang);
      let shapesRel: string | undefined;
      if (shapes) {
        const shapesId = ++drawingNo;
        zip.file(`xl/drawings/drawing${shapesId}.xml`, shapes);
        overrides.push(`<Override PartName="/xl/drawings/drawing${shapesId}.xml" ContentType="${CT_SHAPES}"/>`);
        const rels = addRels(undefined, [{ type: "chartUserShapes", target: `../drawings/drawing${shapesId}.xml` }]);
        zip.file(`xl/charts/_rels/chart${n}.xml.rels`, rels.xml);
        shapesRel = rels.ids[0];
      }
      zip.file(`xl/charts/chart${n}.xml`, isBarJob(job) ? barChartXml(job, lang) : chartXml(job, lang, shapesRel));
      overrides.push(`<Override PartName="/xl/charts/chart${n}.xml" ContentType="${CT_CHART}"/>`);
      drawingRels.push({ type: "chart", target: `../charts/chart${n}.xml` });
      anchors.push({ chart: job.chart, relId: "", id: n });
    }
    const dRels = addRels(undefined, drawingRels);
    anchors.forEach((a, i) => (a.relId = dRels.ids[i]));
    zip.file(drawingPath, drawingXml(anchors));
    zip.file(`xl/drawings/_rels/drawing${drawingId}.xml.rels`, dRels.xml);
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/>`);

    // The sheet points at its drawing.
    const dir = part.slice(0, part.lastIndexOf("/"));
    const file = part.slice(part.lastIndexOf("/") + 1);
    const relPath = `${dir}/_rels/${file}.rels`;
    const sheetRels = addRels(await zip.file(relPath)?.async("string"), [
      { type: "drawing", target: `../drawings/drawing${drawingId}.xml` },
    ]);
    zip.file(relPath, sheetRels.xml);
    let sheetXml = await zip.file(part)!.async("string");
    if (!/xmlns:r="/.test(sheetXml.slice(0, 2000)))
      sheetXml = sheetXml.replace("<worksheet ", `<worksheet xmlns:r="${NS_R}" `);
    const element = `<drawing r:id="${sheetRels.ids[0]}"/>`;
    const at = drawingPosition(sheetXml);
    sheetXml = sheetXml.slice(0, at) + element + sheetXml.slice(at);
    zip.file(part, sheetXml);
  }
  types = types.replace("</Types>", overrides.join("") + "</Types>");
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
