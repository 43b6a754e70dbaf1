/**
 * The "Trends and quality" view's build path through the office-addin-mock context: the sample
 * cases read from the selection (or an Excel table), the sheet written with its tables and the
 * scatter chart with the fitted line; a weight table and a benchmark; the question before
 * replacing an earlier sheet; cancel; missing columns; the form; and the view itself rendered
 * once in each language.
 */
import * as React from "react";
import { renderToString } from "react-dom/server";
import { CaseMixError } from "../../src/engine/text";
import { RenderCancelled, RenderOptions } from "../../src/report/excel/options";
import { renderWorkbook } from "../../src/report/excel/render";
import { placeBlocks, TableBlock, WorkbookModel } from "../../src/report/model";
import { DEFAULT_TRENDS_SETTINGS } from "../../src/report/trends/settings";
import { CurveSection, DecompositionSection, QualitySection } from "../../src/report/trends/types";
import { MonitorSection } from "../../src/report/trends/monitorTypes";
import { detectColumns, weightTableOf } from "../../src/taskpane/build";
import { readSource, ReadCancelled, SourceData } from "../../src/taskpane/excelData";
import { TrendsView } from "../../src/taskpane/TrendsView";
import {
  benchmarkOf,
  buildTrends,
  DEFAULT_TRENDS_FORM,
  TrendsBuildDeps,
  trendsMappingColumns,
  trendsMissingColumns,
  trendsSettingsFromForm,
  trendsSummaryLines,
  yearsOf,
} from "../../src/taskpane/trendsBuild";
import { MockWorkbook, mockContext } from "./excelMock";
import { sampleRows } from "./excelLike";

const TIME = new Date(Date.UTC(2025, 0, 31, 8, 0, 0));
const noPause = () => Promise.resolve();

/** A workbook with the sample cases selected (whole columns, as a user selects them). */
function casesBook(cases = 3000): MockWorkbook {
  const book = new MockWorkbook();
  const rows = sampleRows(cases);
  book.addSheet("病案首页", rows);
  book.selection = { sheet: "病案首页", row: 0, column: 0, rows: 1_048_576, columns: rows[0].length };
  return book;
}

function deps(book: MockWorkbook, extra: Partial<TrendsBuildDeps> & { renderOptions?: Partial<RenderOptions> } = {}) {
  const context = mockContext(book);
  const progress: [string, number][] = [];
  const asked: unknown[] = [];
  const d: TrendsBuildDeps = {
    run: (batch) => batch(context),
    render: async (model: WorkbookModel, options: RenderOptions) => ({
      ...(await renderWorkbook(context, model, { ...options, ...extra.renderOptions })),
      grouped: true,
    }),
    ask: async (existing, suffix) => {
      asked.push({ existing, suffix });
      return "replace";
    },
    onProgress: (label, fraction) => progress.push([label, fraction]),
    yieldToUi: noPause,
    time: TIME,
    ...extra,
  };
  return { deps: d, progress, asked, context };
}

const SELECTION = { source: { kind: "selection" as const } };

