import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readCaseTable } from "../../src/engine/caseTable";
import { weightTable } from "../../src/engine/weightTable";
import { placeBlocks, TableBlock, WorkbookModel } from "../../src/report/model";
import { DEFAULT_QUADRANT_SETTINGS } from "../../src/report/quadrant/settings";
import { computeQuadrantReport } from "../../src/report/quadrant/compute";
import { quadrantWorkbook } from "../../src/report/quadrant/sheets";
import { renderXlsx } from "../../src/report/xlsx/render";
import { drawingPosition } from "../../src/report/xlsx/package";
import { fiveGroupRows, WEIGHTS } from "./fiveGroups";

/** Fails on unbalanced tags: a cheap well-formedness check of the XML parts we write. */
function expectBalanced(xml: string): void {
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/g)) {
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else if (!m[3]) stack.push(m[2]);
  }
  expect(stack).toEqual([]);
}

describe("helpers", () => {
  it("puts <drawing> before the worksheet's own extLst, not inside a conditional format", () => {
    const xml =
      '<?xml version="1.0"?><worksheet><sheetData/><conditionalFormatting><cfRule><extLst><ext/></extLst></cfRule></conditionalFormatting>' +
      "<pageMargins/><extLst><ext/></extLst></worksheet>";
    expect(xml.slice(drawingPosition(xml))).toBe("<extLst><ext/></extLst></worksheet>");
    const plain = "<worksheet><sheetData></sheetData><pageMargins/></worksheet>";
    expect(plain.slice(drawingPosition(plain))).toBe("</worksheet>");
  });
});

