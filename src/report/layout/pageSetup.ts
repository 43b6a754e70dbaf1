/**
 * Print settings of a report sheet, the same from both renderers (before, neither set any):
 * A4 (the paper of Chinese offices), landscape, scaled to one page wide and as many pages tall
 * as the rows need, and the frozen header rows (or the sheet's own print titles) repeated on
 * every printed page.
 */
import { SheetModel } from "../model";

export interface PageSetup {
  orientation: "landscape";
  paper: "A4";
  /** Pages wide; 0 pages tall means as many as needed. */
  fitToWidth: 1;
  fitToHeight: 0;
  /** Rows repeated on every page, 1-based and inclusive, e.g. [1, 3]; undefined for none. */
  titleRows?: [number, number];
}

export function pageSetup(sheet: SheetModel): PageSetup {
  const rows = sheet.freeze?.rows ?? 0;
  const titles = sheet.printTitles;
  const titleRows: [number, number] | undefined = titles
    ? [titles.first + 1, titles.last + 1]
    : rows > 0
      ? [1, rows]
      : undefined;
  return {
    orientation: "landscape",
    paper: "A4",
    fitToWidth: 1,
    fitToHeight: 0,
    ...(titleRows ? { titleRows } : {}),
  };
}
