/** The layout's cell styles and page setup, applied through the Excel API. */
import { CellStyle } from "../layout/palette";
import { PageSetup } from "../layout/pageSetup";

/* global Excel */

/** Formatting calls `applyStyle` makes for a style, for the request budget. */
export function styleOps(style: CellStyle): number {
  return 2 + 4 + (style.fill ? 1 : 0) + (style.border ? 2 : 0) + 3;
}

/** Gives a range the style: font (name, size, weight, slant, colour), fill, border, alignment, wrap. */
export function applyStyle(range: Excel.Range, style: CellStyle): void {
  const format = range.format;
  const font = format.font;
  font.name = style.font.name;
  font.size = style.font.size;
  if (style.font.bold) font.bold = true;
  if (style.font.italic) font.italic = true;
  if (style.font.color) font.color = style.font.color;
  if (style.fill) format.fill.color = style.fill;
  if (style.border) {
    const edge = format.borders.getItem(style.border.edge === "top" ? "EdgeTop" : "EdgeBottom");
    edge.style = "Continuous";
    edge.color = style.border.color;
  }
  const horizontal = horizontalAlignment(style);
  if (horizontal) format.horizontalAlignment = horizontal;
  if (style.vertical) format.verticalAlignment = "Center";
  if (style.wrap) format.wrapText = true;
}

/** The Excel API's name of the style's horizontal alignment, if it has one. */
export function horizontalAlignment(style: CellStyle): "Left" | "Center" | undefined {
  return style.horizontal === undefined ? undefined : style.horizontal === "left" ? "Left" : "Center";
}

/** Calls `applyPageSetup` makes, for the request budget. */
export const PAGE_SETUP_OPS = 14;

/**
 * Paper, orientation, fit to one page wide, the rows repeated on every page, the print areas,
 * margins (the Excel API takes points, the layout inches) and the footer.
 */
export function applyPageSetup(sheet: Excel.Worksheet, setup: PageSetup): void {
  const page = sheet.pageLayout;
  page.orientation = "Landscape";
  page.paperSize = setup.paper;
  page.zoom = { horizontalFitToPages: setup.fitToWidth, verticalFitToPages: setup.fitToHeight };
  if (setup.titleRows) page.setPrintTitleRows(`$${setup.titleRows[0]}:$${setup.titleRows[1]}`);
  if (setup.printAreas) page.setPrintArea(setup.printAreas.join(","));
  const m = setup.margins;
  page.leftMargin = m.left * 72;
  page.rightMargin = m.right * 72;
  page.topMargin = m.top * 72;
  page.bottomMargin = m.bottom * 72;
  page.headerMargin = m.header * 72;
  page.footerMargin = m.footer * 72;
  const footer = page.headersFooters.defaultForAllPages;
  footer.leftFooter = setup.footer.left;
  footer.centerFooter = setup.footer.center;
  footer.rightFooter = setup.footer.right;
}
