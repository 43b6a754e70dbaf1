/**
 * The trends and quality report on hand-computed aggregate rows (one row a unit x group x
 * year with 病例数; 死亡 then holds the deaths of the row).
 *
 * Weights (table): GB11 2.0, GB15 1.0, ES21 0.5, FM19 1.5; XX11 has none.
 *
 *   dept  group  year  cases  deaths  cost/case
 *   外科  GB11   2022    4      1     20,000
 *   外科  GB11   2023    8      2     20,000
 *   外科  GB15   2023    8      2     10,000
 *   内科  ES21   2023   16      2      5,000
 *   外科  GB11   2024   12      3     20,000
 *   外科  GB15   2024    4      1     10,000
 *   内科  ES21   2024   16      0      5,000
 *   内科  FM19   2024    8      2     15,000
 *   内科  XX11   2024    2      0      8,000   (no weight)
 *   + a blank row, a row with an empty group, a row with 0 cases
 *
 * (a) Mortality over every year: ES21 2/32 = 1/16; GB11 6/24, GB15 3/12, FM19 2/8 = 1/4;
 *     XX11 0/2 (level 0). ln M = -4L, -2L, -2L, -2L (L = ln 2): mean -2.5L, sample SD
 *     sqrt((2.25 + 3 x 0.25) / 3) L = L, so z(ES21) = -1.5 (level 1), z = 0.5 for the others
 *     (level 3). Low-risk mortality = ES21's: 内科 2/32 = 0.0625; 2023: 2/16 = 0.125; 2024: 0/16.
 *     外科 has no low-risk case: rate blank.
 * (b) 2023 → 2024 (the two latest years; the 2022 row is another year, XX11 has no weight).
 *     Before: GB1 16 cases, weight 24 (w0 1.5); ES2 16 cases, weight 8 (w0 0.5). CMI0 = 32/32 = 1.
 *     After: GB1 16 cases, 28 (w1 1.75); ES2 16, 8 (0.5); FM1 8, 12 (1.5). CMI1 = 48/40 = 1.2.
 *     p0 = (0.5, 0.5, 0), p1 = (0.4, 0.4, 0.2).
 *     mix = (0.4 - 0.5) 1.5 + (0.4 - 0.5) 0.5 + 0.2 x 1.5 (FM1 only after) = -0.15 - 0.05 + 0.3 = 0.1
 *     severity = 0.4 (1.75 - 1.5) + 0.4 (0.5 - 0.5) = 0.1;  0.1 + 0.1 = 0.2 = CMI1 - CMI0.
 *     外科 (GB1 only): 1.5 → 1.75, mix 0, severity 0.25. 内科: ES2 16 → ES2 16 + FM1 8:
 *     0.5 → 20/24; mix = (16/24 - 1) 0.5 + (8/24) 1.5 = 1/3, severity 0.
 */
import * as fc from "fast-check";
import { readCaseTable } from "../../../src/engine/caseTable";
import { fitCurves } from "../../../src/engine/curveFit";
import { weightTable } from "../../../src/engine/weightTable";
import { KeyValueBlock, placeBlocks, TableBlock } from "../../../src/report/model";
import { DEFAULT_TRENDS_SETTINGS, trendsColumns, trendsRequiredColumns, TrendsSettings } from "../../../src/report/trends/settings";
import { CurveSection, DecompositionSection, QualitySection } from "../../../src/report/trends/types";
import { benchmarkRisk } from "../../../src/report/trends/quality";
import { computeTrendsReport } from "../../../src/report/trends/compute";
import { trendsJson } from "../../../src/report/trends/json";
import { trendsWorkbook } from "../../../src/report/trends/sheets";
import { modelName } from "../../../src/report/trends/labels";