describe("renderXlsx of the quadrant report", () => {
  const table = weightTable(
    WEIGHTS.map((w) => w[0]),
    WEIGHTS.map((w) => w[1]),
  );
  const report = computeQuadrantReport(
    readCaseTable(fiveGroupRows()),
    {
      ...DEFAULT_QUADRANT_SETTINGS,
      weights: { source: "table", table, name: "w.csv" },
      money: { mode: "pool", pool: 1000 },
      unit: "both",
    },
    { source: "five.csv", version: "1.2.3", time: new Date("2024-05-01T00:00:00Z") },
  );
  const model = quadrantWorkbook(report, "zh");
  let buffer: Buffer;
  let wb: ExcelJS.Workbook;
  let zip: JSZip;

  beforeAll(async () => {
    buffer = await renderXlsx(model);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    zip = await JSZip.loadAsync(buffer);
  });

  it("opens with ExcelJS with the four sheets, every cell where placeBlocks puts it", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["四象限分析", "科室激励", "医师激励", "参数"]);
    const ws = wb.getWorksheet("四象限分析") as ExcelJS.Worksheet;
    const sheet = model.sheets[0];
    // title, note, the summary (key/value pairs, the quadrants table), then the groups: block 4
    const p = placeBlocks(sheet)[4];
    const block = sheet.blocks[4] as TableBlock;
    expect(block.columns[0].id).toBe("group");
    expect(ws.getCell(1, 1).value).toBe(sheet.blocks[0].kind === "text" ? sheet.blocks[0].text : "");
    block.columns.forEach((c, j) => expect(ws.getCell(p.headerRow + 1, j + 1).value).toBe(c.header));
    block.rows.forEach((row, i) =>
      row.forEach((v, j) => expect(ws.getCell(p.firstDataRow + i + 1, j + 1).value).toBe(v === "" ? null : v)),
    );
    const total = ws.getRow(p.firstDataRow + block.rows.length + 1);
    expect(total.getCell(1).value).toBe("合计");
    expect(total.getCell(5).value).toBe(165000);
    expect(total.getCell(1).font?.bold).toBe(true);
  });

  it("formats numbers, freezes the header, filters, colours", () => {
    const ws = wb.getWorksheet("四象限分析") as ExcelJS.Worksheet;
    // Rows: 1 title, 2 note, 3 摘要, 4-7 pairs, 9 the quadrants' header, 10-14 quadrants, 15 全院,
    // 17 the groups' header, 18 A1.
    expect(ws.getCell("A3").value).toBe("摘要");
    expect(ws.getCell("B6").value).toBe(1000);
    expect(ws.getCell("B6").numFmt).toBe("#,##0.00"); // the pool, typed as money
    expect(ws.getCell("A10").value).toBe("战略病种");
    expect(ws.getCell("F10").value).toBeCloseTo(5 / 22, 12);
    expect(ws.getCell("F10").numFmt).toBe("0.00%");
    expect(ws.getCell("J10").numFmt).toBe("0.00%");
    expect(ws.getCell("A15").value).toBe("全院");
    expect(ws.getCell("E15").value).toBe(22);
    expect(ws.getCell("D18").numFmt).toBe("0.0000");
    expect(ws.getCell("H18").numFmt).toBe("0.00%");
    expect(ws.getCell("E18").numFmt).toBe("#,##0.00");
    // group and name stay in view; the 17 rows above the first group do not freeze
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 0 });
    // printed pages repeat the groups' header only
    expect(ws.pageSetup.printTitlesRow).toBe("17:17");
    expect(ws.autoFilter).toBeTruthy();
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] })
      .conditionalFormattings;
    expect(cfs.map((c) => c.ref)).toContain("H18:H22");
    expect(cfs.some((c) => c.rules[0].type === "dataBar")).toBe(true);
    const priorities = cfs.flatMap((c) => c.rules.map((r) => (r as unknown as { priority: number }).priority));
    expect(new Set(priorities).size).toBe(priorities.length);
  });

  it("writes both unit tables and the parameters", () => {
    const values = (name: string): unknown[] => {
      const out: unknown[] = [];
      const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
      ws.eachRow((row) => out.push(row.getCell(1).value, row.getCell(2).value));
      return out;
    };
    expect(values("科室激励")).toEqual(expect.arrayContaining(["科室", "排名", "内科", "外科", "合计"]));
    expect(values("医师激励")).toEqual(expect.arrayContaining(["医师", "排名", "李医生", "赵医生", "合计"]));
    // each prints with its table's header repeated and frozen under it
    for (const name of ["科室激励", "医师激励"]) {
      const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
      expect(ws.pageSetup.printTitlesRow).toBe("4:4");
      expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 4 });
    }
    const params = wb.getWorksheet("参数") as ExcelJS.Worksheet;
    const pairs = new Map<unknown, unknown>();
    params.eachRow((row) => pairs.set(row.getCell(1).value, row.getCell(2).value));
    expect(pairs.get("读取行数")).toBe(25);
    expect(pairs.get("CaseMix 版本")).toBe("1.2.3");
  });

  it("adds the scatter chart: parts, relationships, content types", async () => {
    const files = Object.keys(zip.files);
    expect(files).toEqual(
      expect.arrayContaining([
        "xl/charts/chart1.xml",
        "xl/charts/_rels/chart1.xml.rels",
        "xl/drawings/drawing1.xml",
        "xl/drawings/drawing2.xml",
        "xl/drawings/_rels/drawing1.xml.rels",
        "xl/worksheets/_rels/sheet1.xml.rels",
      ]),
    );
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain(
      'PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"',
    );
    expect(types).toContain(
      'PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"',
    );
    const sheetRels = await zip.file("xl/worksheets/_rels/sheet1.xml.rels")!.async("string");
    expect(sheetRels).toMatch(/relationships\/drawing" Target="..\/drawings\/drawing1.xml"/);
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toMatch(/<drawing r:id="rIdCm1"\/><extLst>|<drawing r:id="rIdCm1"\/><\/worksheet>/);
    for (const f of [
      "xl/charts/chart1.xml",
      "xl/drawings/drawing1.xml",
      "xl/drawings/drawing2.xml",
      "xl/worksheets/sheet1.xml",
      "[Content_Types].xml",
    ]) {
      expectBalanced(await zip.file(f)!.async("string"));
    }
    // only the first sheet has a chart
    expect(files.filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(1);
  });

  it("draws one series a quadrant from the sheet's cells, the cut lines and the quadrant names", async () => {
    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    // A1 is on row 18 (title, note, summary, header above it): RW in column D, rate in column H
    expect(chart).toContain("<c:f>'四象限分析'!$D$18:$D$18</c:f>");
    expect(chart).toContain("<c:f>'四象限分析'!$H$18:$H$18</c:f>");
    expect(chart).toContain("<c:f>'四象限分析'!$D$21:$D$21</c:f>"); // D1, the weak group
    expect(chart).not.toContain("$D$22"); // E1 (unclassified) is not drawn
    const names = [...chart.matchAll(/<c:tx><c:v>([^<]*)<\/c:v><\/c:tx>/g)].map((m) => m[1]);
    expect(names).toEqual([
      "战略病种 (1)",
      "竞争病种 (1)",
      "适宜病种 (1)",
      "劣势病种 (1)",
      "横轴分界线 相对权重 (RW) = 1.2727",
      "纵轴分界线 边际贡献率 = 31.82%", // the hospital rate 52,500 / 165,000
    ]);
    // the cut lines refer to hidden helper cells right of the table and the chart (anchored at
    // column 12 = M, 10 wide: used up to column V, one blank column W, helpers from X), no literals
    expect(chart).not.toContain("numLit");
    expect(chart).toContain('<c:plotVisOnly val="0"/>');
    const cut =
      /横轴分界线[^<]*<\/c:v>.*?<c:xVal><c:numRef><c:f>'四象限分析'!\$X\$2:\$X\$3<\/c:f><c:numCache><c:formatCode>General<\/c:formatCode><c:ptCount val="2"\/><c:pt idx="0"><c:v>([^<]+)<\/c:v><\/c:pt><c:pt idx="1"><c:v>([^<]+)</.exec(
        chart,
      );
    expect(Number(cut?.[1])).toBeCloseTo(28 / 22, 12);
    expect(Number(cut?.[2])).toBeCloseTo(28 / 22, 12);
    expect(chart).toMatch(/横轴分界线[^<]*<\/c:v>.*?<c:yVal><c:numRef><c:f>'四象限分析'!\$Y\$2:\$Y\$3<\/c:f>/);
    expect(chart).toMatch(
      /纵轴分界线[^<]*<\/c:v>.*?<c:xVal><c:numRef><c:f>'四象限分析'!\$Z\$2:\$Z\$3<\/c:f>.*?<c:yVal><c:numRef><c:f>'四象限分析'!\$AA\$2:\$AA\$3<\/c:f>/,
    );
    // the helper cells hold the values the cache shows, under the line's name, in hidden columns
    const ws = wb.getWorksheet("四象限分析") as ExcelJS.Worksheet;
    expect(ws.getCell("X1").value).toBe("横轴分界线 相对权重 (RW) = 1.2727");
    expect(ws.getCell("X2").value).toBeCloseTo(28 / 22, 12);
    expect(ws.getCell("X3").value).toBeCloseTo(28 / 22, 12);
    const yCut = /纵轴分界线[^<]*<\/c:v>.*?<c:yVal>.*?<c:pt idx="0"><c:v>([^<]+)</.exec(chart);
    expect(ws.getCell("AA2").value).toBe(Number(yCut?.[1]));
    expect(ws.getCell("AA3").value).toBe(Number(yCut?.[1]));
    const wBounds =
      /横轴分界线[^<]*<\/c:v>.*?<c:yVal>.*?<c:pt idx="0"><c:v>([^<]+)<\/c:v><\/c:pt><c:pt idx="1"><c:v>([^<]+)</.exec(
        chart,
      );
    expect([ws.getCell("Y2").value, ws.getCell("Y3").value]).toEqual([Number(wBounds?.[1]), Number(wBounds?.[2])]);
    for (const c of ["X", "Y", "Z", "AA"]) expect(ws.getColumn(c).hidden).toBe(true);
    for (const c of ["A", "K", "W", "AB"]) expect(ws.getColumn(c).hidden).toBe(false);
    expect(chart).toContain('<c:scatterChart><c:scatterStyle val="lineMarker"/>');
    const shapes = await zip.file("xl/drawings/drawing2.xml")!.async("string");
    for (const name of ["战略病种", "竞争病种", "适宜病种", "劣势病种"]) expect(shapes).toContain(`<a:t>${name}</a:t>`);
    const drawing = await zip.file("xl/drawings/drawing1.xml")!.async("string");
    // anchored right of the 11 table columns, one column apart
    expect(drawing).toContain("<xdr:from><xdr:col>12</xdr:col>");
  });

  it("renames a taken sheet name and writes a workbook without charts unchanged", async () => {
    const doubled: WorkbookModel = {
      lang: "en",
      sheets: [
        { name: "A", blocks: [{ kind: "text", text: "x" }] },
        { name: "a", blocks: [] },
      ],
    };
    const b = await renderXlsx(doubled);
    const w = new ExcelJS.Workbook();
    await w.xlsx.load(b as unknown as ArrayBuffer);
    expect(w.worksheets.map((s) => s.name)).toEqual(["A", "a (2)"]);
    const z = await JSZip.loadAsync(b);
    expect(Object.keys(z.files).some((f) => f.includes("charts"))).toBe(false);
  });

  it("draws the x axis on a log scale when the model asks", async () => {
    const m = quadrantWorkbook(report, "en");
    const chart = m.sheets[0].charts![0];
    chart.logX = true;
    const z = await JSZip.loadAsync(await renderXlsx(m));
    const xml = await z.file("xl/charts/chart1.xml")!.async("string");
    // RW from 0.4 to 2 and the cut 1.27: powers of two 0.25 to 2
    expect(xml).toContain(
      '<c:scaling><c:logBase val="2"/><c:orientation val="minMax"/><c:max val="2"/><c:min val="0.25"/></c:scaling>',
    );
  });
});

