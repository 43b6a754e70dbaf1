/**
 * One model of each report drawn by both renderers, read back the same way, must look the same:
 * sheet names, cell values, number formats, styles of every written cell (fonts, fills, borders,
 * alignment, wrap), column widths, row heights, merged note rows, hidden helper columns, page setup, tab colour, frozen panes,
 * the filter, and each chart's series (names and cell ranges), axis limits, tick steps and formats.
 *
 * The one difference by design: the Excel renderer writes the quadrant names as data labels of a
 * hidden helper series, the .xlsx as text boxes in the chart; those helper cells and that series
 * are left out of the Excel side (test/report/renderedSheets.ts).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { renderWorkbook } from "../../src/report/excel/render";
import { placeBlocks, WorkbookModel } from "../../src/report/model";
import { renderXlsx } from "../../src/report/xlsx/render";
import { MockWorkbook, mockContext } from "../taskpane/excelMock";
import { excelPicture, SheetPicture, xlsxPicture } from "./renderedSheets";
import { auditModel, paymentModel, quadrantModel, trendsModel } from "./threeReports";

async function bothPictures(model: WorkbookModel): Promise<{ excel: SheetPicture[]; xlsx: SheetPicture[] }> {
  const book = new MockWorkbook();
  await renderWorkbook(mockContext(book), model, { yieldToUi: () => Promise.resolve() });
  const buffer = await renderXlsx(model);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return { excel: excelPicture(book, model), xlsx: await xlsxPicture(wb, await JSZip.loadAsync(buffer)) };
}

const REPORTS: [string, () => WorkbookModel, (m: WorkbookModel) => void][] = [
  ["quadrant", quadrantModel, (m) => expect(m.sheets[0].charts).toHaveLength(1)],
  ["audit", auditModel, (m) => expect(m.sheets[0].barCharts).toHaveLength(1)],
  ["trends", trendsModel, (m) => expect(m.sheets[0].charts?.[0].line).toBeDefined()],
  ["payment", paymentModel, (m) => expect(m.sheets[0].barCharts).toHaveLength(1)],
  [
    "trends, monitoring by month",
    () => trendsModel("month"),
    (m) => expect(m.sheets[2].lineCharts?.[0].series.length).toBeGreaterThan(1),
  ],
];

describe.each(REPORTS)("the %s report looks the same from both renderers", (_name, build, hasCharts) => {
  const model = build();
  let excel: SheetPicture[];
  let xlsx: SheetPicture[];

  beforeAll(async () => {
    ({ excel, xlsx } = await bothPictures(model));
  });

  test("the model has what the comparison is about (charts, tables)", () => {
    hasCharts(model);
    expect(excel.length).toBe(model.sheets.length);
  });

  test("sheet names", () => {
    expect(excel.map((s) => s.name)).toEqual(xlsx.map((s) => s.name));
  });

  test("every sheet, part by part", () => {
    excel.forEach((sheet, i) => {
      const other = xlsx[i];
      // One part at a time, so a failure names the part.
      for (const part of [
        "cells",
        "formats",
        "styles",
        "widths",
        "heights",
        "merges",
        "hidden",
        "page",
        "tab",
        "freeze",
        "filter",
      ] as const) {
        expect({ sheet: sheet.name, part, value: sheet[part] }).toEqual({
          sheet: sheet.name,
          part,
          value: other[part],
        });
      }
      expect(Object.keys(sheet.cells).length).toBeGreaterThan(10);
    });
  });

  test("charts: series, axis limits, tick steps and formats", () => {
    excel.forEach((sheet, i) => expect(sheet.charts).toEqual(xlsx[i].charts));
    expect(excel.flatMap((s) => s.charts).length).toBeGreaterThan(0);
  });
});

describe("the pictures hold what the layout decides (so an empty picture cannot pass)", () => {
  test("quadrant: header style, widths, page setup and axis limits by hand", async () => {
    const { excel } = await bothPictures(quadrantModel());
    const sheet = excel[0];
    // Rows 0 title, 1 note, 2-6 the summary's pairs, 8-14 the quadrants table, 16 the groups'
    // header: 分组 (text) and 病例数 (a number column, centred).
    expect(sheet.styles["16,0"]).toEqual({
      font: "Microsoft YaHei",
      size: 11,
      bold: true,
      italic: false,
      fill: "#DDEBF7",
      border: "bottom #8EA9DB",
      horizontal: "left",
      vertical: "middle",
      wrap: true,
    });
    expect(sheet.styles["16,2"].horizontal).toBe("center");
    // the note under the title (row 1) spans the groups' 11 columns, merged and wrapped
    expect(sheet.merges).toContain("A2:K2");
    expect(sheet.styles["1,0"].wrap).toBe(true);
    expect(sheet.page).toEqual({
      orientation: "landscape",
      paper: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      titleRows: "17:17",
      // Title, note, the summary blocks, the header on row 17, 5 groups, total: rows 1..23 of
      // columns A..K (11); the chart anchored at row 2 (0-based) of column 12 (M), 10 wide and 26
      // tall: M3:V28, a page of its own.
      printAreas: ["A1:K23", "M3:V28"],
      margins: [0.4, 0.4, 0.6, 0.7, 0.3, 0.3],
      footer: "&LCaseMix DRG 四象限分析与绩效激励 - &A&C第 &P 页，共 &N 页&R2025-01-31 16:00 (UTC+8)",
    });
    // Column A: the model asks for 10; the widest cells are 数据来源 and 战略病种 (8 + 2 padding): 10 chars = 75 px = 56.25 pt.
    expect(sheet.widths[0]).toBe(Math.trunc(10 * 7 + 5) * 0.75);
    // RW 0.4 .. 2 and the cut 28/22: span 1.6, step 0.2, pad 0.064 -> 0.2 .. 2.2.
    // Rates -1/6 .. 0.6 and the cut 0: span 0.7667, step 0.1, pad 0.031 -> -0.2 .. 0.7.
    const chart = sheet.charts[0];
    expect(chart.x).toEqual({ min: 0.2, max: 2.2, step: 0.2, format: "#,##0.0" });
    expect(chart.y).toEqual({ min: -0.2, max: 0.7, step: 0.1, format: "0%" });
  });
});

describe("the monitoring line chart (both renderers, same series and categories)", () => {
  test("one line a column of the CMI table, the periods as categories", async () => {
    const model = trendsModel("month");
    const { excel, xlsx } = await bothPictures(model);
    const sheet = model.sheets[2];
    const chart = sheet.lineCharts![0];
    const at = chart.categories.blockIndex;
    const table = sheet.blocks[at] as { rows: unknown[][]; columns: { header: string }[] };
    const first = placeBlocks(sheet)[at].firstDataRow;
    const n = table.rows.length;
    // The sample's three years by month: 36 periods; the hospital and the five largest units.
    expect(n).toBe(36);
    expect(chart.series.map((s) => s.name)).toEqual(table.columns.slice(1).map((c) => c.header));
    expect(chart.series).toHaveLength(6);
    const expected = chart.series.map((_, j) => ({
      name: table.columns[j + 1].header,
      x: `C0R${first}x${n}`,
      y: `C${j + 1}R${first}x${n}`,
    }));
    expect(excel[2].charts).toHaveLength(1);
    expect(excel[2].charts[0].kind).toBe("line");
    expect(excel[2].charts[0].series).toEqual(expected);
    expect(xlsx[2].charts[0].series).toEqual(expected);
    expect(excel[2].charts[0].y).toEqual(xlsx[2].charts[0].y);
    expect(excel[2].charts[0].y.format).toBe("#,##0.00");
  });
});