const context = { source: "trends.csv", version: "9.9.9", time: new Date("2024-05-01T08:00:00Z"), utcOffset: 480 };
const WEIGHTS = weightTable(["GB11", "GB15", "ES21", "FM19"], [2, 1, 0.5, 1.5]);
const HEADERS = ["科室", "DRG编码", "年度", "病例数", "死亡", "住院总费用"];
const ROWS: unknown[][] = [
  HEADERS,
  ["外科", "GB11", 2022, 4, 1, 20000],
  ["外科", "GB11", 2023, 8, 2, 20000],
  ["外科", "GB15", 2023, 8, 2, 10000],
  ["内科", "ES21", 2023, 16, 2, 5000],
  ["外科", "GB11", 2024, 12, 3, 20000],
  ["外科", "GB15", 2024, 4, 1, 10000],
  ["内科", "ES21", 2024, 16, 0, 5000],
  ["内科", "FM19", 2024, 8, 2, 15000],
  ["内科", "XX11", 2024, 2, 0, 8000],
  ["", "", "", "", "", ""],
  ["内科", "", 2024, 1, 0, 100],
  ["外科", "GB11", 2024, 0, 0, 20000],
];

function build(rows: unknown[][], overrides: Partial<TrendsSettings> = {}) {
  const settings: TrendsSettings = { ...DEFAULT_TRENDS_SETTINGS, weights: { source: "table", table: WEIGHTS, name: "weights.csv" }, ...overrides };
  const table = readCaseTable(rows, { columns: trendsColumns(settings), required: trendsRequiredColumns(settings) });
  return computeTrendsReport(table, settings, context);
}

const L2 = Math.LN2;