describe("Build from the selection: one new sheet", () => {
  test("reads, computes, writes the tables where the model puts them and the chart with its line", async () => {
    const book = casesBook();
    const { deps: d, progress, asked } = deps(book);
    const built = await buildTrends(SELECTION, DEFAULT_TRENDS_SETTINGS, "zh", d);

    expect(built.data.address).toBe("病案首页!A1:P3001");
    expect(built.report.rowsRead).toBe(3000);
    expect(built.report.years).toEqual(["2022", "2023", "2024"]);
    expect(progress.slice(0, 5).map(([label]) => label)).toEqual([
      // The sheet's 3,001 rows include the header: progress is a percent, floor(100 × 1000 / 3001) = 33.
      "正在读取数据…… 0%",
      "正在读取数据…… 33%",
      "正在读取数据…… 100%",
      "正在计算……",
      "正在检查工作表……",
    ]);
    expect(progress.slice(5).every(([label]) => /^正在写入工作表…… \d+%$/.test(label))).toBe(true);
    expect(progress[progress.length - 1][1]).toBe(1);
    expect(asked).toEqual([]);

    // Three new sheets, ours, the first shown; the data untouched.
    expect(built.rendered.sheets.map((s) => s.name)).toEqual(["趋势与质量", "目标", "监测"]);
    expect(book.live().map((s) => s.name)).toEqual(["病案首页", "趋势与质量", "目标", "监测"]);
    expect(book.sheet("病案首页")!.written).toEqual([]);
    expect(book.sheet("趋势与质量")!.marker).toBe(true);
    expect(book.activeSheet?.name).toBe("趋势与质量");
    expect(built.syncs).toBe(book.stats.syncs);

    // The low-risk mortality table, cell for cell.
    const model = built.model.sheets[0];
    const written = book.sheet("趋势与质量")!.written;
    const tables = model.blocks.map((b, i) => [b, i] as const).filter(([b]) => b.kind === "table") as [TableBlock, number][];
    const [quality, qi] = tables[0];
    const place = placeBlocks(model)[qi];
    expect(written[place.headerRow].slice(0, 6)).toEqual(["科室", "低风险组病例数", "低风险组死亡数", "低风险组死亡率", "低风险组死亡率（2023 年）", "低风险组死亡率（2024 年）"]);
    const q = built.report.quality as QualitySection;
    q.units.forEach((u, i) => {
      const row = written[place.firstDataRow + i];
      expect(row[0]).toBe(u.unit);
      expect(row[1]).toBe(u.cases);
      expect(row[3]).toBe(Number.isFinite(u.rate) ? u.rate : "");
    });
    expect(written[place.firstDataRow + quality.rows.length][0]).toBe("全院");

    // The decomposition adds up.
    const dec = built.report.decomposition as DecompositionSection;
    expect([dec.before, dec.after]).toEqual(["2023", "2024"]);
    expect(dec.overall.mix + dec.overall.severity).toBeCloseTo(dec.overall.change, 12);

    // The chart: units in their series, the fitted line drawn as a line series.
    const charts = book.sheet("趋势与质量")!.chartLogs;
    expect(charts).toHaveLength(1);
    const calls = JSON.stringify(charts[0]);
    expect(calls).toContain('"XYScatter"');
    expect(calls).toContain("XYScatterLinesNoMarkers");
    const c = built.report.curve as CurveSection;
    expect(c.line.length).toBeGreaterThan(10);
    expect(calls).toContain(model.charts![0].line!.name);
    expect(model.charts![0].line!.name).toMatch(/^拟合：.+（R² 0\.\d{3}）$/);

    // The monitoring sheet (by year, the default): its CMI per period as a line chart.
    const lines = book.sheet("监测")!.chartLogs;
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines[0])).toContain('"Line"');
    expect(JSON.stringify(lines[0])).toContain("全院");
  });

  test("a second build asks and replaces only our earlier sheets; closing the question writes nothing", async () => {
    const book = casesBook(500);
    await buildTrends(SELECTION, DEFAULT_TRENDS_SETTINGS, "en", deps(book).deps);
    const old = book.sheet("Trends and Quality")!;
    const second = deps(book);
    const built = await buildTrends(SELECTION, DEFAULT_TRENDS_SETTINGS, "en", second.deps);
    expect(second.asked).toEqual([{ existing: [{ name: "Trends and Quality", ours: true }, { name: "Targets", ours: true }, { name: "Monitoring", ours: true }], suffix: 2 }]);
    expect(built.rendered.sheets.map((s) => [s.name, s.replaced])).toEqual([["Trends and Quality", true], ["Targets", true], ["Monitoring", true]]);
    expect(old.deleted).toBe(true);

    const third = deps(book, { ask: async () => null });
    await expect(buildTrends(SELECTION, DEFAULT_TRENDS_SETTINGS, "en", third.deps)).rejects.toBeInstanceOf(ReadCancelled);
    expect(book.live().map((s) => s.name)).toEqual(["病案首页", "Trends and Quality", "Targets", "Monitoring"]);
  });

  test("values read before are not read again; the user's mapping corrections are used", async () => {
    const book = casesBook(400);
    const once = await buildTrends(SELECTION, DEFAULT_TRENDS_SETTINGS, "en", deps(book).deps);
    const syncs = book.stats.syncs;
    // The doctor column as the department: units become doctors.
    const doctor = once.detection.mapping.doctor!;
    const again = await buildTrends(
      { ...SELECTION, data: once.data, detection: once.detection, overrides: { department: doctor } },
      DEFAULT_TRENDS_SETTINGS,
      "en",
      deps(book, { ask: async () => "suffix" }).deps,
    );
    expect(again.rendered.sheets.map((s) => s.name)).toEqual(["Trends and Quality (2)", "Targets (2)", "Monitoring (2)"]);
    expect(book.stats.syncs - syncs).toBe(again.syncs);
    expect(again.syncs).toBe(2 + again.rendered.syncs);
    const units = (again.report.curve as CurveSection).units.map((u) => u.unit);
    const doctors = new Set(once.data.values.slice(1).map((r) => r[doctor]));
    expect(units.every((u) => doctors.has(u))).toBe(true);
    expect(again.report.columns.department).toBe("主诊医师");
  });

  test("cancel while writing: the sheet of this build is deleted", async () => {
    const book = casesBook(300);
    let cancel = false;
    const { deps: d } = deps(book, {
      isCancelled: () => cancel,
      onProgress: (label) => {
        if (label.startsWith("Writing")) cancel = true;
      },
      renderOptions: { requestBudget: 2000 },
    });
    await expect(buildTrends(SELECTION, DEFAULT_TRENDS_SETTINGS, "en", d)).rejects.toBeInstanceOf(RenderCancelled);
    expect(book.live().map((s) => s.name)).toEqual(["病案首页"]);
  });

  test("a missing required column is named in both languages before anything is computed", async () => {
    const book = new MockWorkbook();
    book.addSheet("病例", [["DRG编码", "科室"], ["GB11", "外科"]]);
    book.selection = { sheet: "病例", row: 0, column: 0, rows: 2, columns: 2 };
    try {
      await buildTrends(SELECTION, DEFAULT_TRENDS_SETTINGS, "en", deps(book).deps);
      throw new Error("expected an error");
    } catch (e) {
      expect(e).toBeInstanceOf(CaseMixError);
      expect((e as CaseMixError).messageIn("en")).toBe("Missing required column: Total cost. Choose its header below.");
      expect((e as CaseMixError).messageIn("zh")).toBe("缺少必需的列：住院总费用。请在下方选择对应的表头。");
    }
    expect(book.live().map((s) => s.name)).toEqual(["病例"]);
  });
});

