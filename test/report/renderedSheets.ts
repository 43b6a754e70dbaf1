/**
 * What a rendered report looks like, read back the same way from either renderer so a test can
 * compare them: from the Excel mock (the values, formats and calls the Excel renderer sent) and
 * from an .xlsx file (ExcelJS for the cells, the chart XML for the charts).
 *
 * Cells are keyed "row,column" (0-based). Styles are normalized to what both can express: the
 * font (an unset font is the workbook default, Calibri 11), fill, border edge and colour,
 * alignment and wrap. Chart ranges are written C{column}R{row}x{rows} (0-based).
 */
import type * as ExcelJS from "exceljs";
import type JSZip from "jszip";
import { CellValue, WorkbookModel, placeBlocks } from "../../src/report/model";
import { columnLetters } from "../../src/report/layout/addresses";
import { cornerSeriesName, planSheetCharts } from "../../src/report/layout/charts";
import { MockSheet, MockWorkbook, PathEntry } from "../taskpane/excelMock";

export interface Style {
  font: string;
  size: number;
  bold: boolean;
  italic: boolean;
  color?: string;
  fill?: string;
  border?: string;
  horizontal?: string;
  vertical?: string;
  wrap: boolean;
}

export interface Axis {
  min?: number;
  max?: number;
  step?: number;
  logBase?: number;
  format?: string;
}

export interface ChartPicture {
  kind: "scatter" | "bar" | "line";
  title?: string;
  series: { name: string; x?: string; y?: string }[];
  x: Axis;
  y: Axis;
  /** Number format of the bar labels. */
  labels?: string;
}

export interface SheetPicture {
  name: string;
  cells: Record<string, CellValue>;
  /** Number formats of the numeric cells (General when none). */
  formats: Record<string, string>;
  styles: Record<string, Style>;
  /** Column widths in points, by column. */
  widths: Record<number, number>;
  /** Heights in points of the rows given one, by row (0-based). */
  heights: Record<number, number>;
  /** Merged ranges, A1 style, sorted. */
  merges: string[];
  hidden: number[];
  page: {
    orientation?: string;
    paper?: string;
    fitToWidth?: number;
    fitToHeight?: number;
    titleRows?: string;
    /** Ranges printed each from a new page, A1 style without $. */
    printAreas?: string[];
    /** Left, right, top, bottom, header, footer, in inches. */
    margins?: number[];
    /** The footer as &L..&C..&R.. codes. */
    footer?: string;
  };
  tab?: string;
  freeze?: { rows: number; columns: number };
  filter?: string;
  charts: ChartPicture[];
}

const key = (r: number, c: number) => `${r},${c}`;
const hex = (argb: string | undefined) => (argb ? `#${argb.slice(-6).toUpperCase()}` : undefined);
const DEFAULT_FONT = { name: "Calibri", size: 11 };

/** Drops undefined fields, so pictures compare by what is set. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function sorted<T>(record: Map<string, T>): Record<string, T> {
  const keys = [...record.keys()].sort((a, b) => {
    const [ra, ca] = a.split(",").map(Number);
    const [rb, cb] = b.split(",").map(Number);
    return ra - rb || ca - cb;
  });
  return Object.fromEntries(keys.map((k) => [k, record.get(k) as T]));
}

// ---------------------------------------------------------------------------------------
// The Excel mock

/** The last value set for each format path on ranges covering the cell. */
function excelFormatsAt(sheet: MockSheet, r: number, c: number): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const e of sheet.formatLog)
    if (r >= e.row && r < e.row + e.rows && c >= e.column && c < e.column + e.columns) out.set(e.path, e.value);
  return out;
}

