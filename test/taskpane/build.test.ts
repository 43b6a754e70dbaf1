/**
 * The steps of the Build button without the screen: column detection and correction, the
 * weight table, the form's settings, and the whole 300,000-case report through the mock
 * (read, compute, write), timed once.
 */
import { FRONT_PAGE_HEADERS, FRONT_PAGE_ROW } from "../helpers/exportHeaders";
import { CaseMixError } from "../../src/engine/text";
import { renderWorkbook } from "../../src/report/excel/render";
import {
  caseTableOf,
  detectColumns,
  mappingColumns,
  mappingWith,
  missingColumns,
  reportOf,
  summaryLines,
  weightTableOf,
} from "../../src/taskpane/build";
import { SourceData, readSource } from "../../src/taskpane/excelData";
import { paneText as tr } from "../../src/taskpane/i18n";
import { DEFAULT_FORM, parseNumber, settingsFromForm } from "../../src/taskpane/settings";
import { MockWorkbook, mockContext } from "./excelMock";
import { sampleRows } from "./excelLike";

const noPause = () => Promise.resolve();

function sourceData(values: unknown[][], rowIndex = 0): SourceData {
  const columnCount = Math.max(...values.map((r) => r.length));
  return {
    values,
    address: `病案首页!A${rowIndex + 1}`,
    sheet: "病案首页",
    rowIndex,
    columnIndex: 0,
    rowCount: values.length,
    columnCount,
    syncs: 0,
    blocks: 0,
  };
}

const defaults = settingsFromForm(DEFAULT_FORM, "en").settings!;

describe("columns", () => {
  const headers = [
    "病案号",
    "出院科室",
    "主诊医师",
    "DRG编码",
    "DRG名称",
    "出院日期",
    "住院总费用(元)",
    "医保统筹支付",
    "个人自付",
    "西药费",
    "中成药费",
    "耗材费",
  ];

  test("finds the header row below title lines and maps Chinese headers", () => {
    const d = detectColumns([
      ["某某医院病案首页导出"],
      ["导出时间：2025-01-31"],
      headers,
      ["A1", "心内科", "张三", "FM19"],
    ]);
    expect(d.found).toBe(true);
    expect(d.headerRow).toBe(2);
    expect(d.mapping).toMatchObject({
      department: 1,
      doctor: 2,
      drg: 3,
      drgName: 4,
      dischargeDate: 5,
      totalCost: 6,
      insurancePaid: 7,
      selfPay: 8,
      materialCost: 11,
    });
    // Drug cost split over two headers is added up.
    expect(d.drugCostParts).toEqual([9, 10]);
    expect(missingColumns(d, {}, defaults)).toEqual([]);
  });

  test("a front-page export: the sources of drugs, materials, patient payment and the categories", () => {
    const d = detectColumns([FRONT_PAGE_HEADERS, FRONT_PAGE_ROW]);
    const names = (column: keyof typeof d.sources) => (d.sources[column] ?? []).map((i) => d.headers[i]);
    expect(names("drugCost")).toEqual(["(13)西药费", "中药类-中成药费", "中药类-中草药费(元)"]);
    expect(names("materialCost")).toEqual([
      "耗材类-检查用一次性医用材料费",
      "耗材类-治疗用一次性医用材料费",
      "耗材类-手术用一次性医用材料费",
    ]);
    expect(names("selfPay")).toEqual(["其中：自付金额"]);
    expect(names("catNursing")).toEqual(["综合医疗服务类_护理费"]);
    expect(missingColumns(d, {}, defaults)).toEqual([]);
  });

  test("names the missing required column, and a correction fills it", () => {
    const d = detectColumns([
      ["DRG编码", "科室", "统筹", "自费金额", "药费", "材料", "总额"],
      ["GB11", "外科", 1, 1, 1, 1, 1],
    ]);
    // 统筹 / 自费金额 / 药费 / 材料 / 总额 are not header words: the user must point at them.
    const missing = missingColumns(d, {}, defaults);
    expect(missing).toEqual(["insurancePaid", "selfPay", "drugCost", "materialCost", "totalCost"]);
    const fixed = { insurancePaid: 2, selfPay: 3, drugCost: 4, materialCost: 5, totalCost: 6 };
    expect(missingColumns(d, fixed, defaults)).toEqual([]);
    expect(mappingWith(d, { ...fixed, department: null }).department).toBeUndefined();
    // Unit doctor needs a doctor column.
    expect(missingColumns(d, fixed, { ...defaults, unit: "doctor" })).toEqual(["doctor"]);
  });

  test("the mapping shows the required columns first, then the optional ones the report reads", () => {
    const columns = mappingColumns(defaults);
    expect(columns.slice(0, 7).map((c) => c.column)).toEqual([
      "drg",
      "insurancePaid",
      "selfPay",
      "drugCost",
      "materialCost",
      "totalCost",
      "department",
    ]);
    expect(columns.every((c, i) => c.required === i < 7)).toBe(true);
    expect(columns.map((c) => c.column)).toContain("drgName");
  });

  test("errors name the header and the sheet row of the bad cell", () => {
    const values = [headers, ["A1", "心内科", "张三", "FM19", "x", "2024-01-02", "n/a", 1, 1, 1, 1, 1]];
    const data = sourceData(values, 4); // the table starts on sheet row 5: the bad cell is on row 6
    const d = detectColumns(values);
    expect(() => caseTableOf(data, d, {}, defaults)).toThrow(CaseMixError);
    try {
      caseTableOf(data, d, {}, defaults);
    } catch (e) {
      expect((e as CaseMixError).messageIn("en")).toBe('住院总费用(元) row 6: "n/a" is not a number');
      expect((e as CaseMixError).messageIn("zh")).toBe('住院总费用(元) 第 6 行："n/a" 不是数字');
    }
  });
});