describe("weights, benchmark, years and mapping from the workbook", () => {
  async function read(book: MockWorkbook, source: Parameters<typeof readSource>[1]): Promise<SourceData> {
    return readSource(mockContext(book), source, { yieldToUi: noPause });
  }

  test("a weight table from an Excel table and a benchmark from a named range", async () => {
    const book = casesBook(1000);
    const rows = sampleRows(1000);
    const groups = [...new Set(rows.slice(1).map((r) => r[3] as string))];
    book.addSheet("权重", [["DRG编码", "权重"], ...groups.map((g) => [g, 1])]);
    book.tables.push({ name: "Weights", sheet: "权重", row: 0, column: 0, rows: groups.length + 1, columns: 2 });
    book.addSheet("区域", [["DRG编码", "病例数", "死亡"], ["ES21", 100, 1], ["GB11", 10, 1], ["FM19", 2, 1]]);
    book.names.push({ name: "Region", sheet: "区域", row: 0, column: 0, rows: 4, columns: 3 });

    const weights = weightTableOf(await read(book, { kind: "table", name: "Weights" }));
    const benchmark = { risk: benchmarkOf(await read(book, { kind: "name", name: "Region" })), name: "区域!A1:C4" };
    const form = { ...DEFAULT_TRENDS_FORM, weightMode: "table" as const, levelMode: "benchmark" as const, before: "2022" };
    const checked = trendsSettingsFromForm(form, "en", { table: weights, name: "权重!A1:B" }, benchmark);
    const built = await buildTrends(SELECTION, checked.settings!, "en", deps(book).deps);
    const d = built.report.decomposition as DecompositionSection;
    expect([d.before, d.after, d.overall.cmiBefore, d.overall.cmiAfter]).toEqual(["2022", "2024", 1, 1]);
    const q = built.report.quality as QualitySection;
    expect(q.levelSource).toBe("benchmark");
    expect(q.groups.map((g) => [g.group, g.level])).toEqual([
      ["ES21", 1],
      ["FM19", 3],
      ["GB11", 3],
    ]);
  });

  test("the years for the pickers, and the columns the view maps", async () => {
    const book = casesBook(200);
    const data = await read(book, { kind: "selection" });
    const detection = detectColumns(data.values);
    expect(yearsOf(data, detection, {})).toEqual(["2022", "2023", "2024"]);
    expect(yearsOf(data, detection, { dischargeDate: null })).toEqual([]);
    const shape = { unit: "department" as const, weights: { source: "data" as const } };
    expect(trendsMappingColumns(shape).map((c) => [c.column, c.required])).toEqual([
      ["drg", true],
      ["department", true],
      ["totalCost", true],
      ["drgName", false],
      ["cases", false],
      ["died", false],
      ["year", false],
      ["dischargeDate", false],
      ["period", false],
      ["los", false],
      ["drugCost", false],
      ["materialCost", false],
    ]);
    expect(trendsMissingColumns(detection, {}, shape)).toEqual([]);
    expect(trendsMissingColumns(detection, { totalCost: null }, shape)).toEqual(["totalCost"]);
    expect(trendsMissingColumns(detection, {}, { ...shape, unit: "doctor" })).toEqual([]);
  });
});

