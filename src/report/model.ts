/**
 * The workbook model: what a report looks like, independent of where it is drawn.
 *
 * Report builders (quadrant analysis, incentives, audit, trends) turn engine results into a
 * `WorkbookModel`; two renderers draw the same model, one into the open workbook through the
 * Excel JavaScript API (`src/report/excel/`), one into an `.xlsx` file with ExcelJS
 * (`src/report/xlsx/`), both from one layout (`src/report/layout/`). One layout, two outputs.
 *
 * Coordinates are 0-based (row 0, column 0 is A1) and relative to the sheet.
 */
import { Lang } from "../engine/text";

export type CellValue = string | number | boolean | null;

/** How a column's numbers are shown; src/report/layout/formats.ts maps each to one Excel number format. */
export type ColumnType =
  "text" | "integer" | "number" | "weight" | "money" | "percent" | "ratio" | "boolean" | "year" | "rowNumber";

export interface ColumnModel {
  /** Stable id used by conditional formats and charts (e.g. "rw", "rate"). */
  id: string;
  header: string;
  type: ColumnType;
  /** Width in characters (Excel column width units). */
  width?: number;
}

/** A rule that colours cells of one column of a table. */
export type ConditionalRule =
  | { kind: "lessThan"; value: number; fill: string; font?: string }
  | { kind: "greaterThan"; value: number; fill: string; font?: string }
  | { kind: "textEquals"; text: string; fill: string; font?: string }
  | { kind: "dataBar"; color: string };

export interface ConditionalFormat {
  columnId: string;
  rule: ConditionalRule;
}

export interface TableBlock {
  kind: "table";
  /** Optional caption written in the row above the header. */
  caption?: string;
  columns: ColumnModel[];
  rows: CellValue[][];
  /** A total row written below the data, styled bold. */
  totalRow?: CellValue[];
  conditionalFormats?: ConditionalFormat[];
  /** Put filter buttons on the header row (the data rows only, not the total row). */
  autoFilter?: boolean;
}

/** A two-column block of label / value pairs (settings, neutrality figures, summaries). */
export interface KeyValueBlock {
  kind: "keyValue";
  caption?: string;
  rows: [string, CellValue][];
  /**
   * The type of each row's value, by row index: a number is then formatted as a table column of
   * that type would be (a rate as per cent); rows without one follow the value's own rule
   * (layout/formats.ts keyValueFormat).
   */
  types?: (ColumnType | undefined)[];
}

/** A line of text (a title or a note). */
export interface TextBlock {
  kind: "text";
  text: string;
  style?: "title" | "note" | "warning";
}

export type Block = TableBlock | KeyValueBlock | TextBlock;

/** A reference to the data cells of one column of one table block of a sheet. */
export interface SeriesRef {
  blockIndex: number;
  columnId: string;
}

export interface ScatterSeries {
  name: string;
  x: SeriesRef;
  y: SeriesRef;
  /** Rows of the table in this series (all rows when omitted), e.g. one series per quadrant. */
  rows?: number[];
  color?: string;
}

export interface ChartModel {
  kind: "scatter";
  title: string;
  xTitle: string;
  yTitle: string;
  series: ScatterSeries[];
  /** Reference lines drawn across the plot (the quadrant cut lines). */
  cutLines?: { x?: number; y?: number };
  /** Labels placed in the four corners of the plot (quadrant names). */
  cornerLabels?: { topRight?: string; bottomRight?: string; topLeft?: string; bottomLeft?: string };
  /**
   * Draw the x axis on a logarithmic scale of base 2 (ticks 0.25, 0.5, 1, 2, 4, ...): set when
   * the x values span a wide range (relative weights from 0.1 to 30), so that the common
   * groups are not squeezed against the axis. Every x value is then above 0.
   */
  logX?: boolean;
  /** A fitted line to draw (trend views): points in order of x. */
  line?: { name: string; points: [number, number][] };
  /** Where the chart goes: top-left cell and size in columns x rows. */
  anchor: { row: number; column: number; width: number; height: number };
}

/** One bar series: a numeric column of a table block, one bar per row. */
export interface BarSeries {
  name: string;
  values: SeriesRef;
  /** Fill of the bars at or above 0. */
  color?: string;
  /** Fill of the bars below 0 (default `color`). */
  negativeColor?: string;
}