describe("weight table", () => {
  test("code and weight columns by header, header row skipped", () => {
    const t = weightTableOf(
      sourceData([
        ["权重", "DRG编码"],
        [1.25, "GB11"],
        [0.8, " es21 "],
      ]),
    );
    expect(t.weightOf("GB11")).toBe(1.25);
    expect(t.weightOf("ES21")).toBe(0.8);
  });
  test("without a header: the first two columns", () => {
    const t = weightTableOf(
      sourceData([
        ["GB11", 1.25],
        ["ES21", 0.8],
      ]),
    );
    expect(t.codes).toEqual(["GB11", "ES21"]);
  });
  test("one column is an error", () => {
    expect(() => weightTableOf(sourceData([["GB11"]]))).toThrow(/two columns/);
  });
  test("title rows above the header, the same reader as the command line and the audit", () => {
    // Header on sheet row 5 (rowIndex 2 + row 3 of the values); GB11 1.25, ES21 0.8.
    const t = weightTableOf(
      sourceData([["2024 年权重表"], [], ["名称", "drg_code", "RW"], ["胃", "GB11", 1.25], ["呼吸", "ES21", "0.8"]], 2),
    );
    expect([t.codes, Array.from(t.weights)]).toEqual([
      ["GB11", "ES21"],
      [1.25, 0.8],
    ]);
  });
  test("a weight header with no code column told apart is an error in both languages", () => {
    const data = sourceData(
      [
        ["weight", "组别", "备注"],
        [1.25, "GB11", ""],
      ],
      4,
    );
    let error: unknown;
    try {
      weightTableOf(data);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CaseMixError);
    expect((error as CaseMixError).messageIn("en")).toBe(
      '病案首页!A5 row 5: "weight" (column 1) names the weight, but no column is headed as the group code, so the code column cannot be told apart from the weight column; head the code column DRG编码, drg_code or code',
    );
    expect((error as CaseMixError).messageIn("zh")).toBe(
      "病案首页!A5 第 5 行：“weight”（第 1 列）是权重列，但没有一列的表头是病组编码，无法区分编码列和权重列；请把编码列的表头写成 DRG编码、drg_code 或 code",
    );
  });
});