function excelStyle(sheet: MockSheet, r: number, c: number): Style {
  const f = excelFormatsAt(sheet, r, c);
  const edge = ["EdgeTop", "EdgeBottom"].find((e) => f.get(`borders.getItem(${e}).style`) === "Continuous");
  const align = (v: unknown) => (v === undefined ? undefined : String(v).toLowerCase());
  return defined({
    font: (f.get("font.name") as string) ?? DEFAULT_FONT.name,
    size: (f.get("font.size") as number) ?? DEFAULT_FONT.size,
    bold: f.get("font.bold") === true,
    italic: f.get("font.italic") === true,
    color: f.get("font.color") as string | undefined,
    fill: f.get("fill.color") as string | undefined,
    border: edge ? `${edge === "EdgeTop" ? "top" : "bottom"} ${f.get(`borders.getItem(${edge}).color`)}` : undefined,
    horizontal: align(f.get("horizontalAlignment")),
    vertical: f.get("verticalAlignment") === "Center" ? "middle" : undefined,
    wrap: f.get("wrapText") === true,
  });
}

function excelNumberFormat(sheet: MockSheet, r: number, c: number): string {
  let format = "General";
  for (const e of sheet.numberFormats) {
    if (r < e.row || r >= e.row + e.rows || c < e.column || c >= e.column + e.columns) continue;
    format = Array.isArray(e.format) ? (e.format as string[][])[r - e.row][c - e.column] : (e.format as string);
  }
  return format;
}

/** "Sheet!R3C0:5x1" (the mock's range reference) as C0R3x5. */
function mockRef(ref: unknown): string | undefined {
  const m = /!R(\d+)C(\d+):(\d+)x1$/.exec(String(ref));
  return m ? `C${m[2]}R${m[1]}x${m[3]}` : undefined;
}

function excelChart(paths: PathEntry[], lang: WorkbookModel["lang"]): ChartPicture {
  const get = (p: string) => paths.filter(([path]) => path === p).pop()?.[1];
  const axis = (a: string): Axis =>
    defined({
      min: get(`axes.${a}.minimum`) as number | undefined,
      max: get(`axes.${a}.maximum`) as number | undefined,
      step: get(`axes.${a}.majorUnit`) as number | undefined,
      logBase: get(`axes.${a}.scaleType`) === "Logarithmic" ? (get(`axes.${a}.logBase`) as number) : undefined,
      format: get(`axes.${a}.numberFormat`) as string | undefined,
    });
  const bySeries = new Map<string, { name: string; x?: string; y?: string }>();
  for (const [path, value] of paths) {
    const m = /^(series\.(?:getItemAt|add)\(.*\))\.(name|setXAxisValues\(\)|setValues\(\))$/.exec(path);
    if (!m) continue;
    const s = bySeries.get(m[1]) ?? { name: "" };
    if (m[2] === "name") s.name = String(value);
    else if (m[2] === "setXAxisValues()") s.x = mockRef((value as unknown[])[0]);
    else s.y = mockRef((value as unknown[])[0]);
    bySeries.set(m[1], s);
  }
  const type = String((get("add()") as unknown[])[0]);
  const kind = type === "XYScatter" ? "scatter" : type === "Line" ? "line" : "bar";
  const series = [...bySeries.values()].filter((s) => s.name !== cornerSeriesName(lang));
  // Bars: the categories are not compared; lines: x is the categories' range.
  if (kind === "bar") for (const s of series) delete s.x;
  const labels = paths.find(([p]) => /^series\.getItemAt\(0\)\.dataLabels\.numberFormat$/.test(p))?.[1] as string;
  return defined({
    kind,
    title: get("title.text") as string,
    series,
    x: kind === "scatter" ? axis("categoryAxis") : {},
    y: axis("valueAxis"),
    labels,
  });
}

/** The first column of the Excel renderer's corner-label helper series (not in the .xlsx, which draws text boxes). */
function cornerColumns(model: WorkbookModel, index: number): number {
  const sheet = model.sheets[index];
  const { helpers } = planSheetCharts(sheet, placeBlocks(sheet), model.lang);
  return helpers.start + helpers.columns;
}