/**
 * A clustered bar chart over the rows of one table block: the labels come from a column
 * of the table (`categories`), each series from a numeric column of the same table, one bar
 * per row in table order (the audit's largest weight changes).
 */
export interface BarChartModel {
  kind: "bar";
  title: string;
  /** Title of the category axis (the labels). */
  xTitle: string;
  /** Title of the value axis. */
  yTitle: string;
  categories: SeriesRef;
  series: BarSeries[];
  /** Bars run left to right (true) or bottom to top (default: vertical columns). */
  horizontal?: boolean;
  /** How the value axis shows its numbers (default "number"). */
  valueType?: ColumnType;
  anchor: { row: number; column: number; width: number; height: number };
}

/** One line of a line chart: a numeric column of the categories' table, one point per row. */
export interface LineSeries {
  name: string;
  values: SeriesRef;
  /** Colour of the line and its markers (default: the palette's line colours in turn). */
  color?: string;
}

/**
 * A line chart over the rows of one table block: the categories (periods) come from a column of
 * the table, each line from a numeric column of the same table, one point per row in table
 * order (the monitor's CMI per period). Blank cells are gaps in the line.
 */
export interface LineChartModel {
  kind: "line";
  title: string;
  /** Title of the category axis. */
  xTitle: string;
  /** Title of the value axis. */
  yTitle: string;
  categories: SeriesRef;
  series: LineSeries[];
  /** How the value axis shows its numbers (default "number"). */
  valueType?: ColumnType;
  anchor: { row: number; column: number; width: number; height: number };
}

export interface SheetModel {
  /** The sheet name in the report's language; renderers add a suffix when it is taken. */
  name: string;
  blocks: Block[];
  charts?: ChartModel[];
  /** Bar charts, drawn after the scatter charts (kept apart so `charts` stays scatter-only). */
  barCharts?: BarChartModel[];
  /** Line charts, drawn after the bar charts. */
  lineCharts?: LineChartModel[];
  /** Rows and columns to freeze (the header of the first table). */
  freeze?: { rows: number; columns: number };
  /**
   * Rows repeated at the top of every printed page, 0-based and inclusive (default: the frozen
   * rows). Set when a summary above the header should print once, not on every page.
   */
  printTitles?: { first: number; last: number };
}

/** Where every chart of a sheet goes (scatter, bar and line charts), in drawing order. */
export function chartAnchors(sheet: SheetModel): ChartModel["anchor"][] {
  return [...(sheet.charts ?? []), ...(sheet.barCharts ?? []), ...(sheet.lineCharts ?? [])].map((c) => c.anchor);
}

export interface WorkbookModel {
  lang: Lang;
  sheets: SheetModel[];
  /** What the printed pages' footer says: the report's name and when it was built (local time). */
  print?: { title: string; time: string };
}

/**
 * Where each block lands on its sheet, shared by both renderers so they agree to the cell:
 * blocks are stacked top to bottom with one blank row between them; a table takes a caption
 * row (when it has one), a header row, its data rows and its total row.
 */
export interface BlockPlacement {
  /** Row of the caption or title (or the header when there is none). */
  top: number;
  /** Row of a table's header (tables) or of the first pair (key/value blocks). */
  headerRow: number;
  /** First data row of a table. */
  firstDataRow: number;
  /** Rows the block takes. */
  height: number;
}

export function placeBlocks(sheet: SheetModel): BlockPlacement[] {
  const out: BlockPlacement[] = [];
  let row = 0;
  for (const block of sheet.blocks) {
    const top = row;
    if (block.kind === "text") {
      out.push({ top, headerRow: top, firstDataRow: top, height: 1 });
      row += 1;
      continue;
    }
    const captionRows = block.caption ? 1 : 0;
    if (block.kind === "keyValue") {
      const height = captionRows + block.rows.length;
      out.push({ top, headerRow: top + captionRows, firstDataRow: top + captionRows, height });
      row += height + 1;
      continue;
    }
    const headerRow = top + captionRows;
    const height = captionRows + 1 + block.rows.length + (block.totalRow ? 1 : 0);
    out.push({ top, headerRow, firstDataRow: headerRow + 1, height });
    row += height + 1;
  }
  return out;
}
