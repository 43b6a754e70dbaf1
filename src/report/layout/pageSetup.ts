/**
 * Print settings of a report sheet, the same from both renderers: A4 (the paper of Chinese
 * offices), landscape, scaled to one page wide and as many pages tall as the rows need
 * (`fitToPage` on, or Excel and LibreOffice ignore the fit), the frozen header rows repeated on
 * every printed page, margins, and a footer with the report's name, page x of n and the time.
 *
 * Charts print on their own page: a sheet with charts gets a print area of several ranges, the
 * blocks first, then each chart's cells. Excel and LibreOffice start every range of a print area
 * on a new page, so the table is scaled to its own width (not to the table plus the chart beside
 * it, which made the figures unreadably small) and the chart fills a page of its own. On screen
 * the chart stays beside the table. A page break before a chart would not do: Excel ignores
 * manual breaks when it fits to a page width.
 */
import { Lang } from "../../engine/text";
import { chartAnchors, SheetModel, WorkbookModel, placeBlocks } from "../model";
import { columnLetters } from "./addresses";
import { blockColumns } from "./sheetLayout";

/** Margins in inches, as the .xlsx file stores them (the Excel API takes points: x 72). */
export interface Margins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

/** Narrow side margins for a wide table; room at the bottom for the footer. */
export const MARGINS: Margins = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 };

export interface PageSetup {
  orientation: "landscape";
  paper: "A4";
  /** Fit to pages: always, so that the widths below apply. */
  fitToPage: true;
  /** Pages wide; 0 pages tall means as many as needed. */
  fitToWidth: 1;
  fitToHeight: 0;
  /** Rows repeated on every page, 1-based and inclusive, e.g. [1, 3]; undefined for none. */
  titleRows?: [number, number];
  /** Ranges printed each from a new page, A1 style ("A1:K529", "M3:V28"); undefined: the used range. */
  printAreas?: string[];
  margins: Margins;
  /** Footer in Excel's header/footer codes: left, centre and right sections (&P page, &N pages). */
  footer: { left: string; center: string; right: string };
}

/** Escapes the & of a text for a header/footer section (&& prints one &). */
function footerText(s: string): string {
  return s.replace(/&/g, "&&");
}

function pageOf(lang: Lang): string {
  return lang === "zh" ? "第 &P 页，共 &N 页" : "Page &P of &N";
}

function range(top: number, left: number, bottom: number, right: number): string {
  return `${columnLetters(left)}${top + 1}:${columnLetters(right)}${bottom + 1}`;
}

/**
 * The print areas of a sheet with charts right of every block: the blocks, then each chart's
 * cells; undefined when there is no chart or one overlaps the blocks' columns (it then prints
 * where it stands).
 */
export function printAreas(sheet: SheetModel): string[] | undefined {
  const charts = chartAnchors(sheet);
  if (charts.length === 0) return undefined;
  const columns = blockColumns(sheet);
  if (columns === 0 || charts.some((a) => a.column < columns)) return undefined;
  const placements = placeBlocks(sheet);
  const lastRow = Math.max(0, ...placements.map((p) => p.top + p.height - 1));
  return [
    range(0, 0, lastRow, columns - 1),
    ...charts.map((a) => range(a.row, a.column, a.row + a.height - 1, a.column + a.width - 1)),
  ];
}

/** The page setup of one sheet of a workbook. */
export function pageSetup(sheet: SheetModel, book: Pick<WorkbookModel, "lang" | "print">): PageSetup {
  const rows = sheet.freeze?.rows ?? 0;
  const titles = sheet.printTitles;
  const titleRows: [number, number] | undefined = titles
    ? [titles.first + 1, titles.last + 1]
    : rows > 0
      ? [1, rows]
      : undefined;
  const areas = printAreas(sheet);
  const title = book.print?.title;
  return {
    orientation: "landscape",
    paper: "A4",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(titleRows ? { titleRows } : {}),
    ...(areas ? { printAreas: areas } : {}),
    margins: MARGINS,
    footer: {
      // &A is the sheet's name as it stands (a renderer may have added a suffix).
      left: title ? `${footerText(title)} - &A` : "&A",
      center: pageOf(book.lang),
      right: book.print?.time ? footerText(book.print.time) : "",
    },
  };
}

/** The three sections as one footer string of an .xlsx file (&L, &C, &R). */
export function footerCodes(footer: PageSetup["footer"]): string {
  return `&L${footer.left}&C${footer.center}&R${footer.right}`;
}