describe("the form", () => {
  test("the defaults are the report's", () => {
    expect(trendsSettingsFromForm(DEFAULT_TRENDS_FORM, "en")).toEqual({ settings: { ...DEFAULT_TRENDS_SETTINGS, before: undefined, after: undefined }, errors: [] });
  });

  test("every wrong field is reported, in the user's language", () => {
    const form = { ...DEFAULT_TRENDS_FORM, minCases: "2.5", flagTolerance: "1.5", topAdrgs: "ten", before: "2024", after: "2024", weightMode: "table" as const };
    expect(trendsSettingsFromForm(form, "en").errors).toEqual([
      "Minimum cases of a unit on the curve: 2.5 must be a whole number of 0 or more",
      "Flag when actual / expected is off by more than (0.2 = 20%): 1.5 must be a number from 0 to below 1",
      "ADRGs to list as top contributors: “ten” is not a number",
      "Pick two different years.",
      "Read the weight table first.",
    ]);
    expect(trendsSettingsFromForm(form, "zh").errors[0]).toBe("进入曲线拟合的单元最少病例数：2.5 应为大于或等于 0 的整数");
    expect(trendsSettingsFromForm({ ...DEFAULT_TRENDS_FORM, levelMode: "benchmark" }, "zh").errors).toEqual(["请先读取标杆数据。"]);
    expect(trendsSettingsFromForm({ ...DEFAULT_TRENDS_FORM, minCases: "３０", unit: "doctor", after: "2023" }, "zh").settings).toMatchObject({
      minCases: 30,
      unit: "doctor",
      after: "2023",
    });
  });

  test("the monitoring period goes into the settings and the built report", async () => {
    expect(DEFAULT_TRENDS_FORM.period).toBe("year");
    const { settings } = trendsSettingsFromForm({ ...DEFAULT_TRENDS_FORM, period: "quarter" }, "en");
    expect(settings?.period).toBe("quarter");
    const built = await buildTrends(SELECTION, settings!, "en", deps(casesBook(300)).deps);
    const m = built.report.monitor as MonitorSection;
    // The sample's three years: 12 quarters, 2022Q1 .. 2024Q4.
    expect(m.periods).toHaveLength(12);
    expect([m.periods[0], m.periods[11]]).toEqual(["2022Q1", "2024Q4"]);
    expect(built.model.sheets[2].lineCharts).toHaveLength(1);
  });

  test("the target share and the LOS and cost benchmark", () => {
    const ok = trendsSettingsFromForm({ ...DEFAULT_TRENDS_FORM, targetShare: "1", targetBenchmark: " p25 " }, "en");
    expect(ok.settings).toMatchObject({ targetShare: 1, losBenchmark: { kind: "percentile", p: 0.25 }, costBenchmark: { kind: "percentile", p: 0.25 } });
    const bad = { ...DEFAULT_TRENDS_FORM, targetShare: "1.2", targetBenchmark: "7" };
    expect(trendsSettingsFromForm(bad, "en").errors).toEqual([
      "CMI target: share of the gap to the benchmark CMI to close (0 to 1): 1.2 must be a number from 0 to 1",
      "Benchmark of the LOS and cost targets: the hospital's own, or a percentile of the units (p25, p50, …): “7” is neither empty (the hospital's own) nor a percentile such as p25",
    ]);
    expect(trendsSettingsFromForm(bad, "zh").errors[1]).toBe("住院日与费用目标的标杆：全院自身，或各单元的百分位数（p25、p50 等）：“7” 既不是留空（全院自身），也不是 p25 这样的百分位数");
  });
});