export function excelPicture(book: MockWorkbook, model: WorkbookModel): SheetPicture[] {
  return book.live().map((sheet, index) => {
    const corners = cornerColumns(model, index);
    const cells = new Map<string, CellValue>();
    const formats = new Map<string, string>();
    const styles = new Map<string, Style>();
    sheet.written.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v === "" || v === undefined || c >= corners) return;
        const value = typeof v === "string" && v.startsWith("'") ? v.slice(1) : (v as CellValue);
        cells.set(key(r, c), value);
        if (typeof value === "number") formats.set(key(r, c), excelNumberFormat(sheet, r, c));
        styles.set(key(r, c), excelStyle(sheet, r, c));
      }),
    );
    const widths: Record<number, number> = {};
    for (const e of sheet.formatLog) if (e.path === "columnWidth") widths[e.column] = e.value as number;
    const heights: Record<number, number> = {};
    for (const e of sheet.formatLog) if (e.path === "rowHeight") heights[e.row] = e.value as number;
    const merges = sheet.merges.map((m) => a1Range(m.row, m.column, m.rows, m.columns)).sort();
    const hidden = sheet.hidden.flatMap((h) => Array.from({ length: h.columns }, (_, i) => h.column + i));
    const page = Object.fromEntries(sheet.pageSetup);
    const zoom = page.zoom as { horizontalFitToPages?: number; verticalFitToPages?: number } | undefined;
    const titles = (page["setPrintTitleRows()"] as string[] | undefined)?.[0];
    return defined({
      name: sheet.name,
      cells: sorted(cells),
      formats: sorted(formats),
      styles: sorted(styles),
      widths,
      heights,
      merges,
      hidden: hidden.filter((c) => c < corners).sort((a, b) => a - b),
      page: defined({
        orientation: String(page.orientation).toLowerCase(),
        paper: page.paperSize as string,
        fitToWidth: zoom?.horizontalFitToPages,
        fitToHeight: zoom?.verticalFitToPages,
        titleRows: titles?.replace(/\$/g, ""),
        printAreas: (page["setPrintArea()"] as string[] | undefined)?.[0].replace(/\$/g, "").split(","),
        margins: ["left", "right", "top", "bottom", "header", "footer"].map((m) => (page[`${m}Margin`] as number) / 72),
        footer: ["left", "center", "right"]
          .map((at) => `&${at[0].toUpperCase()}${page[`headersFooters.defaultForAllPages.${at}Footer`] as string}`)
          .join(""),
      }),
      tab: sheet.tabColor || undefined,
      freeze: excelFreeze(sheet),
      filter: mockRange((sheet.filter.find(([p]) => p === "apply()")?.[1] as unknown[])?.[0]),
      charts: sheet.chartPaths.map((paths) => excelChart(paths, model.lang)),
    });
  });
}

function excelFreeze(sheet: MockSheet): { rows: number; columns: number } | undefined {
  const at = sheet.panes.find(([p]) => p === "freezeAt()")?.[1] as unknown[] | undefined;
  const m = at ? /!R0C0:(\d+)x(\d+)$/.exec(String(at[0])) : null;
  if (m) return { rows: Number(m[1]), columns: Number(m[2]) };
  const rows = sheet.panes.find(([p]) => p === "freezeRows()")?.[1] as number[] | undefined;
  const columns = sheet.panes.find(([p]) => p === "freezeColumns()")?.[1] as number[] | undefined;
  if (!rows && !columns) return undefined;
  return { rows: rows?.[0] ?? 0, columns: columns?.[0] ?? 0 };
}

/** Rows and columns (0-based) as an A1 range: (0, 0, 1, 3) is A1:C1. */
function a1Range(row: number, column: number, rows: number, columns: number): string {
  return `${columnLetters(column)}${row + 1}:${columnLetters(column + columns - 1)}${row + rows}`;
}

