/**
 * The monitoring sheet of the trends report on a generated case list of 24 months
 * (2023-01 .. 2024-12), one row a case, with known CMI per month.
 *
 * Weights (table): GB11 2.0, ES21 0.5, FM19 1.5. Month k (k = 0 for 2023-01 .. 23 for 2024-12):
 *   外科: g = 1 + (k mod 4) cases of GB11 and 2 of ES21;  内科: 2 of ES21 and 2 of FM19.
 *   Hospital: TW = 2g + 0.5·2 + 0.5·2 + 1.5·2 = 2g + 5, N = g + 6.
 *   2023-01 (k 0, g 1): TW 7, N 7, CMI 1.0 (外科 3/3 = 1.0, 内科 4/4 = 1.0).
 *   2023-04 (k 3, g 4): TW 13, N 10, CMI 1.3 (外科 (8 + 1) / 6 = 1.5, 内科 1.0).
 *   2023Q1 (k 0, 1, 2; g 1, 2, 3): TW 2·6 + 5·3 = 27, N 6 + 18 = 24, CMI 1.125.
 * Days: GB11 10, ES21 4, FM19 6, except the four GB11 cases of 2024-12 (k 23, g 4) at 12 days.
 *   GB11 cases over the 24 months: 6 cycles × (1 + 2 + 3 + 4) = 60; mean (56·10 + 4·12) / 60 = 608/60.
 *   Time index 2024-12, hospital: (4 × 12 / (608/60) + 6 × 1) / 10 = (4 × 720/608 + 6) / 10 = 1.0736842;
 *   外科: (4 × 720/608 + 2) / 6 = 1.1228070. Costs are the same in every case of a group: cost index 1.
 * Dates are written four ways in turn (ISO, 2023/2/5, an Excel serial, 2023年4月5日); two more 外科
 * GB11 cases have no discharge date: left out of the monitor and counted (noPeriod 2).
 */
import { readCaseTable } from "../../../src/engine/caseTable";
import { weightTable } from "../../../src/engine/weightTable";
import { KeyValueBlock, TableBlock, TextBlock } from "../../../src/report/model";
import { computeTrendsReport } from "../../../src/report/trends/compute";
import { trendsJson } from "../../../src/report/trends/json";
import { MonitorSection, TrendsPeriod } from "../../../src/report/trends/monitorTypes";
import {
  DEFAULT_TRENDS_SETTINGS,
  trendsColumns,
  trendsRequiredColumns,
  TrendsSettings,
} from "../../../src/report/trends/settings";
import { trendsWorkbook } from "../../../src/report/trends/sheets";

const context = { source: "months.csv", version: "9.9.9", time: new Date("2025-01-10T08:00:00Z"), utcOffset: 480 };
const WEIGHTS = weightTable(["GB11", "ES21", "FM19"], [2, 0.5, 1.5]);
const COST: Record<string, number> = { GB11: 20000, ES21: 5000, FM19: 15000 };
const DAYS: Record<string, number> = { GB11: 10, ES21: 4, FM19: 6 };

/** The discharge date of month k written one of four ways (k mod 4). */
function dateOf(k: number): unknown {
  const year = 2023 + Math.floor(k / 12);
  const month = (k % 12) + 1;
  switch (k % 4) {
    case 0:
      return `${year}-${String(month).padStart(2, "0")}-15`;
    case 1:
      return `${year}/${month}/5`;
    case 2:
      return (Date.UTC(year, month - 1, 10) - Date.UTC(1899, 11, 30)) / 86400000;
    default:
      return `${year}年${month}月5日`;
  }
}

function monthRows(): unknown[][] {
  const rows: unknown[][] = [["科室", "DRG编码", "出院日期", "住院天数", "住院总费用"]];
  const add = (dept: string, group: string, k: number, n: number, days = DAYS[group]) => {
    for (let i = 0; i < n; i++) rows.push([dept, group, dateOf(k), days, COST[group]]);
  };
  for (let k = 0; k < 24; k++) {
    add("外科", "GB11", k, 1 + (k % 4), k === 23 ? 12 : 10);
    add("外科", "ES21", k, 2);
    add("内科", "ES21", k, 2);
    add("内科", "FM19", k, 2);
  }
  rows.push(["外科", "GB11", "", 10, 20000], ["外科", "GB11", null, 10, 20000]);
  return rows;
}

