/**
 * What each chart of a sheet draws from which cells, decided once for both renderers: the
 * series, the hidden helper cells, the axis bounds and formats, the cut and fitted lines and
 * where the quadrant names go. The renderers only turn a plan into API calls or chart XML.
 *
 * A scatter series over one run of consecutive rows of a table (x and y in the same table)
 * refers to the table's cells; any other series, the cut lines and the fitted line are written
 * into hidden "chart data" columns right of everything the sheet shows (one blank column
 * between): per series two columns, its name in row 1 over the x, y pairs. Series without a
 * point are left out (before, the .xlsx drew them empty and Excel left them out).
 */
import { Lang } from "../../engine/text";
import {
  BarChartModel,
  BarSeries,
  BlockPlacement,
  ChartModel,
  ColumnType,
  LineChartModel,
  LineSeries,
  SheetModel,
  TableBlock,
} from "../model";
import { AxisBounds, axisBounds, logAxisBounds } from "./axes";
import { axisFormat, barFormats } from "./formats";
import { PALETTE } from "./palette";
import { usedColumns } from "./sheetLayout";

/** Cells of one column of a sheet: `rows` cells from `row` (0-based) down. */
export interface ColumnCells {
  column: number;
  row: number;
  rows: number;
}

export interface PlannedSeries {
  name: string;
  color?: string;
  x: ColumnCells;
  y: ColumnCells;
  /** The values of the cells (non-numbers as NaN), for the chart's cache. */
  xValues: number[];
  yValues: number[];
  /** Set when the series is written into helper cells: its name goes in row 0 of `x.column`. */
  helper?: [number, number][];
}

export interface CornerLabel {
  text: string;
  /** The point the label is drawn at, 3% (4% vertically) inside the plot, in axis units. */
  at: [number, number];
  side: "left" | "right";
  edge: "top" | "bottom";
}

export interface ScatterPlan {
  model: ChartModel;
  points: PlannedSeries[];
  /** The cut lines and the fitted line, drawn dashed without markers. */
  lines: PlannedSeries[];
  x: AxisBounds;
  y: AxisBounds;
  xFormat: string;
  yFormat: string;
  corners: CornerLabel[];
}

export const MARKER_SIZE = 6;

/** The table block a series reference points at, and the column index; throws on a model error. */
function tableColumn(sheet: SheetModel, blockIndex: number, columnId: string, what: string): [TableBlock, number] {
  const block = sheet.blocks[blockIndex];
  if (block?.kind !== "table") throw new Error(`${what}: block ${blockIndex} is not a table`);
  const j = block.columns.findIndex((c) => c.id === columnId);
  if (j < 0) throw new Error(`${what}: no column ${columnId}`);
  return [block, j];
}

function numberAt(block: TableBlock, row: number, column: number): number {
  const v = block.rows[row]?.[column];
  return typeof v === "number" && Number.isFinite(v) ? v : NaN;
}

/** Rows that are one run of consecutive rows, as [first, count], or undefined. */
function contiguous(rows: readonly number[]): [number, number] | undefined {
  for (let i = 1; i < rows.length; i++) if (rows[i] !== rows[i - 1] + 1) return undefined;
  return [rows[0], rows.length];
}

/** Hands out pairs of helper columns from `start` on. */
class HelperColumns {
  next: number;
  rows = 1;
  constructor(readonly start: number) {
    this.next = start;
  }
  put(name: string, points: [number, number][], color?: string): PlannedSeries {
    const column = this.next;
    this.next += 2;
    this.rows = Math.max(this.rows, points.length + 1);
    const cells = (c: number): ColumnCells => ({ column: c, row: 1, rows: points.length });
    return {
      name,
      color,
      x: cells(column),
      y: cells(column + 1),
      xValues: points.map((p) => p[0]),
      yValues: points.map((p) => p[1]),
      helper: points,
    };
  }
}

const CUT_WORDS: Record<"x" | "y", Record<Lang, string>> = {
  x: { zh: "横轴分界线", en: "x cut" },
  y: { zh: "纵轴分界线", en: "y cut" },
};

/** The label of a cut value: per cent for percentage columns (2 decimals at most), else 4 decimals at most. */
function cutValue(value: number, type: ColumnType | undefined): string {
  if (type === "percent") return `${Number((value * 100).toFixed(2))}%`;
  return String(Number(value.toFixed(4)));
}

/** The name of a cut line, e.g. "横轴分界线 相对权重 (RW) = 1.2727" or "y cut Margin rate = 0%". */
export function cutLineName(
  axis: "x" | "y",
  title: string,
  value: number,
  type: ColumnType | undefined,
  lang: Lang,
): string {
  return `${CUT_WORDS[axis][lang]} ${title} = ${cutValue(value, type)}`;
}

/** The name of the hidden series whose data labels are the quadrant names (Excel). */
export function cornerSeriesName(lang: Lang): string {
  return lang === "zh" ? "象限" : "Quadrants";
}

