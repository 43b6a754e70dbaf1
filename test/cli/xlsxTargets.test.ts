/**
 * .xlsx files as Python tools write them (openpyxl, so pandas): relationship targets are absolute
 * (`/xl/worksheets/sheet2.xml`) and the worksheets come before xl/workbook.xml in the zip. The
 * sheets keep their names, and with no sheet named the first tab (workbook order) is read.
 */
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { readCaseFile } from "../../src/cli/readInput";
import { readXlsxStream, relativeTarget } from "../../src/cli/xlsxStream";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-targets-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * An ExcelJS workbook rewritten the openpyxl way: absolute targets, worksheets first in the zip;
 * with `tabsReversed` the <sheets> list is reversed, so the first tab is the last part.
 */
async function pythonStyleWorkbook(wb: ExcelJS.Workbook, file: string, tabsReversed: boolean): Promise<void> {
  const original = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const rels = await original.file("xl/_rels/workbook.xml.rels")!.async("string");
  const absolute = rels.replace(/Target="(?!\/)([^"]+)"/g, 'Target="/xl/$1"');
  expect(absolute).toContain('Target="/xl/worksheets/sheet2.xml"');
  let book = await original.file("xl/workbook.xml")!.async("string");
  if (tabsReversed) {
    book = book.replace(/<sheets>(.*?)<\/sheets>/s, (_, inner: string) => {
      const sheets = inner.match(/<sheet [^>]*\/>/g) ?? [];
      return `<sheets>${sheets.reverse().join("")}</sheets>`;
    });
  }
  const names = Object.keys(original.files).filter((n) => !original.files[n].dir);
  const order = [
    ...names.filter((n) => n.startsWith("xl/worksheets/")),
    ...names.filter((n) => !n.startsWith("xl/worksheets/")),
  ];
  const out = new JSZip();
  for (const name of order) {
    const content =
      name === "xl/_rels/workbook.xml.rels"
        ? absolute
        : name === "xl/workbook.xml"
          ? book
          : await original.file(name)!.async("uint8array");
    out.file(name, content);
  }
  fs.writeFileSync(file, await out.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

function twoSheets(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("说明").getCell("A1").value = "导出说明";
  const ws = wb.addWorksheet("出院病例");
  ws.addRow(["DRG编码", "住院总费用"]);
  ws.addRow(["GB11", 1200]);
  ws.addRow(["FM19", 800]);
  return wb;
}

describe("relationship targets and tab order", () => {
  it("makes targets relative to xl/", () => {
    expect(relativeTarget("/xl/worksheets/sheet2.xml")).toBe("worksheets/sheet2.xml");
    expect(relativeTarget("worksheets/sheet2.xml")).toBe("worksheets/sheet2.xml");
    expect(relativeTarget("./worksheets/sheet1.xml")).toBe("worksheets/sheet1.xml");
  });

  it("finds a sheet by name in a workbook with absolute targets", async () => {
    const file = path.join(dir, "absolute.xlsx");
    await pythonStyleWorkbook(twoSheets(), file, false);
    const read = await readXlsxStream(file, "出院病例");
    expect(read.sheet).toBe("出院病例");
    expect(read.grid.cell(1, 0)).toBe("GB11");
    // No sheet named: the first tab, 说明 (and the names in the error are the tabs).
    expect((await readXlsxStream(file)).sheet).toBe("说明");
    await expect(readXlsxStream(file, "无此表")).rejects.toThrow(/its sheets: 说明, 出院病例/);
  });

  it("with no sheet named reads the first tab, not the first part in the zip", async () => {
    const file = path.join(dir, "tabs.xlsx");
    await pythonStyleWorkbook(twoSheets(), file, true); // tabs: 出院病例 (sheet2.xml), 说明 (sheet1.xml)
    const read = await readXlsxStream(file);
    expect(read.sheet).toBe("出院病例");
    const { table } = await readCaseFile(file, {}, {});
    expect(table.groups.codes).toEqual(["GB11", "FM19"]);
    expect(Array.from(table.numbers.totalCost!)).toEqual([1200, 800]);
    await expect(readXlsxStream(file, "无此表")).rejects.toThrow(/its sheets: 出院病例, 说明/);
  });
});
