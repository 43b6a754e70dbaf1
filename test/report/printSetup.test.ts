/**
 * Every report workbook as written to a file, read back: the page setup (landscape A4, fit to
 * one page wide with fitToPage on, print titles = the frozen header rows, print areas for the
 * sheets with charts, margins, footer), no text cell that reads as a number, and a font name on
 * every styled cell.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { printAreas } from "../../src/report/layout/pageSetup";
import { blockColumns } from "../../src/report/layout/sheetLayout";
import { localTimeText } from "../../src/report/localTime";
import { chartAnchors, WorkbookModel } from "../../src/report/model";
import { renderXlsx } from "../../src/report/xlsx/render";
import { xlsxPrintAreas } from "./renderedSheets";
import { auditModel, compareModel, paymentModel, quadrantModel, trendsModel } from "./threeReports";

/** A text Excel would read as a number: 12, -5.6770%, 1,234.5, .5, 1e3. */
export function readsAsNumber(s: string): boolean {
  return /^\s*[-+]?(\d[\d,]*(\.\d*)?|\.\d+)(e[-+]?\d+)?\s*%?\s*$/i.test(s);
}

/** A year as a text: allowed only as the monitoring sheet's period labels (the line chart's categories). */
const YEAR = /^(19|20)\d\d$/;
const MONITOR_SHEETS = new Set(["监测", "Monitoring"]);

const REPORTS: [string, () => WorkbookModel][] = [
  ["quadrant", quadrantModel],
  ["audit", auditModel],
  ["trends", trendsModel],
  ["payment", paymentModel],
  ["compare", compareModel],
];

describe.each(REPORTS)("the %s workbook, read back from the file", (_name, build) => {
  const model = build();
  let wb: ExcelJS.Workbook;
  let areas: Map<number, string[]>;

  beforeAll(async () => {
    const buffer = await renderXlsx(model);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    areas = await xlsxPrintAreas(await JSZip.loadAsync(buffer));
  });

  test("page setup: landscape A4, fit to one page wide, print titles, margins, footer", () => {
    expect(wb.worksheets.length).toBe(model.sheets.length);
    wb.worksheets.forEach((ws, i) => {
      const sheet = model.sheets[i];
      const p = ws.pageSetup;
      expect({ sheet: ws.name, o: p.orientation, paper: p.paperSize, fit: p.fitToPage }).toEqual({
        sheet: ws.name,
        o: "landscape",
        paper: 9, // A4
        fit: true,
      });
      expect([p.fitToWidth, p.fitToHeight]).toEqual([1, 0]);
      const rows = sheet.freeze?.rows ?? 0;
      const titles = sheet.printTitles;
      expect(p.printTitlesRow).toBe(
        titles ? `${titles.first + 1}:${titles.last + 1}` : rows > 0 ? `1:${rows}` : undefined,
      );
      expect(p.margins).toEqual({ left: 0.4, right: 0.4, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 });
      expect(ws.headerFooter.oddFooter).toBe(
        `&L${model.print!.title} - &A&C${model.lang === "zh" ? "第 &P 页，共 &N 页" : "Page &P of &N"}&R${model.print!.time}`,
      );
    });
    // Each model's time: 2025-01-31 08:00 UTC at UTC+8.
    expect(model.print!.time).toBe(localTimeText(new Date(Date.UTC(2025, 0, 31, 8)), 480));
    expect(model.print!.time).toBe("2025-01-31 16:00 (UTC+8)");
  });

  test("a sheet with a chart right of its blocks prints them, then each chart on a page of its own", () => {
    model.sheets.forEach((sheet, i) => {
      const charts = chartAnchors(sheet);
      const beside = charts.length > 0 && charts.every((a) => a.column >= blockColumns(sheet));
      if (!beside) return expect(areas.get(i)).toBeUndefined();
      const printed = areas.get(i)!;
      expect(printed).toEqual(printAreas(sheet));
      expect(printed).toHaveLength(1 + charts.length);
      expect(printed[0]).toMatch(/^A1:[A-Z]+\d+$/);
    });
  });

  test("no text cell reads as a number (numbers are stored as numbers, with formats)", () => {
    const texts: string[] = [];
    let numbers = 0;
    for (const ws of wb.worksheets)
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          if (typeof cell.value === "number") numbers++;
          if (typeof cell.value !== "string" || !readsAsNumber(cell.value)) return;
          // The monitoring sheet's periods are labels (the line chart's categories), years among them.
          if (c === 1 && MONITOR_SHEETS.has(ws.name) && YEAR.test(cell.value.trim())) return;
          texts.push(`${ws.name}!${cell.address} (row ${r}): '${cell.value}'`);
        }),
      );
    expect(texts).toEqual([]);
    expect(numbers).toBeGreaterThan(10);
  });

  test("every styled cell names its font", () => {
    const unnamed: string[] = [];
    let styled = 0;
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const font = cell.font;
          if (!font || Object.keys(font).length === 0) return;
          styled++;
          if (!font.name) unnamed.push(`${ws.name}!${cell.address}`);
        }),
      );
    expect(unnamed).toEqual([]);
    expect(styled).toBeGreaterThan(5);
  });
});

test("readsAsNumber: what Excel would turn into a number", () => {
  for (const s of ["12", "-5.6770%", "2.2319", "1,234.5", ".5", "1e3", " 7 "]) expect(readsAsNumber(s)).toBe(true);
  for (const s of ["0.1.0", "GB11", "1.2 → 1.6", "2024-05-01", "", "—", "± 0.1%"]) expect(readsAsNumber(s)).toBe(false);
});