function pointSeries(
  sheet: SheetModel,
  placements: readonly BlockPlacement[],
  series: ChartModel["series"][number],
  helpers: HelperColumns,
): PlannedSeries | undefined {
  const [xBlock, xj] = tableColumn(sheet, series.x.blockIndex, series.x.columnId, `chart series ${series.name}`);
  const [yBlock, yj] = tableColumn(sheet, series.y.blockIndex, series.y.columnId, `chart series ${series.name}`);
  const rows = series.rows ?? xBlock.rows.map((_, i) => i);
  const run = contiguous(rows);
  if (rows.length > 0 && run && series.x.blockIndex === series.y.blockIndex) {
    const first = placements[series.x.blockIndex].firstDataRow + run[0];
    return {
      name: series.name,
      color: series.color,
      x: { column: xj, row: first, rows: run[1] },
      y: { column: yj, row: first, rows: run[1] },
      xValues: rows.map((r) => numberAt(xBlock, r, xj)),
      yValues: rows.map((r) => numberAt(yBlock, r, yj)),
    };
  }
  const points: [number, number][] = [];
  for (const r of rows) {
    const x = numberAt(xBlock, r, xj);
    const y = numberAt(yBlock, r, yj);
    if (Number.isFinite(x) && Number.isFinite(y)) points.push([x, y]);
  }
  return points.length > 0 ? helpers.put(series.name, points, series.color) : undefined;
}

function columnType(
  sheet: SheetModel,
  ref: { blockIndex: number; columnId: string } | undefined,
): ColumnType | undefined {
  const block = ref ? sheet.blocks[ref.blockIndex] : undefined;
  return block?.kind === "table" ? block.columns.find((c) => c.id === ref?.columnId)?.type : undefined;
}

/** Corner labels 3% inside the plot horizontally (in log steps on a log axis) and 4% vertically. */
function cornerLabels(chart: ChartModel, x: AxisBounds, y: AxisBounds): CornerLabel[] {
  const c = chart.cornerLabels ?? {};
  const inset = (from: number, to: number) =>
    x.logBase ? from * Math.pow(to / from, 0.03) : from + (to - from) * 0.03;
  const left = inset(x.min, x.max);
  const right = inset(x.max, x.min);
  const top = y.max - (y.max - y.min) * 0.04;
  const bottom = y.min + (y.max - y.min) * 0.04;
  const out: CornerLabel[] = [];
  if (c.topRight) out.push({ text: c.topRight, at: [right, top], side: "right", edge: "top" });
  if (c.topLeft) out.push({ text: c.topLeft, at: [left, top], side: "left", edge: "top" });
  if (c.bottomRight) out.push({ text: c.bottomRight, at: [right, bottom], side: "right", edge: "bottom" });
  if (c.bottomLeft) out.push({ text: c.bottomLeft, at: [left, bottom], side: "left", edge: "bottom" });
  return out;
}

/** The cut lines across the plot and the fitted line, in helper cells. */
function linesOf(
  chart: ChartModel,
  x: AxisBounds,
  y: AxisBounds,
  types: (ColumnType | undefined)[],
  lang: Lang,
  helpers: HelperColumns,
): PlannedSeries[] {
  const lines: PlannedSeries[] = [];
  const cut = chart.cutLines ?? {};
  if (cut.x !== undefined && Number.isFinite(cut.x)) {
    const name = cutLineName("x", chart.xTitle, cut.x, types[0], lang);
    lines.push(
      helpers.put(
        name,
        [
          [cut.x, y.min],
          [cut.x, y.max],
        ],
        PALETTE.chartLine,
      ),
    );
  }
  if (cut.y !== undefined && Number.isFinite(cut.y)) {
    const name = cutLineName("y", chart.yTitle, cut.y, types[1], lang);
    lines.push(
      helpers.put(
        name,
        [
          [x.min, cut.y],
          [x.max, cut.y],
        ],
        PALETTE.chartLine,
      ),
    );
  }
  const fitted = (chart.line?.points ?? []).filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
  if (chart.line && fitted.length > 0) lines.push(helpers.put(chart.line.name, fitted, PALETTE.chartLine));
  return lines;
}

function planScatter(
  sheet: SheetModel,
  placements: readonly BlockPlacement[],
  chart: ChartModel,
  lang: Lang,
  helpers: HelperColumns,
): ScatterPlan | undefined {
  const points: PlannedSeries[] = [];
  for (const s of chart.series) {
    const planned = pointSeries(sheet, placements, s, helpers);
    if (planned) points.push(planned);
  }
  const xs = points.flatMap((s) => s.xValues).filter(Number.isFinite);
  const ys = points.flatMap((s) => s.yValues).filter(Number.isFinite);
  if (xs.length === 0 || ys.length === 0) return undefined;
  const x = chart.logX ? logAxisBounds(xs, chart.cutLines?.x) : axisBounds(xs, chart.cutLines?.x);
  const y = axisBounds(ys, chart.cutLines?.y);
  const types = [columnType(sheet, chart.series[0]?.x), columnType(sheet, chart.series[0]?.y)];
  const lines = linesOf(chart, x, y, types, lang, helpers);
  return {
    model: chart,
    points,
    lines,
    x,
    y,
    xFormat: axisFormat(types[0], x.step),
    yFormat: axisFormat(types[1], y.step),
    corners: cornerLabels(chart, x, y),
  };
}

