/**
 * The layout's chart plans through the Excel API. Series over table rows refer to the table;
 * the helper series (scattered rows, cut lines, fitted line) are written into the hidden
 * columns the plan gives them, and the chart plots hidden cells. The quadrant names are the
 * data labels of one more hidden helper series per chart, placed just inside the corners.
 */
import { Lang } from "../../engine/text";
import {
  BarPlan,
  ColumnCells,
  CornerLabel,
  LinePlan,
  PlannedSeries,
  ScatterPlan,
  SheetChartsPlan,
  cornerSeriesName,
  MARKER_SIZE,
  negativeBars,
} from "../layout/charts";
import { PALETTE } from "../layout/palette";
import { cellBytes, excelCell } from "./cells";
import { OP_BYTES, Requests, writeRows } from "./requests";

/* global Excel */

const finite = (x: number): number | string => (Number.isFinite(x) ? x : "");

function cellsRange(sheet: Excel.Worksheet, cells: ColumnCells): Excel.Range {
  return sheet.getRangeByIndexes(cells.row, cells.column, cells.rows, 1);
}

/** Writes a helper series: its name in row 1 of its x column over the x, y pairs. */
async function writeHelper(sheet: Excel.Worksheet, series: PlannedSeries, requests: Requests): Promise<void> {
  const points = series.helper ?? [];
  const column = series.x.column;
  await requests.reserve(cellBytes(series.name) + OP_BYTES);
  sheet.getRangeByIndexes(0, column, 1, 2).values = [[excelCell(series.name), ""]];
  await writeRows(sheet, 1, column, 2, points.length, (i) => [finite(points[i][0]), finite(points[i][1])], requests);
}

/** The corner labels' helper series of one chart, in the two columns from `column`. */
function cornerSeries(labels: CornerLabel[], column: number, lang: Lang): PlannedSeries {
  const cells = (c: number): ColumnCells => ({ column: c, row: 1, rows: labels.length });
  return {
    name: cornerSeriesName(lang),
    x: cells(column),
    y: cells(column + 1),
    xValues: labels.map((l) => l.at[0]),
    yValues: labels.map((l) => l.at[1]),
    helper: labels.map((l) => l.at),
  };
}

/** Draws every scatter chart of a sheet, with its helper cells, then hides the helper columns. */
export async function drawScatterCharts(
  sheet: Excel.Worksheet,
  plan: SheetChartsPlan,
  lang: Lang,
  requests: Requests,
): Promise<void> {
  const { start, rows } = plan.helpers;
  let next = start + plan.helpers.columns;
  let helperRows = rows;
  for (const chart of plan.scatter) {
    for (const s of [...chart.points, ...chart.lines]) if (s.helper) await writeHelper(sheet, s, requests);
    let corners: PlannedSeries | undefined;
    if (chart.corners.length > 0) {
      corners = cornerSeries(chart.corners, next, lang);
      next += 2;
      helperRows = Math.max(helperRows, chart.corners.length + 1);
      await writeHelper(sheet, corners, requests);
    }
    await drawScatter(sheet, chart, corners, requests);
  }
  if (next > start) {
    await requests.ops(1);
    sheet.getRangeByIndexes(0, start, helperRows, next - start).columnHidden = true;
  }
}

function setAxis(axis: Excel.ChartAxis, title: string, bounds: ScatterPlan["x"], format: string): void {
  axis.title.text = title;
  if (bounds.logBase) {
    axis.scaleType = "Logarithmic";
    axis.logBase = bounds.logBase;
  }
  axis.minimum = bounds.min;
  axis.maximum = bounds.max;
  if (bounds.step !== undefined) axis.majorUnit = bounds.step;
  axis.numberFormat = format;
}

async function drawScatter(
  sheet: Excel.Worksheet,
  plan: ScatterPlan,
  corners: PlannedSeries | undefined,
  requests: Requests,
): Promise<void> {
  const all = [...plan.points, ...plan.lines, ...(corners ? [corners] : [])];
  await requests.ops(16 + all.length * 6 + plan.corners.length * 6);
  const chart = sheet.charts.add("XYScatter", cellsRange(sheet, all[0].y), "Columns");
  chart.title.text = plan.model.title;
  setAxis(chart.axes.categoryAxis, plan.model.xTitle, plan.x, plan.xFormat);
  setAxis(chart.axes.valueAxis, plan.model.yTitle, plan.y, plan.yFormat);
  chart.legend.position = "Bottom";
  if (all.some((s) => s.helper)) chart.plotVisibleOnly = false;
  const { row, column, width, height } = plan.model.anchor;
  chart.setPosition(
    sheet.getRangeByIndexes(row, column, 1, 1),
    sheet.getRangeByIndexes(row + height - 1, column + width - 1, 1, 1),
  );
  all.forEach((source, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(source.name);
    series.name = source.name;
    series.setXAxisValues(cellsRange(sheet, source.x));
    series.setValues(cellsRange(sheet, source.y));
    if (source === corners) labelCorners(series, plan.corners);
    else if (plan.lines.includes(source)) {
      series.chartType = "XYScatterLinesNoMarkers";
      series.format.line.color = PALETTE.chartLine;
      series.format.line.lineStyle = "Dash";
    } else {
      series.markerStyle = "Circle";
      series.markerSize = MARKER_SIZE;
      if (source.color) {
        series.markerBackgroundColor = source.color;
        series.markerForegroundColor = source.color;
      }
    }
  });
}