describe("the hand-computed data set", () => {
  const report = build(ROWS);
  const q = report.quality as QualitySection;
  const d = report.decomposition as DecompositionSection;

  it("counts every row", () => {
    expect(report.rowsRead).toBe(12);
    expect(report.rowsUsed).toBe(9);
    expect(report.skipped).toEqual({ blankRow: 1, emptyGroup: 1, noCases: 1 });
    expect(report.years).toEqual(["2022", "2023", "2024"]);
    expect(report.weights.missingCodes).toEqual(["XX11"]);
  });

  it("(a) risk levels and low-risk mortality", () => {
    expect(q.available).toBe(true);
    expect(q.levelSource).toBe("data");
    expect(q.groups.map((g) => [g.group, g.cases, g.deaths, g.level])).toEqual([
      ["ES21", 32, 2, 1],
      ["FM19", 8, 2, 3],
      ["GB11", 24, 6, 3],
      ["GB15", 12, 3, 3],
      ["XX11", 2, 0, 0],
    ]);
    expect(q.meanLn).toBeCloseTo(-2.5 * L2, 12);
    expect(q.sdLn).toBeCloseTo(L2, 12);
    expect(q.groups[0].z).toBeCloseTo(-1.5, 12);
    expect(q.groups[1].z).toBeCloseTo(0.5, 12);
    expect(q.groups[4].z).toBeNaN();
    expect(q.levelCounts).toEqual([1, 1, 0, 3, 0]);
    expect(q.units.map((u) => u.unit)).toEqual(["内科", "外科"]);
    expect(q.units[0]).toEqual({ unit: "内科", cases: 32, deaths: 2, rate: 0.0625, rateBefore: 0.125, rateAfter: 0 });
    expect(q.units[1]).toMatchObject({ unit: "外科", cases: 0, deaths: 0 });
    expect(q.units[1].rate).toBeNaN();
    expect(q.overall).toMatchObject({ cases: 32, deaths: 2, rate: 0.0625, rateBefore: 0.125, rateAfter: 0 });
    expect(q.rows).toEqual({ used: 9, skipped: {} });
  });

  it("(b) decomposition: overall, per unit, per ADRG; the parts add up to the change", () => {
    expect([d.before, d.after]).toEqual(["2023", "2024"]);
    const o = d.overall;
    expect([o.casesBefore, o.casesAfter, o.cmiBefore]).toEqual([32, 40, 1]);
    expect(o.cmiAfter).toBeCloseTo(1.2, 12);
    expect(o.mix).toBeCloseTo(0.1, 12);
    expect(o.severity).toBeCloseTo(0.1, 12);
    expect(o.mix + o.severity).toBeCloseTo(o.change, 14);
    const [nei, wai] = d.units;
    expect([nei.key, nei.cmiBefore]).toEqual(["内科", 0.5]);
    expect(nei.cmiAfter).toBeCloseTo(20 / 24, 12);
    expect(nei.mix).toBeCloseTo(1 / 3, 12);
    expect(nei.severity).toBeCloseTo(0, 12);
    expect(nei.driver).toBe("mix");
    expect([wai.key, wai.cmiBefore, wai.cmiAfter, wai.mix]).toEqual(["外科", 1.5, 1.75, 0]);
    expect(wai.severity).toBeCloseTo(0.25, 12);
    expect(wai.driver).toBe("severity");
    // ADRGs by |mix + severity|: FM1 0.3, then GB1 and ES2 at -0.05 each.
    expect(d.adrgCount).toBe(3);
    expect(d.adrgs[0]).toMatchObject({ adrg: "FM1", casesBefore: 0, casesAfter: 8 });
    expect(d.adrgs[0].mix).toBeCloseTo(0.3, 12);
    expect(d.adrgs.slice(1).map((a) => a.adrg).sort()).toEqual(["ES2", "GB1"]);
    for (const a of d.adrgs.slice(1)) expect(a.mix + a.severity).toBeCloseTo(-0.05, 12);
    expect([d.rowsBefore, d.rowsAfter]).toEqual([3, 4]);
    expect(d.rows.skipped).toEqual({ otherYear: 1, noWeight: 1 });
  });

  it("(b) other years on request; a year not in the data is an error naming the years", () => {
    const r = build(ROWS, { before: "2022", after: "2023" }).decomposition as DecompositionSection;
    // 外科 2022: GB11 only (2.0); 2023: GB1 at 1.5: all severity inside GB1.
    expect(r.units.find((u) => u.key === "外科")).toMatchObject({ cmiBefore: 2, cmiAfter: 1.5, mix: 0, severity: -0.5 });
    expect(() => build(ROWS, { after: "2019" })).toThrow(/after year 2019: no case of that year; the data has 2022, 2023, 2024/);
    expect(() => build(ROWS, { before: "2024", after: "2024" })).toThrow(/same year/);
  });

  it("(b) one year only: the section says why, the others are built; years asked of data without years fail", () => {
    const r = build(ROWS.filter((row, i) => i === 0 || row[2] === 2024));
    expect(r.decomposition.available).toBe(false);
    if (!r.decomposition.available) {
      expect(r.decomposition.reason.en).toBe("the data has only the year 2024; two years are needed to compare");
      expect(r.decomposition.reason.zh).toBe("数据中只有 2024 年，需要两个年份才能对比");
    }
    expect(r.quality.available).toBe(true);
    expect((r.curve as CurveSection).year).toBeUndefined();
    const sheet = trendsWorkbook(r, "zh").sheets[0];
    expect(sheet.blocks.some((b) => b.kind === "text" && b.style === "warning" && b.text.startsWith("数据中只有 2024 年"))).toBe(true);
    const noYears = ROWS.map((row) => [row[0], row[1], row[3], row[4], row[5]]);
    expect(() => build(noYears, { after: "2024" })).toThrow(/no year or discharge date column/);
  });

  it("(c) two units are too few for any model: the failures say why", () => {
    const c = report.curve as CurveSection;
    expect(c.year).toBe("2024");
    expect(c.units.map((u) => [u.unit, u.cases, u.flag])).toEqual([
      ["内科", 24, "noModel"],
      ["外科", 16, "noModel"],
    ]);
    // 外科 2024: (12 x 20,000 + 4 x 10,000) / 16 = 17,500 at CMI (24 + 4) / 16 = 1.75
    expect(c.units[1].meanCost).toBe(17500);
    expect(c.units[1].cmi).toBe(1.75);
    expect(c.units[0].cmi).toBeCloseTo(20 / 24, 12);
    expect(c.models).toEqual([]);
    expect(c.failures[0].reason.en).toBe("the linear model needs at least 3 points; there are 2");
    expect(c.rows.skipped).toEqual({ otherYear: 4, noWeight: 1 });
  });

  it("a row with an empty unit counts in the hospital rows, not in a unit's, and is reported", () => {
    const r = build([...ROWS, ["", "ES21", 2024, 4, 1, 5000]]);
    const q2 = r.quality as QualitySection;
    expect(q2.overall).toMatchObject({ cases: 36, deaths: 3 });
    expect(q2.units[0]).toMatchObject({ unit: "内科", cases: 32, deaths: 2 });
    expect(q2.rows.skipped).toEqual({ emptyUnit: 1 });
    const d2 = r.decomposition as DecompositionSection;
    expect(d2.overall.casesAfter).toBe(44);
    expect(d2.units.map((u) => u.casesAfter)).toEqual([24, 16]);
    expect(d2.rows.skipped).toEqual({ otherYear: 1, noWeight: 1, emptyUnit: 1 });
    expect((r.curve as CurveSection).rows.skipped).toEqual({ otherYear: 4, noWeight: 1, emptyUnit: 1 });
    const sheet = trendsWorkbook(r, "en").sheets[0];
    const data = sheet.blocks.find((b) => b.kind === "keyValue" && b.caption === "Data");
    expect(data?.kind === "keyValue" && data.rows).toContainEqual(["Rows used: CMI change: rows with an empty unit (not in any unit's row)", 1]);
  });

  it("levels from a benchmark: groups it does not know are not low-risk", () => {
    // Region: ln M = ln 0.001, ln 0.01, ln 0.1, ln 0.5 for KK11, ES21, GB11, FM19 = (-3, -2, -1, -0.301) ln 10:
    // mean -1.575 ln 10, sample SD 1.178 ln 10, z = -1.21, -0.36, 0.49, 1.08: levels 1, 2, 3, 4.
    const bench = readCaseTable(
      [
        ["DRG编码", "病例数", "死亡"],
        ["KK11", 1000, 1],
        ["ES21", 100, 1],
        ["GB11", 10, 1],
        ["FM19", 2, 1],
      ],
      { columns: ["drg", "cases", "died"] },
    );
    const risk = benchmarkRisk(bench);
    expect(risk.codes).toEqual(["ES21", "FM19", "GB11", "KK11"]);
    expect(Array.from(risk.level)).toEqual([2, 4, 3, 1]);
    const r = build(ROWS, { levels: { source: "benchmark", name: "region.csv", risk } });
    const q2 = r.quality as QualitySection;
    expect(q2.levelSource).toBe("benchmark");
    expect(q2.overall.cases).toBe(0);
    expect(q2.overall.rate).toBeNaN();
    // GB15 and XX11: 8 + 4 + 2 cases the benchmark does not know.
    expect(q2.casesWithoutLevel).toBe(14);
    expect(q2.groups.map((g) => g.group)).toEqual(["ES21", "FM19", "GB11", "KK11"]);
  });

  it("JSON: NaN is null, sections and parameters", () => {
    const j = trendsJson(report, "en") as any;
    expect(Object.keys(j)).toEqual(["quality", "decomposition", "curve", "targets", "monitor", "parameters"]);
    expect(j.quality.units[1]).toEqual({ unit: "外科", cases: 0, deaths: 0, rate: null, rateBefore: null, rateAfter: null });
    expect(j.decomposition.units.map((u: any) => u.unit)).toEqual(["内科", "外科"]);
    expect(j.decomposition.overall.key).toBeUndefined();
    expect(j.curve.best).toBeNull();
    expect(j.parameters).toMatchObject({
      version: "9.9.9",
      time: "2024-05-01T08:00:00.000Z",
      rows: { read: 12, used: 9, skipped: { blankRow: 1, emptyGroup: 1, noCases: 1 } },
      weights: { source: "table", tableName: "weights.csv", missingCodes: ["XX11"] },
      unit: "department",
      levels: { source: "data" },
    });
  });

  it("three sheets in each language: the tables hold the numbers", () => {
    for (const lang of ["zh", "en"] as const) {
      const model = trendsWorkbook(report, lang);
      expect(model.sheets.map((s) => s.name)).toEqual(lang === "zh" ? ["趋势与质量", "目标", "监测"] : ["Trends and Quality", "Targets", "Monitoring"]);
      const tables = model.sheets[0].blocks.filter((b): b is TableBlock => b.kind === "table");
      const quality = tables[0];
      expect(quality.columns.map((c) => c.id)).toEqual(["unit", "cases", "deaths", "rate", "rateBefore", "rateAfter"]);
      expect(quality.rows[0]).toEqual(["内科", 32, 2, 0.0625, 0.125, 0]);
      expect(quality.rows[1]).toEqual(["外科", 0, 0, null, null, null]);
      expect(quality.totalRow?.[0]).toBe(lang === "zh" ? "全院" : "Hospital");
      const decomposition = tables[1];
      expect(decomposition.columns[3].header).toBe(lang === "zh" ? "CMI（2023 年）" : "CMI 2023");
      expect(decomposition.rows[1].slice(0, 7)).toEqual(["外科", 16, 16, 1.5, 1.75, 0.25, 0]);
      expect(decomposition.rows[1][8]).toBe(lang === "zh" ? "ADRG 内严重程度" : "severity inside ADRGs");
      // No model: the points without a line; the failures are listed with their reasons.
      expect(model.sheets[0].charts?.[0].series[0].rows).toEqual([0, 1]);
      expect(model.sheets[0].charts?.[0].line).toBeUndefined();
      const models = tables[3];
      expect(models.rows).toHaveLength(10);
      expect(models.rows.every((r) => typeof r[8] === "string" && (r[8] as string).length > 0)).toBe(true);
      // Parameters and, last, the level of every group.
      const last = tables[tables.length - 1];
      expect(last.rows.map((r) => [r[0], r[6], r[7]])).toEqual([
        ["ES21", 1, lang === "zh" ? "低风险" : "low"],
        ["FM19", 3, lang === "zh" ? "中高风险" : "mid-high"],
        ["GB11", 3, lang === "zh" ? "中高风险" : "mid-high"],
        ["GB15", 3, lang === "zh" ? "中高风险" : "mid-high"],
        ["XX11", 0, lang === "zh" ? "无死亡" : "no deaths"],
      ]);
      const kv = model.sheets[0].blocks.filter((b): b is KeyValueBlock => b.kind === "keyValue");
      expect(kv.length).toBe(6); // the findings, then the five parameter blocks
      // the results block: low-risk rate as per cent, then the CMI change and its two parts
      const results = kv.find((b) => b.caption === (lang === "zh" ? "结果" : "Results"))!;
      expect(results.types?.slice(0, 4)).toEqual(["percent", "weight", "weight", "weight"]);
      expect(results.types).toHaveLength(results.rows.length);
    }
  });

  it("opens with the key findings, typed so that rates show as per cent", () => {
    const sheet = trendsWorkbook(report, "zh").sheets[0];
    // right under the title, before section (a)
    expect(sheet.blocks[0]).toMatchObject({ kind: "text", style: "title" });
    const findings = sheet.blocks[1] as KeyValueBlock;
    expect(findings.caption).toBe("主要发现");
    // low-risk: ES21 only, 2 deaths of 32 = 0.0625; 2023 2/16 = 0.125, 2024 0/16 = 0;
    // CMI 2023 32/32 = 1 -> 2024 48/40 = 1.2: change 0.2 = mix 0.1 + severity 0.1;
    // the curve: two units, no model, none flagged
    const c = (x: number) => expect.closeTo(x, 12);
    expect(findings.rows).toEqual([
      ["全院低风险组死亡率", 0.0625],
      ["低风险组死亡数", 2],
      ["低风险组死亡率（2023 年）", 0.125],
      ["低风险组死亡率（2024 年）", 0],
      ["CMI（2023 年）", c(1)],
      ["CMI（2024 年）", c(1.2)],
      ["全院 CMI 变化", c(0.2)],
      ["ADRG 间结构", c(0.1)],
      ["ADRG 内严重程度", c(0.1)],
      // the two parts are equal up to rounding: whichever the floating point makes larger
      ["主要来源", d.overall.driver === "severity" ? "ADRG 内严重程度" : "ADRG 间结构"],
      ["最优模型", "无可用模型"],
      ["被标记的单元数（实际 / 预期超出 0.80 – 1.20）", 0],
    ]);
    expect(findings.types).toEqual([
      "percent",
      "integer",
      "percent",
      "percent",
      "weight",
      "weight",
      "weight",
      "weight",
      "weight",
      undefined,
      undefined,
      "integer",
    ]);
    const en = trendsWorkbook(report, "en").sheets[0].blocks[1] as KeyValueBlock;
    expect(en.caption).toBe("Key findings");
    expect(en.rows[0]).toEqual(["Low-risk mortality, hospital", 0.0625]);
    expect(en.rows[11]).toEqual(["Units flagged (actual / expected outside 0.80 – 1.20)", 0]);
  });
});