export interface SheetChartsPlan {
  scatter: ScatterPlan[];
  /** The helper columns written (from `start`, `columns` wide, `rows` tall), hidden; columns 0 when none. */
  helpers: { start: number; columns: number; rows: number };
}

/**
 * The plans of a sheet's scatter charts, with their helper columns. (The Excel renderer, which
 * writes the quadrant names as data labels of a hidden series, puts those points in further
 * helper columns after these; the .xlsx draws them as text boxes.)
 */
export function planSheetCharts(sheet: SheetModel, placements: readonly BlockPlacement[], lang: Lang): SheetChartsPlan {
  const helpers = new HelperColumns(usedColumns(sheet) + 1);
  const scatter: ScatterPlan[] = [];
  for (const chart of sheet.charts ?? []) {
    const plan = planScatter(sheet, placements, chart, lang, helpers);
    if (plan) scatter.push(plan);
  }
  return { scatter, helpers: { start: helpers.start, columns: helpers.next - helpers.start, rows: helpers.rows } };
}

export interface BarPlan {
  model: BarChartModel;
  categories: ColumnCells & { labels: string[] };
  series: { model: BarSeries; cells: ColumnCells; values: number[]; color: string }[];
  /** Format of the value axis and of the bar labels. */
  formats: { axis: string; label: string };
}

/** The categories and the value columns of a chart over the rows of one table block; undefined without rows. */
function categoryCells<S extends { name: string; values: { blockIndex: number; columnId: string } }>(
  sheet: SheetModel,
  placements: readonly BlockPlacement[],
  chart: { title: string; categories: { blockIndex: number; columnId: string }; series: S[] },
  what: string,
):
  | { categories: ColumnCells & { labels: string[] }; series: { model: S; cells: ColumnCells; values: number[] }[] }
  | undefined {
  const at = chart.categories.blockIndex;
  const [block, cj] = tableColumn(sheet, at, chart.categories.columnId, `${what} ${chart.title}`);
  const n = block.rows.length;
  if (n === 0) return undefined;
  const row = placements[at].firstDataRow;
  const series = chart.series.map((s) => {
    if (s.values.blockIndex !== at)
      throw new Error(`${what} ${chart.title}: series ${s.name} is not in the labels' table`);
    const [, j] = tableColumn(sheet, at, s.values.columnId, `${what} ${chart.title}`);
    const values = block.rows.map((_, r) => numberAt(block, r, j));
    return { model: s, cells: { column: j, row, rows: n }, values };
  });
  const labels = block.rows.map((r) => (r[cj] === null || r[cj] === undefined ? "" : String(r[cj])));
  return { categories: { column: cj, row, rows: n, labels }, series };
}

/** The cells of a bar chart over one table block, or undefined when the table has no row. */
export function planBar(
  sheet: SheetModel,
  placements: readonly BlockPlacement[],
  chart: BarChartModel,
): BarPlan | undefined {
  const cells = categoryCells(sheet, placements, chart, "bar chart");
  if (!cells) return undefined;
  return {
    model: chart,
    categories: cells.categories,
    series: cells.series.map((s) => ({ ...s, color: s.model.color ?? PALETTE.bar })),
    formats: barFormats(chart.valueType),
  };
}

export interface LinePlan {
  model: LineChartModel;
  categories: ColumnCells & { labels: string[] };
  series: { model: LineSeries; cells: ColumnCells; values: number[]; color: string }[];
  /** Format of the value axis. */
  axisFormat: string;
}

/**
 * The cells of a line chart over one table block (each line a column, each point a row, the
 * categories a text column), or undefined when the table has no row. Lines without a colour
 * take the palette's line colours in turn.
 */
export function planLine(
  sheet: SheetModel,
  placements: readonly BlockPlacement[],
  chart: LineChartModel,
): LinePlan | undefined {
  const cells = categoryCells(sheet, placements, chart, "line chart");
  if (!cells) return undefined;
  return {
    model: chart,
    categories: cells.categories,
    series: cells.series.map((s, i) => ({ ...s, color: s.model.color ?? PALETTE.lines[i % PALETTE.lines.length] })),
    axisFormat: barFormats(chart.valueType).axis,
  };
}

/** Rows of a bar series drawn in its negative colour (none without one). */
export function negativeBars(series: BarPlan["series"][number]): number[] {
  const out: number[] = [];
  if (series.model.negativeColor) series.values.forEach((v, r) => v < 0 && out.push(r));
  return out;
}
