/**
 * The cells of one report sheet in ExcelJS, cell for cell where the Excel renderer puts them
 * (`placeBlocks`), in the layout's styles, formats, widths and page setup; and the hidden
 * helper cells the layout's chart plans ask for.
 */
import type * as ExcelJS from "exceljs";
import { Lang } from "../../engine/text";
import { BlockPlacement, CellValue, KeyValueBlock, SheetModel, TableBlock, WorkbookModel, placeBlocks } from "../model";
import { columnLetters } from "../layout/addresses";
import { PlannedSeries, SheetChartsPlan } from "../layout/charts";
import { columnFormat, keyValueFormat } from "../layout/formats";
import { footerCodes, pageSetup, PageSetup } from "../layout/pageSetup";
import { CellRole, CellStyle, PALETTE, cellStyle } from "../layout/palette";
import { filteredTable, textSpan } from "../layout/sheetLayout";
import { ColumnLayout, columnLayout } from "../layout/widths";
import { rowHeights } from "../layout/rowHeights";

export const argb = (hex: string) => "FF" + hex.replace(/^#/, "").toUpperCase();

function solid(hex: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } };
}

/** Sets a cell's value; blanks, empty text and numbers that are not finite leave it empty (as in Excel). */
export function writeValue(cell: ExcelJS.Cell, value: CellValue | undefined): void {
  if (value === null || value === undefined || value === "") return;
  if (typeof value === "number" && !Number.isFinite(value)) return;
  cell.value = value;
}

/** Gives a cell the layout's style (font, fill, border, alignment, wrap). */
function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  const f = style.font;
  cell.font = {
    name: f.name,
    size: f.size,
    ...(f.bold ? { bold: true } : {}),
    ...(f.italic ? { italic: true } : {}),
    ...(f.color ? { color: { argb: argb(f.color) } } : {}),
  };
  if (style.fill) cell.fill = solid(style.fill);
  if (style.border) cell.border = { [style.border.edge]: { style: "thin", color: { argb: argb(style.border.color) } } };
  if (style.horizontal || style.vertical || style.wrap) {
    cell.alignment = {
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.vertical ? { vertical: style.vertical } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
    };
  }
}

/** A sheet's styles by role, made once. */
function styles(lang: Lang): (role: CellRole) => CellStyle {
  const made = new Map<CellRole, CellStyle>();
  return (role) => {
    let style = made.get(role);
    if (!style) made.set(role, (style = cellStyle(role, lang)));
    return style;
  };
}

const wrapped = (style: CellStyle, wrap: boolean): CellStyle => (wrap ? { ...style, wrap: true } : style);

interface SheetContext {
  ws: ExcelJS.Worksheet;
  style: (role: CellRole) => CellStyle;
  columns: ColumnLayout;
  /** Unique conditional-format priorities, in the order the model lists the formats. */
  nextPriority: () => number;
}

export function renderSheet(
  ws: ExcelJS.Worksheet,
  sheet: SheetModel,
  book: Pick<WorkbookModel, "lang" | "print">,
): void {
  const lang = book.lang;
  const placements = placeBlocks(sheet);
  let priority = 0;
  const cx: SheetContext = { ws, style: styles(lang), columns: columnLayout(sheet), nextPriority: () => ++priority };
  sheet.blocks.forEach((block, b) => {
    const p = placements[b];
    if (block.kind === "text") {
      const c = ws.getCell(p.top + 1, 1);
      writeValue(c, block.text);
      const span = textSpan(sheet, b);
      if (span !== undefined) ws.mergeCells(p.top + 1, 1, p.top + 1, span);
      if (block.style) applyStyle(c, wrapped(cx.style(block.style), span !== undefined));
      return;
    }
    if (block.caption) {
      const c = ws.getCell(p.top + 1, 1);
      writeValue(c, block.caption);
      applyStyle(c, cx.style("caption"));
    }
    if (block.kind === "keyValue") renderKeyValue(cx, block, b, p);
    else renderTable(cx, block, b, p);
  });
  cx.columns.widths.forEach((w, j) => {
    // ExcelJS leaves out a width of exactly 9, its own default, and Excel then shows 8.43.
    if (w !== undefined) ws.getColumn(j + 1).width = w === 9 ? 9.0001 : w;
  });
  for (const [r, h] of rowHeights(sheet, cx.columns, lang)) ws.getRow(r + 1).height = h;
  const filtered = filteredTable(sheet);
  if (filtered !== undefined) {
    const block = sheet.blocks[filtered] as TableBlock;
    const p = placements[filtered];
    ws.autoFilter = {
      from: { row: p.headerRow + 1, column: 1 },
      to: { row: p.firstDataRow + block.rows.length, column: block.columns.length },
    };
  }
  if (sheet.freeze) ws.views = [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }];
  applyPageSetup(ws, pageSetup(sheet, book));
  ws.properties.tabColor = { argb: argb(PALETTE.tab) };
}