function build(rows: unknown[][], period: TrendsPeriod) {
  const settings: TrendsSettings = {
    ...DEFAULT_TRENDS_SETTINGS,
    weights: { source: "table", table: WEIGHTS, name: "weights.csv" },
    period,
  };
  const table = readCaseTable(rows, { columns: trendsColumns(settings), required: trendsRequiredColumns(settings) });
  return computeTrendsReport(table, settings, context);
}

describe("monthly monitoring of 24 months", () => {
  const report = build(monthRows(), "month");
  const m = report.monitor as MonitorSection;
  const hospital = (p: string) => m.hospital.find((r) => r.period === p)!;
  const unit = (p: string, u: string) => m.units.find((r) => r.period === p && r.unit === u)!;

  it("has the 24 months in order, from the discharge date written four ways", () => {
    expect(m.available).toBe(true);
    expect(m.period).toBe("month");
    expect(m.source).toBe("出院日期");
    expect(m.periods).toHaveLength(24);
    expect(m.periods.slice(0, 4)).toEqual(["2023-01", "2023-02", "2023-03", "2023-04"]);
    expect(m.periods[23]).toBe("2024-12");
  });

  it("counts the two rows without a discharge date, never drops them silently", () => {
    // 204 rows with a date: Σg = 60 (外科 GB11) + 48 (外科 ES21) + 96 (内科).
    expect(m.rows).toEqual({ used: 204, skipped: { noPeriod: 2 } });
    expect(report.rowsUsed).toBe(206);
  });

  it("gives the hand-computed cases and CMI of two months, hospital and units", () => {
    expect(hospital("2023-01")).toMatchObject({ cases: 7, totalWeight: 7 });
    expect(hospital("2023-01").cmi).toBeCloseTo(1.0, 12);
    expect(hospital("2023-04")).toMatchObject({ cases: 10, totalWeight: 13 });
    expect(hospital("2023-04").cmi).toBeCloseTo(1.3, 12);
    expect(unit("2023-04", "外科")).toMatchObject({ cases: 6, totalWeight: 9 });
    expect(unit("2023-04", "外科").cmi).toBeCloseTo(1.5, 12);
    expect(unit("2023-04", "内科").cmi).toBeCloseTo(1.0, 12);
    // Every period: N = Σ (g + 6) = 60 + 144 = 204; TW = Σ (2g + 5) = 120 + 120 = 240.
    expect(m.overall.cases).toBe(204);
    expect(m.overall.cmi).toBeCloseTo(240 / 204, 12);
  });

  it("indexes against the group means of every month", () => {
    expect(hospital("2024-12").timeIndex).toBeCloseTo((4 * (720 / 608) + 6) / 10, 10);
    expect(unit("2024-12", "外科").timeIndex).toBeCloseTo((4 * (720 / 608) + 2) / 6, 10);
    // A month without the long stays: 2023-01, (600/608 + 6) / 7.
    expect(hospital("2023-01").timeIndex).toBeCloseTo((600 / 608 + 6) / 7, 10);
    expect(hospital("2023-04").costIndex).toBeCloseTo(1, 12);
    expect(m.overall.timeIndex).toBeCloseTo(1, 12);
  });

  it("says which indicators the data cannot give", () => {
    expect(Object.keys(m.missing).sort()).toEqual(["drugIndex", "lowRiskMortality", "materialIndex"]);
    expect(hospital("2023-04").drugIndex).toBeNaN();
  });

  it("charts the hospital and the units by cases (外科 108, 内科 96)", () => {
    expect(m.chartUnits).toEqual(["外科", "内科"]);
  });

  it("quarters add up their months: 2023Q1 CMI 27 / 24", () => {
    const q = build(monthRows(), "quarter").monitor as MonitorSection;
    expect(q.periods).toEqual(["2023Q1", "2023Q2", "2023Q3", "2023Q4", "2024Q1", "2024Q2", "2024Q3", "2024Q4"]);
    expect(q.hospital[0]).toMatchObject({ period: "2023Q1", cases: 24, totalWeight: 27 });
    expect(q.hospital[0].cmi).toBeCloseTo(1.125, 12);
  });

  it("by year: two periods, and the skipped rows are the year's own (blank dates have no year)", () => {
    const y = build(monthRows(), "year").monitor as MonitorSection;
    expect(y.periods).toEqual(["2023", "2024"]);
    // Each year: Σg = 30, N = 30 + 72 = 102.
    expect(y.hospital.map((r) => r.cases)).toEqual([102, 102]);
    expect(y.rows.skipped).toEqual({ noPeriod: 2 });
  });

  describe.each(["zh", "en"] as const)("the sheet in %s", (lang) => {
    const model = trendsWorkbook(report, lang);
    const sheet = model.sheets[2];
    const tables = sheet.blocks.filter((b): b is TableBlock => b.kind === "table");

    it("is the third sheet, named by the layout's labels", () => {
      expect(model.sheets.map((s) => s.name)).toEqual(
        lang === "zh" ? ["趋势与质量", "目标", "监测"] : ["Trends and Quality", "Targets", "Monitoring"],
      );
    });

    it("opens with the note and the missing indicators, then the summary", () => {
      const texts = sheet.blocks.filter((b): b is TextBlock => b.kind === "text").map((b) => b.text);
      expect(texts[1]).toContain(lang === "zh" ? "组均值" : "group means");
      expect(texts.some((t) => t.startsWith(lang === "zh" ? "药品消耗指数未列出" : "Drug index not shown"))).toBe(true);
      const summary = sheet.blocks.find((b): b is KeyValueBlock => b.kind === "keyValue")!;
      expect(summary.rows[1][1]).toBe(24);
      expect(summary.rows.find((r) => /2023-01/.test(r[0]))?.[1]).toBeCloseTo(1.0, 12);
      // Highest: g = 4 first in 2023-04 (CMI 1.3); lowest: g = 1 first in 2023-01 (1.0).
      const value = (zh: string, en: string) => summary.rows.find((r) => r[0] === (lang === "zh" ? zh : en))?.[1];
      expect(value("CMI 最高的统计期", "Highest CMI")).toBe("2023-04: 1.3000");
      expect(value("CMI 最低的统计期", "Lowest CMI")).toBe("2023-01: 1.0000");
      expect(value("首末期变化", "Change, first to last period")).toBeCloseTo(0.3, 12);
      expect(summary.rows.slice(-2)).toEqual([
        [lang === "zh" ? "使用行数" : "Rows used", 204],
        [
          lang === "zh"
            ? "跳过：无统计期的行（为空或不是日期）"
            : "Skipped: rows without a period (blank or not a date)",
          2,
        ],
      ]);
    });

    it("the trends sheet's parameters list the monitoring's rows", () => {
      const pairs = model.sheets[0].blocks.flatMap((b) => (b.kind === "keyValue" ? b.rows : []));
      const title = lang === "zh" ? "使用行数：监测" : "Rows used: monitoring";
      expect(pairs.find((r) => r[0] === title)?.[1]).toBe(204);
      expect(
        pairs.find(
          (r) =>
            r[0] ===
            `${title}${lang === "zh" ? "：" : ": "}${lang === "zh" ? "无统计期的行（为空或不是日期）" : "rows without a period (blank or not a date)"}`,
        )?.[1],
      ).toBe(2);
    });

    it("has the hospital table with all periods as total, the CMI table and the long table", () => {
      expect(tables).toHaveLength(3);
      const [h, cmi, units] = tables;
      expect(h.columns.map((c) => c.id)).toEqual(["period", "cases", "totalWeight", "cmi", "timeIndex", "costIndex"]);
      expect(h.rows[3].slice(0, 4)).toEqual(["2023-04", 10, 13, expect.closeTo(1.3, 12)]);
      expect(h.totalRow?.[1]).toBe(204);
      expect(cmi.rows[3]).toEqual(["2023-04", expect.closeTo(1.3, 12), expect.closeTo(1.5, 12), expect.closeTo(1, 12)]);
      expect(units.rows).toHaveLength(48);
      expect(units.autoFilter).toBe(true);
    });

    it("draws CMI per period as a line chart: the hospital and each charted unit", () => {
      const chart = sheet.lineCharts![0];
      expect(chart.series.map((s) => s.name)).toEqual([lang === "zh" ? "全院" : "Hospital", "外科", "内科"]);
      expect(sheet.blocks[chart.categories.blockIndex]).toBe(tables[1]);
      expect(chart.anchor.column).toBeGreaterThan(Math.max(...tables.map((t) => t.columns.length)));
    });
  });

  it("gives the JSON its monitor part", () => {
    const json = trendsJson(report, "en") as { monitor: Record<string, any>; parameters: Record<string, unknown> };
    expect(json.parameters.period).toBe("month");
    expect(json.monitor.hospital[3]).toEqual({
      period: "2023-04",
      cases: 10,
      totalWeight: 13,
      cmi: expect.closeTo(1.3, 12),
      timeIndex: expect.any(Number),
      costIndex: expect.closeTo(1, 12),
    });
    expect(json.monitor.missing.drugIndex).toBe("no drug cost (药品费) column in the data");
    expect(json.monitor.rows.skipped).toEqual({ noPeriod: 2 });
  });
});