/** "Sheet!R2C0:6x11" as A3:K8. */
function mockRange(ref: unknown): string | undefined {
  const m = /!R(\d+)C(\d+):(\d+)x(\d+)$/.exec(String(ref ?? ""));
  if (!m) return undefined;
  const [r, c, rows, columns] = m.slice(1).map(Number);
  const letter = (n: number) => String.fromCharCode(65 + n);
  return `${letter(c)}${r + 1}:${letter(c + columns - 1)}${r + rows}`;
}

// ---------------------------------------------------------------------------------------
// The .xlsx file

function xlsxStyle(cell: ExcelJS.Cell): Style {
  const font = cell.font ?? {};
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  const border = cell.border ?? {};
  const edge = (["top", "bottom"] as const).find((e) => border[e]?.style === "thin");
  return defined({
    font: font.name ?? DEFAULT_FONT.name,
    size: font.size ?? DEFAULT_FONT.size,
    bold: font.bold === true,
    italic: font.italic === true,
    color: hex(font.color?.argb),
    fill: fill?.type === "pattern" && fill.pattern === "solid" ? hex(fill.fgColor?.argb) : undefined,
    border: edge ? `${edge} ${hex(border[edge]?.color?.argb)}` : undefined,
    horizontal: cell.alignment?.horizontal,
    vertical: cell.alignment?.vertical,
    wrap: cell.alignment?.wrapText === true,
  });
}

/** 'Sheet'!$D$4:$D$20 as C3R3x17. */
function xlsxRef(formula: string | undefined): string | undefined {
  const m = /!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(formula ?? "");
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1]) column = column * 26 + ch.charCodeAt(0) - 64;
  return `C${column - 1}R${Number(m[2]) - 1}x${Number(m[3]) - Number(m[2]) + 1}`;
}

const tag = (xml: string, name: string) => new RegExp(`<${name} val="([^"]*)"`).exec(xml)?.[1];
const numberTag = (xml: string, name: string) => {
  const v = tag(xml, name);
  return v === undefined ? undefined : Number(v);
};

function xlsxAxis(xml: string | undefined): Axis {
  if (!xml) return {};
  return defined({
    min: numberTag(xml, "c:min"),
    max: numberTag(xml, "c:max"),
    step: numberTag(xml, "c:majorUnit"),
    logBase: numberTag(xml, "c:logBase"),
    format: /<c:numFmt formatCode="([^"]*)"/.exec(xml)?.[1].replace(/&quot;/g, '"'),
  });
}

function xlsxChart(xml: string): ChartPicture {
  const kind = xml.includes("<c:scatterChart>") ? "scatter" : xml.includes("<c:lineChart>") ? "line" : "bar";
  const series = [...xml.matchAll(/<c:ser>(.*?)<\/c:ser>/g)].map(([, s]) => {
    const f = (part: string) => new RegExp(`<${part}>.*?<c:f>([^<]*)</c:f>`).exec(s)?.[1]?.replace(/&apos;/g, "'");
    const name = /<c:tx><c:v>([^<]*)<\/c:v><\/c:tx>/.exec(s)?.[1] ?? "";
    if (kind === "scatter") return { name, x: xlsxRef(f("c:xVal")), y: xlsxRef(f("c:yVal")) };
    if (kind === "line") return { name, x: xlsxRef(f("c:cat")), y: xlsxRef(f("c:val")) };
    return { name, y: xlsxRef(f("c:val")) };
  });
  const axes = [...xml.matchAll(/<c:valAx>.*?<\/c:valAx>/g)].map((m) => m[0]);
  const axisId = (id: string) => axes.find((a) => a.includes(`<c:axId val="${id}"/>`));
  const title = /<c:chart><c:title>.*?<a:t>([^<]*)<\/a:t>/.exec(xml)?.[1];
  return defined({
    kind,
    title,
    series,
    x: kind === "scatter" ? xlsxAxis(axisId("500100")) : {},
    y: xlsxAxis(kind === "scatter" ? axisId("500200") : kind === "line" ? axisId("500600") : axisId("500400")),
    labels: kind === "bar" ? /<c:dLbls><c:numFmt formatCode="([^"]*)"/.exec(xml)?.[1] : undefined,
  });
}