/**
 * The layout's page setup in ExcelJS. The print areas are not set here: ExcelJS writes one
 * defined name per range (which Excel rejects), so ./package writes them (`addPrintAreas`).
 */
function applyPageSetup(ws: ExcelJS.Worksheet, setup: PageSetup): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: setup.orientation,
    paperSize: 9, // A4
    fitToPage: setup.fitToPage,
    fitToWidth: setup.fitToWidth,
    fitToHeight: setup.fitToHeight,
    margins: { ...setup.margins },
    ...(setup.titleRows ? { printTitlesRow: `${setup.titleRows[0]}:${setup.titleRows[1]}` } : {}),
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: footerCodes(setup.footer) };
}

function renderKeyValue(cx: SheetContext, block: KeyValueBlock, b: number, p: BlockPlacement): void {
  const label = wrapped(cx.style("label"), cx.columns.wrapped.has(`${b}:0`));
  const value = wrapped(cx.style("value"), cx.columns.wrapped.has(`${b}:1`));
  block.rows.forEach(([key, v], i) => {
    const k = cx.ws.getCell(p.headerRow + i + 1, 1);
    writeValue(k, key);
    applyStyle(k, label);
    const c = cx.ws.getCell(p.headerRow + i + 1, 2);
    writeValue(c, v);
    const format = keyValueFormat(v, block.types?.[i]);
    if (format) c.numFmt = format;
    applyStyle(c, value);
  });
}

function renderTable(cx: SheetContext, block: TableBlock, b: number, p: BlockPlacement): void {
  const { ws } = cx;
  block.columns.forEach((col, j) => {
    const c = ws.getCell(p.headerRow + 1, j + 1);
    writeValue(c, col.header);
    applyStyle(c, cx.style(col.type === "text" ? "header" : "numberHeader"));
  });
  const formats = block.columns.map((col) => columnFormat(col.type));
  const wraps = block.columns.map((_, j) => cx.columns.wrapped.has(`${b}:${j}`));
  const writeRow = (row: readonly CellValue[], r: number) => {
    const excelRow = ws.getRow(r + 1);
    for (let j = 0; j < block.columns.length; j++) {
      const v = row[j];
      const c = excelRow.getCell(j + 1);
      writeValue(c, v);
      if (typeof v === "number" && formats[j] !== undefined) c.numFmt = formats[j] as string;
      if (wraps[j]) c.alignment = { wrapText: true };
    }
  };
  block.rows.forEach((row, i) => writeRow(row, p.firstDataRow + i));
  if (block.totalRow) {
    const r = p.firstDataRow + block.rows.length;
    writeRow(block.totalRow, r);
    for (let j = 0; j < block.columns.length; j++) applyStyle(ws.getRow(r + 1).getCell(j + 1), cx.style("total"));
  }
  if (block.rows.length > 0) addConditionalFormats(cx, block, p);
}

function addConditionalFormats(cx: SheetContext, block: TableBlock, p: BlockPlacement): void {
  const n = block.rows.length;
  for (const cf of block.conditionalFormats ?? []) {
    const col = block.columns.findIndex((c) => c.id === cf.columnId);
    if (col < 0) continue;
    const letter = columnLetters(col);
    const ref = `${letter}${p.firstDataRow + 1}:${letter}${p.firstDataRow + n}`;
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
        priority: cx.nextPriority(),
      };
    } else if (rule.kind === "textEquals") {
      excelRule = {
        type: "cellIs",
        operator: "equal",
        formulae: [`"${rule.text.replace(/"/g, '""')}"`],
        style: style(rule.fill, rule.font),
        priority: cx.nextPriority(),
      };
    } else {
      excelRule = {
        type: "dataBar",
        priority: cx.nextPriority(),
        cfvo: [{ type: "min" }, { type: "max" }],
        color: { argb: argb(rule.color) },
        // A solid bar: ExcelJS then writes the Excel 2010 (x14) data bar with its worksheet extension.
        gradient: false,
      } as unknown as ExcelJS.ConditionalFormattingRule;
    }
    cx.ws.addConditionalFormatting({ ref, rules: [excelRule] });
  }
}

/** Writes the helper series of a sheet's chart plans (name in row 1 over the x, y pairs) and hides their columns. */
export function writeHelpers(ws: ExcelJS.Worksheet, plan: SheetChartsPlan): void {
  const series: PlannedSeries[] = plan.scatter.flatMap((c) => [...c.points, ...c.lines]);
  for (const s of series) {
    if (!s.helper) continue;
    ws.getCell(1, s.x.column + 1).value = s.name;
    s.helper.forEach(([x, y], i) => {
      writeValue(ws.getCell(i + 2, s.x.column + 1), x);
      writeValue(ws.getCell(i + 2, s.y.column + 1), y);
    });
  }
  for (let c = 0; c < plan.helpers.columns; c++) ws.getColumn(plan.helpers.start + c + 1).hidden = true;
}
