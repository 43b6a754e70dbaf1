/**
 * Years are numbers in every report, shown with the year format "0": 2024, neither the text
 * "2024" (Excel's green triangle, and it sorts as text) nor 2,024 (#,##0). Read back from the
 * written .xlsx of each report.
 */
import ExcelJS from "exceljs";
import { yearCell } from "../../src/report/common";
import { NUMBER_FORMATS } from "../../src/report/layout/formats";
import { keyValueBlock, yearRow } from "../../src/report/parameterRows";
import { WorkbookModel } from "../../src/report/model";
import { renderXlsx } from "../../src/report/xlsx/render";
import { auditModel, quadrantModel, trendsModel } from "./threeReports";

async function cells(
  model: WorkbookModel,
): Promise<{ sheet: string; label: unknown; value: unknown; format: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderXlsx(model)) as unknown as ArrayBuffer);
  const out: { sheet: string; label: unknown; value: unknown; format: string }[] = [];
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell, c) => {
        if (c > 1) out.push({ sheet: ws.name, label: row.getCell(1).value, value: cell.value, format: cell.numFmt });
      }),
    );
  return out;
}

const YEAR_TEXT = /^\s*(19|20)\d\d\s*$/;

test("the year format is 0", () => {
  expect(NUMBER_FORMATS.year).toBe("0");
});

test("yearCell and yearRow: a lone year is a number of type year, other text stays", () => {
  expect(yearCell("2024")).toBe(2024);
  expect(yearCell(" 2024 ")).toBe(2024);
  for (const s of ["2022、2023、2024", "全部年份", "2024H1", "—", "24"]) expect(yearCell(s)).toBe(s);
  expect(yearRow("年份", "2024")).toEqual(["年份", 2024, "year"]);
  expect(yearRow("年份", "全部年份")).toEqual(["年份", "全部年份"]);
  // the row's own type fills in where the block's types leave a gap
  expect(keyValueBlock("c", [["a", 1], yearRow("y", "2023")], ["money"])).toEqual({
    kind: "keyValue",
    caption: "c",
    rows: [
      ["a", 1],
      ["y", 2023],
    ],
    types: ["money", "year"],
  });
  expect(keyValueBlock("c", [["a", "x"]])).toEqual({ kind: "keyValue", caption: "c", rows: [["a", "x"]] });
});

test.each([
  ["quadrant", quadrantModel],
  ["audit", auditModel],
  ["trends", trendsModel],
])("the %s workbook: no year as text; every year-formatted cell is a whole year", async (_name, build) => {
  const all = await cells(build());
  expect(all.filter((c) => typeof c.value === "string" && YEAR_TEXT.test(c.value))).toEqual([]);
  for (const c of all.filter((x) => x.format === "0")) {
    expect(Number.isInteger(c.value)).toBe(true);
    expect(c.value as number).toBeGreaterThanOrEqual(1000);
  }
});

test("the years the quadrant and trends reports show, by label: 2024 with format 0", async () => {
  const pick = (all: Awaited<ReturnType<typeof cells>>, label: string) =>
    all.filter((c) => c.label === label).map((c) => [c.sheet, c.value, c.format]);
  const q = await cells(quadrantModel());
  // the five-group cases are all of 2024
  expect(pick(q, "分析期间")).toEqual([["四象限分析", 2024, "0"]]);
  const t = await cells(trendsModel());
  // the sample's three years: the curve and the LOS/cost targets use the latest, 2024
  expect(pick(t, "曲线所用病例")).toEqual([["趋势与质量", 2024, "0"]]);
  expect(pick(t, "住院日与费用目标所用病例")).toEqual([["目标", 2024, "0"]]);
  // a list of years stays a text
  expect(pick(t, "年份").map((r) => r[1])).toContain("2022、2023、2024");
});