describe("renderXlsx: scattered series and the fitted line from hidden helper cells", () => {
  // x in A, y in B, rows 3..6 (title row 1, header row 2); series "odd" takes rows 0 and 2 (two runs)
  const model: WorkbookModel = {
    lang: "en",
    sheets: [
      {
        name: "Trend",
        blocks: [
          { kind: "text", text: "t" },
          {
            kind: "table",
            columns: [
              { id: "x", header: "x", type: "number" },
              { id: "y", header: "y", type: "number" },
            ],
            rows: [
              [1, 10],
              [2, 20],
              [3, 31],
              [4, 39],
            ],
          },
        ],
        charts: [
          {
            kind: "scatter",
            title: "c",
            xTitle: "x",
            yTitle: "y",
            series: [
              { name: "all", x: { blockIndex: 1, columnId: "x" }, y: { blockIndex: 1, columnId: "y" } },
              { name: "odd", x: { blockIndex: 1, columnId: "x" }, y: { blockIndex: 1, columnId: "y" }, rows: [0, 2] },
            ],
            line: {
              name: "fit",
              points: [
                [1, 10],
                [2.5, 25],
                [4, 40],
              ],
            },
            anchor: { row: 0, column: 3, width: 6, height: 10 },
          },
        ],
      },
    ],
  };

  it("writes the points to hidden columns right of the chart and refers to them with a cache", async () => {
    const buffer = await renderXlsx(model);
    const z = await JSZip.loadAsync(buffer);
    const chart = await z.file("xl/charts/chart1.xml")!.async("string");
    expect(chart).not.toContain("numLit");
    expect(chart).toContain('<c:plotVisOnly val="0"/>');
    // the table's own run: A3:A6; chart up to column I (3 + 6 = 9 columns), blank J, helpers from K
    expect(chart).toContain("<c:f>'Trend'!$A$3:$A$6</c:f>");
    expect(chart).toMatch(
      /<c:v>odd<\/c:v>.*?<c:f>'Trend'!\$K\$2:\$K\$3<\/c:f><c:numCache><c:formatCode>General<\/c:formatCode><c:ptCount val="2"\/><c:pt idx="0"><c:v>1<\/c:v><\/c:pt><c:pt idx="1"><c:v>3<\/c:v>/,
    );
    expect(chart).toMatch(
      /<c:v>fit<\/c:v>.*?<a:prstDash val="dash"\/>.*?<c:f>'Trend'!\$M\$2:\$M\$4<\/c:f>.*?<c:f>'Trend'!\$N\$2:\$N\$4<\/c:f><c:numCache><c:formatCode>General<\/c:formatCode><c:ptCount val="3"\/><c:pt idx="0"><c:v>10<\/c:v><\/c:pt><c:pt idx="1"><c:v>25<\/c:v><\/c:pt><c:pt idx="2"><c:v>40</,
    );
    expectBalanced(chart);
    const w = new ExcelJS.Workbook();
    await w.xlsx.load(buffer as unknown as ArrayBuffer);
    const ws = w.getWorksheet("Trend") as ExcelJS.Worksheet;
    const col = (c: string, n: number) => Array.from({ length: n }, (_, i) => ws.getCell(`${c}${i + 1}`).value);
    expect(col("K", 3)).toEqual(["odd", 1, 3]);
    expect(col("L", 3)).toEqual([null, 10, 31]);
    expect(col("M", 4)).toEqual(["fit", 1, 2.5, 4]);
    expect(col("N", 4)).toEqual([null, 10, 25, 40]);
    for (const c of ["K", "L", "M", "N"]) expect(ws.getColumn(c).hidden).toBe(true);
    for (const c of ["A", "B", "I", "J"]) expect(ws.getColumn(c).hidden).toBe(false);
    // the user-facing table is untouched
    expect(col("A", 6)).toEqual(["t", "x", 1, 2, 3, 4]);
  });
});