describe("form", () => {
  test("the defaults are DOMAIN.md's decisions", () => {
    expect(defaults).toMatchObject({
      layer: "marginal",
      xCut: "cmi",
      yCut: "hospital", // the hospital's own rate (docs/methods.md, since 24831dc)
      minCases: 5,
      coefficients: { strategic: 1.5, competitive: 1.3, suitable: 1, weak: 0.8, unclassified: 1 },
      unit: "department",
      weights: { source: "data", trim: { method: "logsd", k: 3 } },
    });
  });

  test("numbers as users type them", () => {
    expect(parseNumber("1,000,000")).toBe(1000000);
    expect(parseNumber("１．５")).toBe(1.5);
    expect(parseNumber("1.5x")).toBeUndefined();
    expect(parseNumber("")).toBeUndefined();
  });

  test("every wrong field is reported, in the user's language", () => {
    const form = {
      ...DEFAULT_FORM,
      minCases: "five",
      moneyMode: "pool" as const,
      pool: "-5",
      xCut: "custom" as const,
      xCutValue: "1.2",
    };
    const en = settingsFromForm(form, "en");
    expect(en.errors).toEqual([
      "Minimum cases to classify a group: “five” is not a number",
      "Bonus pool to share: -5 must be between 0 and ∞",
    ]);
    const zh = settingsFromForm(form, "zh");
    expect(zh.errors[0]).toBe("病组分类的最少病例数：“five” 不是数字");
    const ok = settingsFromForm({ ...form, minCases: "3", pool: "50,000" }, "en");
    expect(ok.settings).toMatchObject({ xCut: 1.2, minCases: 3, money: { mode: "pool", pool: 50000 } });
  });

  test("standardized mode: blank shares are 0.2 each, five numbers are read, other counts refused", () => {
    const std = { ...DEFAULT_FORM, weightMode: "standardized" as const };
    expect(settingsFromForm(std, "en").settings?.weights).toEqual({ source: "standardized" });
    expect(settingsFromForm({ ...std, shares: "0.3, 0.2，0.2 0.2；0.1" }, "en").settings?.weights).toEqual({
      source: "standardized",
      shares: [0.3, 0.2, 0.2, 0.2, 0.1],
    });
    expect(settingsFromForm({ ...std, shares: "0.5, 0.5" }, "en").errors).toEqual([
      "Shares of the five categories: give five numbers (or none for 0.2 each), not 2.",
    ]);
    expect(settingsFromForm({ ...std, shares: "0.2,0.2,0.2,0.2,x" }, "zh").errors).toEqual([
      "五类费用的占比（按上述顺序）：“x” 不是数字",
    ]);
  });

  test("weight-table mode needs the table read", () => {
    expect(settingsFromForm({ ...DEFAULT_FORM, weightMode: "table" }, "en").errors).toEqual([
      tr("en", "weightTableNeeded"),
    ]);
  });

  test("percentile trimming and year weights", () => {
    const s = settingsFromForm(
      { ...DEFAULT_FORM, trim: "percentile", pLow: "0.02", pHigh: "0.98", yearWeights: "1，2，7" },
      "zh",
    ).settings!;
    expect(s.weights).toEqual({
      source: "data",
      trim: { method: "percentile", pLow: 0.02, pHigh: 0.98 },
      yearWeights: [1, 2, 7],
    });
  });
});

describe("the 300,000-case report through the mock", () => {
  test("read, compute, write: round trips bounded, time printed", async () => {
    const rows = sampleRows(300_000);
    const book = new MockWorkbook();
    book.addSheet("病案首页", rows);
    book.selection = { sheet: "病案首页", row: 0, column: 0, rows: 1_048_576, columns: rows[0].length };
    const context = mockContext(book);

    const t0 = Date.now();
    const data = await readSource(context, { kind: "selection" }, { yieldToUi: noPause });
    const t1 = Date.now();
    const detection = detectColumns(data.values);
    const table = caseTableOf(data, detection, {}, defaults);
    const { report, model } = reportOf(table, defaults, data, "zh", new Date(Date.UTC(2025, 0, 31)));
    const t2 = Date.now();
    const rendered = await renderWorkbook(context, model, { yieldToUi: noPause });
    const t3 = Date.now();

    expect(report.rowsRead).toBe(300_000);
    expect(report.hospital.cases).toBe(report.rowsUsed);
    expect(rendered.sheets.map((s) => s.name)).toEqual(["四象限分析", "绩效激励", "参数"]);
    // Reading: one request to describe, then one a block; writing: two fixed requests, and the
    // group and unit tables of a hospital fit in one request.
    expect(data.syncs - data.blocks).toBe(1);
    expect(rendered.syncs - rendered.budgetSyncs).toBe(2);
    expect(rendered.budgetSyncs).toBe(0);
    expect(book.stats.syncs).toBe(data.syncs + rendered.syncs);
    const written = book.sheet("四象限分析")!.written;
    expect(written.filter((r) => r && /^[A-Z]{2}\d{2}$/.test(String(r[0]))).length).toBe(report.groups.length);

    const lines = summaryLines(report, { ...rendered, grouped: true }, "en", (t3 - t0) / 1000);
    expect(lines[0]).toBe("Sheets: 四象限分析, 绩效激励, 参数");
    console.log(
      `300,000-case report through office-addin-mock: ${book.stats.syncs} context.sync() calls ` +
        `(read ${data.syncs}: ${data.blocks} blocks; write ${rendered.syncs}); ` +
        `read ${((t1 - t0) / 1000).toFixed(1)} s, compute ${((t2 - t1) / 1000).toFixed(1)} s, ` +
        `write ${((t3 - t2) / 1000).toFixed(1)} s, total ${((t3 - t0) / 1000).toFixed(1)} s; ` +
        `${report.groups.length} groups, ${report.units[0].rows.length} departments`,
    );
  });
});