describe("the curve", () => {
  /** One aggregate row a unit: its own group of weight = CMI, `cases` cases at `cost` each. */
  function unitRows(units: [string, number, number, number][]) {
    const rows: unknown[][] = [["科室", "DRG编码", "病例数", "住院总费用"]];
    for (const [unit, cmi, cases, cost] of units) rows.push([unit, `U${unit}`, cases, cost]);
    const weights = weightTable(units.map((u) => `U${u[0]}`), units.map((u) => u[1]));
    return { rows, weights };
  }

  it("three units on ln(cost) = 8 + CMI: linear is best, exactly; a small unit is not fitted", () => {
    const { rows, weights } = unitRows([
      ["A", 0.5, 10, Math.exp(8.5)],
      ["B", 1, 10, Math.exp(9)],
      ["C", 2, 10, Math.exp(10)],
      ["D", 1, 2, 2 * Math.exp(9)],
    ]);
    const r = build(rows, { weights: { source: "table", table: weights, name: "w" } });
    const c = r.curve as CurveSection;
    expect(c.year).toBeUndefined();
    expect(c.models[0].model).toBe("linear");
    expect(c.models[0].coefficients[0]).toBeCloseTo(8, 10);
    expect(c.models[0].coefficients[1]).toBeCloseTo(1, 10);
    expect(c.models[0].rSquared).toBeCloseTo(1, 12);
    expect(c.models.every((m, i) => i === 0 || m.rSquared < c.models[0].rSquared)).toBe(true);
    // Quadratic and cubic need 4 and 5 points.
    expect(c.failures.map((f) => f.model)).toEqual(["quadratic", "cubic"]);
    const d = c.units[3];
    expect(d).toMatchObject({ unit: "D", fitted: false, flag: "notFitted" });
    // expected e^(8 + 1), actual 2 e^9
    expect(d.expected).toBeCloseTo(Math.exp(9), 6);
    expect(d.ratio).toBeCloseTo(2, 10);
    expect(c.units.slice(0, 3).map((u) => u.flag)).toEqual(["inLine", "inLine", "inLine"]);
    // The line is in money, on the curve, inside the units' cost range.
    for (const [x, y] of c.line) expect(Math.log(y)).toBeCloseTo(8 + x, 8);
    expect(c.line[0][0]).toBe(0.5);
    expect(c.line[c.line.length - 1][0]).toBe(2);
    // No died column, no year: those sections say why.
    expect(r.quality.available).toBe(false);
    expect(r.decomposition.available).toBe(false);
    if (!r.decomposition.available) expect(r.decomposition.reason.en).toMatch(/no year or discharge date column/);
  });

  it("flags the units far from the curve, and the chart has the best model's line", () => {
    const units: [string, number, number, number][] = [];
    // 20 units on ln(cost) = 8 + CMI, but the 7th costs twice and the 14th half the line.
    for (let i = 0; i < 20; i++) {
      const cmi = 0.3 + 0.25 * i;
      const factor = i === 6 ? 2 : i === 13 ? 1 / 2 : 1;
      units.push([String.fromCharCode(65 + i), cmi, 20, factor * Math.exp(8 + cmi)]);
    }
    const { rows, weights } = unitRows(units);
    const r = build(rows, { weights: { source: "table", table: weights, name: "w" } });
    const c = r.curve as CurveSection;
    expect(c.units.map((u) => u.flag)).toEqual(units.map((_, i) => (i === 6 ? "high" : i === 13 ? "low" : "inLine")));
    // best first, and the best is the one fitCurves ranks first on the same points
    const again = fitCurves(
      c.units.map((u) => u.cmi),
      c.units.map((u) => u.lnCost),
    );
    expect(c.models.map((m) => m.model)).toEqual(again.fits.map((m) => m.model));
    for (const lang of ["zh", "en"] as const) {
      const sheet = trendsWorkbook(r, lang).sheets[0];
      const chart = sheet.charts![0];
      const block = sheet.blocks[chart.series[0].x.blockIndex] as TableBlock;
      expect(block.columns.map((x) => x.id)).toContain("meanCost");
      expect(chart.series.map((s) => s.rows!.length)).toEqual([18, 1, 1]);
      expect(chart.line?.points.length).toBeGreaterThan(10);
      expect(chart.line?.name).toContain(lang === "zh" ? "拟合" : "Fitted");
      // the chart sits right of every table, level with the model table
      expect(chart.anchor.row).toBe(placeBlocks(sheet)[chart.series[0].x.blockIndex - 1].top);
      const ratio = block.conditionalFormats?.find((f) => f.columnId === "ratio" && f.rule.kind === "greaterThan");
      expect(ratio?.rule).toMatchObject({ value: 1.2 });
      // the findings name the best model, its R² and the two flagged units (no died column, no years)
      const findings = sheet.blocks[1] as KeyValueBlock;
      const best = lang === "zh" ? "最优模型" : "Best model";
      expect(findings.rows[0]).toEqual([best, modelName(c.models[0].model, lang)]);
      expect(findings.rows[1]).toEqual([`${best} R²`, c.models[0].rSquared]);
      expect(findings.types).toEqual([undefined, "ratio", "integer"]);
      expect(findings.rows[2][1]).toBe(2);
    }
  });
});

describe("properties", () => {
  it("mix + severity = change, overall and per unit, whatever the cases", () => {
    const groups = ["GB11", "GB13", "GB15", "ES21", "ES23", "FM19"];
    const w = weightTable(groups, [2.2, 1.6, 1.1, 0.6, 0.45, 1.3]);
    const row = fc.tuple(fc.constantFrom("甲", "乙", "丙"), fc.constantFrom(...groups), fc.constantFrom(2023, 2024), fc.integer({ min: 1, max: 30 }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 40 }), (cases) => {
        const rows: unknown[][] = [["科室", "DRG编码", "年度", "病例数"], ...cases];
        const years = new Set(cases.map((c) => c[2]));
        if (years.size < 2) return;
        const d = build(rows, { weights: { source: "table", table: w, name: "w" } }).decomposition as DecompositionSection;
        for (const r of [d.overall, ...d.units]) {
          if (!Number.isFinite(r.mix)) continue;
          expect(r.mix + r.severity).toBeCloseTo(r.change, 12);
        }
      }),
      { numRuns: 200 },
    );
  });
});