/** The charts of each sheet, in the order they were added, by the sheet their series refer to. */
async function xlsxCharts(zip: JSZip): Promise<Map<string, ChartPicture[]>> {
  const files = Object.keys(zip.files)
    .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
    .sort((a, b) => Number(/(\d+)\.xml/.exec(a)?.[1]) - Number(/(\d+)\.xml/.exec(b)?.[1]));
  const out = new Map<string, ChartPicture[]>();
  for (const file of files) {
    const xml = await zip.file(file)!.async("string");
    const sheet = /<c:f>'((?:[^']|'')*)'!/.exec(xml)?.[1].replace(/''/g, "'").replace(/&amp;/g, "&") ?? "";
    out.set(sheet, [...(out.get(sheet) ?? []), xlsxChart(xml)]);
  }
  return out;
}

/** The print areas of each sheet by its position, read from workbook.xml (ExcelJS reads only the first range). */
export async function xlsxPrintAreas(zip: JSZip): Promise<Map<number, string[]>> {
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const out = new Map<number, string[]>();
  for (const m of xml.matchAll(/<definedName name="_xlnm\.Print_Area" localSheetId="(\d+)">([^<]*)<\/definedName>/g)) {
    const ranges = m[2].split(",").map((r) => r.replace(/^.*!/, "").replace(/\$/g, ""));
    out.set(Number(m[1]), ranges);
  }
  return out;
}

export async function xlsxPicture(wb: ExcelJS.Workbook, zip: JSZip): Promise<SheetPicture[]> {
  const charts = await xlsxCharts(zip);
  const areas = await xlsxPrintAreas(zip);
  return wb.worksheets.map((ws, index) => {
    const cells = new Map<string, CellValue>();
    const formats = new Map<string, string>();
    const styles = new Map<string, Style>();
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        // The cells a merge covers read as its first cell: only that one holds the value.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const value = cell.value as CellValue;
        if (value === null || value === undefined) return;
        cells.set(key(r - 1, c - 1), value);
        if (typeof value === "number") formats.set(key(r - 1, c - 1), cell.numFmt ?? "General");
        styles.set(key(r - 1, c - 1), xlsxStyle(cell));
      }),
    );
    const widths: Record<number, number> = {};
    const hidden: number[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      // An ExcelJS column, not an Excel API object: nothing to load.
      const { hidden: isHidden, width } = ws.getColumn(c);
      // Hidden helper columns keep ExcelJS's default width; the Excel renderer sets none.
      if (isHidden) hidden.push(c - 1);
      else if (width !== undefined) widths[c - 1] = Math.trunc(width * 7 + 5) * 0.75;
    }
    const heights: Record<number, number> = {};
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.height !== undefined) heights[r - 1] = row.height;
    });
    const merges = [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort();
    const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    const setup = ws.pageSetup;
    const filter = ws.autoFilter as unknown as string | undefined;
    return defined({
      name: ws.name,
      cells: sorted(cells),
      formats: sorted(formats),
      styles: sorted(styles),
      widths,
      heights,
      merges,
      hidden,
      page: defined({
        orientation: setup.orientation,
        paper: setup.paperSize === 9 ? "A4" : String(setup.paperSize),
        fitToWidth: setup.fitToWidth,
        fitToHeight: setup.fitToHeight,
        titleRows: setup.printTitlesRow,
        printAreas: areas.get(index),
        margins: setup.margins
          ? (["left", "right", "top", "bottom", "header", "footer"] as const).map((m) => setup.margins![m])
          : undefined,
        footer: ws.headerFooter?.oddFooter,
      }),
      tab: hex(ws.properties.tabColor?.argb),
      freeze: view?.state === "frozen" ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } : undefined,
      filter: typeof filter === "string" ? filter : undefined,
      charts: charts.get(ws.name) ?? [],
    });
  });
}