/** No markers; each point's data label is a quadrant name, on the inner side of its corner. */
function labelCorners(series: Excel.ChartSeries, labels: CornerLabel[]): void {
  series.markerStyle = "None";
  series.hasDataLabels = true;
  labels.forEach((label, p) => {
    const dataLabel = series.points.getItemAt(p).dataLabel;
    dataLabel.showValue = false;
    dataLabel.showSeriesName = false;
    dataLabel.showCategoryName = false;
    dataLabel.text = label.text;
    dataLabel.position = label.side === "right" ? "Left" : "Right";
  });
}

/**
 * Draws a bar chart over the rows of one table block: labels and values refer to the table's
 * own cells, so no helper cells are written. Bars below 0 get the series' negative colour.
 */
export async function drawBarChart(sheet: Excel.Worksheet, plan: BarPlan, requests: Requests): Promise<void> {
  const negatives = plan.series.map(negativeBars);
  await requests.ops(14 + plan.series.length * 8 + negatives.flat().length);
  const model = plan.model;
  const categories = cellsRange(sheet, plan.categories);
  const chart = sheet.charts.add(
    model.horizontal ? "BarClustered" : "ColumnClustered",
    cellsRange(sheet, plan.series[0].cells),
    "Columns",
  );
  chart.title.text = model.title;
  chart.axes.categoryAxis.title.text = model.xTitle;
  chart.axes.valueAxis.title.text = model.yTitle;
  chart.axes.valueAxis.numberFormat = plan.formats.axis;
  if (model.horizontal) {
    // The first row at the top, the value axis at the bottom.
    chart.axes.categoryAxis.reversePlotOrder = true;
    chart.axes.categoryAxis.position = "Maximum";
  }
  chart.legend.visible = plan.series.length > 1;
  if (plan.series.length > 1) chart.legend.position = "Bottom";
  const { row, column, width, height } = model.anchor;
  chart.setPosition(
    sheet.getRangeByIndexes(row, column, 1, 1),
    sheet.getRangeByIndexes(row + height - 1, column + width - 1, 1, 1),
  );
  plan.series.forEach((s, i) => {
    const item = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.model.name);
    item.name = s.model.name;
    item.setXAxisValues(categories);
    item.setValues(cellsRange(sheet, s.cells));
    item.hasDataLabels = true;
    item.dataLabels.numberFormat = plan.formats.label;
    item.format.fill.setSolidColor(s.color);
    for (const r of negatives[i]) item.points.getItemAt(r).format.fill.setSolidColor(s.model.negativeColor as string);
  });
}

/**
 * Draws a line chart over the rows of one table block (Excel.ChartType.line): the categories and
 * each line refer to the table's own cells, so no helper cells are written; blank cells are gaps.
 */
export async function drawLineChart(sheet: Excel.Worksheet, plan: LinePlan, requests: Requests): Promise<void> {
  await requests.ops(14 + plan.series.length * 9);
  const model = plan.model;
  const categories = cellsRange(sheet, plan.categories);
  const chart = sheet.charts.add("Line", cellsRange(sheet, plan.series[0].cells), "Columns");
  chart.title.text = model.title;
  chart.axes.categoryAxis.title.text = model.xTitle;
  chart.axes.valueAxis.title.text = model.yTitle;
  chart.axes.valueAxis.numberFormat = plan.axisFormat;
  chart.legend.visible = true;
  chart.legend.position = "Bottom";
  const { row, column, width, height } = model.anchor;
  chart.setPosition(
    sheet.getRangeByIndexes(row, column, 1, 1),
    sheet.getRangeByIndexes(row + height - 1, column + width - 1, 1, 1),
  );
  plan.series.forEach((s, i) => {
    const item = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.model.name);
    item.name = s.model.name;
    item.setXAxisValues(categories);
    item.setValues(cellsRange(sheet, s.cells));
    item.format.line.color = s.color;
    item.markerStyle = "Circle";
    item.markerSize = MARKER_SIZE;
    item.markerBackgroundColor = s.color;
    item.markerForegroundColor = s.color;
  });
}
