/**
 * Frozen panes as both renderers write them, read back (the .xlsx views and the Excel mock's
 * freezePanes calls): no report sheet freezes more than MAX_FROZEN_ROWS rows, so a laptop's
 * screen keeps its rows for the data; the quadrant sheet, whose header sits under the summary
 * on row 17, freezes its key columns only and prints the header alone on every page.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { renderWorkbook } from "../../src/report/excel/render";
import { freezeTable, MAX_FROZEN_ROWS } from "../../src/report/layout/sheetLayout";
import { SheetModel, WorkbookModel } from "../../src/report/model";
import { renderXlsx } from "../../src/report/xlsx/render";
import { MockWorkbook, mockContext } from "../taskpane/excelMock";
import { excelPicture, SheetPicture, xlsxPicture } from "./renderedSheets";
import { auditModel, quadrantModel, trendsModel } from "./threeReports";

async function pictures(model: WorkbookModel): Promise<{ excel: SheetPicture[]; xlsx: SheetPicture[] }> {
  const book = new MockWorkbook();
  await renderWorkbook(mockContext(book), model, { yieldToUi: () => Promise.resolve() });
  const buffer = await renderXlsx(model);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return { excel: excelPicture(book, model), xlsx: await xlsxPicture(wb, await JSZip.loadAsync(buffer)) };
}

test("the quadrant sheet freezes group and name only, and prints the groups' header on every page", async () => {
  const { excel, xlsx } = await pictures(quadrantModel());
  // Rows 0 title, 1 note, 2-6 summary, 8-14 quadrants, 16 the groups' header (1-based 17).
  for (const sheets of [excel, xlsx]) {
    expect(sheets[0].freeze).toEqual({ rows: 0, columns: 2 });
    expect(sheets[0].page.titleRows).toBe("17:17");
  }
});

test.each([
  ["quadrant", quadrantModel],
  ["audit", auditModel],
  ["trends", trendsModel],
])("no %s sheet freezes more than MAX_FROZEN_ROWS rows, in either renderer", async (_name, build) => {
  const { excel, xlsx } = await pictures(build());
  for (const sheets of [excel, xlsx])
    for (const s of sheets)
      expect({ sheet: s.name, tooMany: (s.freeze?.rows ?? 0) > MAX_FROZEN_ROWS }).toEqual({
        sheet: s.name,
        tooMany: false,
      });
});

test("freezeTable: rows down to a header near the top, none under a long summary; titles = the header", () => {
  const table = { kind: "table" as const, columns: [{ id: "a", header: "A", type: "text" as const }], rows: [["x"]] };
  const near: SheetModel = {
    name: "n",
    blocks: [
      { kind: "text", text: "t" },
      { ...table, caption: "c" },
    ],
  };
  // title row 0, caption row 1, header row 2: first data row 3 <= 5, frozen
  freezeTable(near, 1, 1);
  expect(near.freeze).toEqual({ rows: 3, columns: 1 });
  expect(near.printTitles).toEqual({ first: 2, last: 2 });
  // six text rows (0-5), the header on row 6: first data row 7 > 5, rows not frozen
  const far: SheetModel = {
    name: "f",
    blocks: [...Array.from({ length: 6 }, () => ({ kind: "text" as const, text: "t" })), table],
  };
  freezeTable(far, 6, 2);
  expect(far.freeze).toEqual({ rows: 0, columns: 2 });
  expect(far.printTitles).toEqual({ first: 6, last: 6 });
  expect(() => freezeTable(far, 0, 1)).toThrow("not a table");
});