describe("the result lines", () => {
  test("in both languages", async () => {
    const book = casesBook(2000);
    const built = await buildTrends(SELECTION, DEFAULT_TRENDS_SETTINGS, "en", deps(book).deps);
    const en = trendsSummaryLines(built, "en", 1.25);
    expect(en[0]).toBe("Sheets: Trends and Quality, Targets, Monitoring");
    expect(en[1]).toMatch(/^Low-risk mortality \d+\.\d\d% \(\d+ deaths in [\d,]+ low-risk cases\)$/);
    expect(en[2]).toMatch(/^CMI 2023 → 2024: \d\.\d{4} → \d\.\d{4}; mix [+-]\d\.\d{4}, severity [+-]\d\.\d{4}$/);
    expect(en[3]).toMatch(/^Curve: \w+ \(R² 0\.\d{3}\); \d+ of 24 units flagged$/);
    const m = built.report.monitor as MonitorSection;
    const f4 = (x: number) => x.toFixed(4);
    expect(en[4]).toBe(`Monitoring: 3 periods, hospital CMI 2022 ${f4(m.hospital[0].cmi)} → 2024 ${f4(m.hospital[2].cmi)}`);
    expect(en[5]).toBe("2,000 rows read, 2,000 used, 0 left out");
    expect(en.slice(-2)).toEqual(["One Undo (Ctrl+Z) removes the whole report.", "Done in 1.3 s."]);
    const zh = trendsSummaryLines(built, "zh", 1.25);
    expect(zh[0]).toBe("工作表：Trends and Quality、Targets、Monitoring");
    expect(zh[4]).toMatch(/^监测：3 个统计期，全院 CMI 2022 \d\.\d{4} → 2024 \d\.\d{4}$/);
    expect(zh[2]).toMatch(/^CMI 2023 → 2024：/);
  });
});

describe("the view", () => {
  test("renders in both languages with its sections and the Build button", () => {
    const zh = renderToString(React.createElement(TrendsView, { lang: "zh" }));
    expect(zh).toContain("CaseMix：趋势与质量");
    expect(zh).toContain("死亡风险等级");
    expect(zh).toContain("对比前年份");
    expect(zh).toContain('data-testid="trends-build"');
    const en = renderToString(React.createElement(TrendsView, { lang: "en" }));
    expect(en).toContain("CaseMix: trends and quality");
    expect(en).toContain("Compare from year");
    expect(en).not.toContain("死亡风险等级");
    // The period selector: 年 / 季度 / 月 / 期间列, Year / Quarter / Month / Period column.
    expect(zh).toContain('data-testid="trends-period"');
    expect(zh).toContain("监测统计期");
    for (const word of ["年", "季度", "月", "期间列"]) expect(zh).toContain(`>${word}</option>`);
    for (const word of ["Year", "Quarter", "Month", "Period column"]) expect(en).toContain(`>${word}</option>`);
  });
});