describe("periods from a period column, and data without periods", () => {
  const rows = [
    ["科室", "DRG编码", "统计期", "住院天数"],
    ["外科", "GB11", "2024上半年", 10],
    ["外科", "ES21", "2024下半年", 4],
    ["内科", "ES21", "2024上半年", 4],
    ["内科", "FM19", "", 6],
    ["内科", "ES21", "2024上半年", ""],
  ];

  it("takes the period column as written and counts the blank one", () => {
    const m = build(rows, "column").monitor as MonitorSection;
    expect(m.source).toBe("统计期");
    expect(m.periods).toEqual(["2024上半年", "2024下半年"]);
    // 2024上半年: GB11 2 + ES21 0.5 + ES21 0.5 = 3 over 3 cases.
    expect(m.hospital[0]).toMatchObject({ cases: 3, totalWeight: 3, cmi: 1 });
    expect(m.rows.skipped).toEqual({ noPeriod: 1 });
    // The ES21 row without days is in the CMI, not in the time index: ES21's benchmark is 4 (one
    // case with days in each half), so 2024上半年 = (10/10 + 4/4) / 2 = 1.
    expect(m.blankValues).toEqual({ timeIndex: 1 });
    expect(m.hospital[0].timeIndex).toBeCloseTo(1, 12);
    const summary = trendsWorkbook(build(rows, "column"), "en").sheets[2].blocks.find(
      (b): b is KeyValueBlock => b.kind === "keyValue",
    )!;
    expect(summary.rows).toContainEqual(["Time index: rows with a blank value, left out of it", 1]);
    expect(m.missing.costIndex?.en).toBe("no total cost (住院总费用) column in the data");
  });

  it("is unavailable with a reason by month without a discharge date, and the sheet says so", () => {
    const report = build(rows, "month");
    expect(report.monitor).toEqual({
      available: false,
      reason: {
        en: "the data has no discharge date column (出院日期), so there are no months to monitor",
        zh: "数据中没有出院日期列，无法按月监测",
      },
    });
    const sheet = trendsWorkbook(report, "zh").sheets[2];
    expect(sheet.blocks[1]).toEqual({ kind: "text", text: "数据中没有出院日期列，无法按月监测", style: "warning" });
    expect(sheet.lineCharts).toBeUndefined();
  });

  it("counts a discharge date that is not a date when a year column gives the years", () => {
    const withYear = [
      ["科室", "DRG编码", "年度", "出院日期"],
      ["外科", "GB11", 2024, "2024-02-01"],
      ["外科", "GB11", 2024, "不详"],
    ];
    const m = build(withYear, "month").monitor as MonitorSection;
    expect(m.periods).toEqual(["2024-02"]);
    expect(m.rows).toEqual({ used: 1, skipped: { noPeriod: 1 } });
  });
});
