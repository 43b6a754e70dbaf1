/**
 * The targets section of the trends report (LOS, cost and CMI targets per unit) and the
 * prepayment estimate of the curve, on hand-computed aggregate rows (one row a unit x group x
 * year with 病例数; 住院天数 and 住院总费用 are per-case averages).
 *
 * Weights (table): G1 2.0, G2 1.0, G3 0.5; XX99 has none.
 *
 *   dept  group  year  cases  LOS  cost/case
 *   A     G2     2023    4     6   10,000
 *   B     G1     2023    1    10   20,000
 *   B     G2     2023    1     6   10,000
 *   C     G3     2023    2     4    5,000
 *   A     G1     2024    2    10   20,000
 *   A     G2     2024    2     6   10,000
 *   B     G2     2024    3     5    8,000
 *   C     G3     2024    2     4    5,000
 *   A     XX99   2024    1     5    3,000   (no weight: left out of both parts)
 *   B     G2     2024    1     —    8,000   (blank LOS: left out of LOS and cost, kept for the CMI)
 *   —     G1     2024    1    10   20,000   (empty unit: left out of both parts)
 *
 * LOS and cost targets, the target year 2024 (the four 2023 rows are another year):
 *   A: 4 cases, weight 2x2 + 2x1 = 6, CMI 1.5; days 20 + 12 = 32, mean 8; cost 60,000, mean 15,000
 *   B: 3 cases, weight 3, CMI 1.0; days 15, mean 5; cost 24,000, mean 8,000
 *   C: 2 cases, weight 1, CMI 0.5; days 8, mean 4; cost 10,000, mean 5,000
 *   Hospital: 9 cases, weight 10, CMI 10/9; days 55; cost 94,000.
 *   Benchmark (hospital's own): LOS 55 / 10 = 5.5 days per weight point; cost 94,000 / 10 = 9,400.
 *   A: standardized LOS 8 / 1.5 = 16/3, target 1.5 x 5.5 = 8.25, gap -0.25;
 *      standardized cost 10,000, target 1.5 x 9,400 = 14,100, gap +900.
 *   B: 5, target 5.5, gap -0.5; 8,000, target 9,400, gap -1,400.
 *   C: 8, target 2.75, gap +1.25; 10,000, target 4,700, gap +300.
 *   Hospital: mean LOS 55/9, target 10/9 x 5.5 = 55/9, gap 0.
 *   With p50: the median of (16/3, 5, 8) = 16/3: A's target 1.5 x 16/3 = 8 (gap 0), C's 8/3.
 * CMI targets, periods 2023 and 2024 (share 0.3):
 *   A: 1.0 → 1.5, slope 0.5, latest 1.5, best 1.5, target 1.5.
 *   B: 2023 weight 3 / 2 cases = 1.5 → 2024 (4 cases of G2) 1.0, slope -0.5, best 1.5,
 *      target 1.0 + 0.3 x 0.5 = 1.15.
 *   C: 0.5 → 0.5, slope 0, target 0.5.
 *   Hospital: 2023 8 / 8 = 1.0, 2024 (10 cases, weight 11) 1.1; slope 0.1, target 1.1.
 *   With a benchmark table A 2.0, C 0.4: A 1.5 + 0.3 x 0.5 = 1.65; B (not in it) 1.15; C stays 0.5.
 */
import * as path from "path";
import * as fc from "fast-check";
import { parseTrendsArgs } from "../../../src/cli/commands/trends";
import { main } from "../../../src/cli/main";
import { readCaseTable } from "../../../src/engine/caseTable";
import { weightTable } from "../../../src/engine/weightTable";
import { TableBlock } from "../../../src/report/model";
import {
  DEFAULT_TRENDS_SETTINGS,
  trendsColumns,
  trendsRequiredColumns,
  TrendsSettings,
} from "../../../src/report/trends/settings";
import { CmiPart, MeasurePart, TargetsSection, TargetUnitRow } from "../../../src/report/trends/targetTypes";
import { CurveSection } from "../../../src/report/trends/types";
import { computeTrendsReport } from "../../../src/report/trends/compute";
import { trendsJson } from "../../../src/report/trends/json";
import { trendsWorkbook } from "../../../src/report/trends/sheets";
import { parseTargetBenchmark } from "../../../src/report/trends/targetSettings";

const context = { source: "targets.csv", version: "9.9.9", time: new Date("2024-05-01T08:00:00Z"), utcOffset: 480 };
const WEIGHTS = weightTable(["G1", "G2", "G3"], [2, 1, 0.5]);
const HEADERS = ["科室", "DRG编码", "年度", "病例数", "住院天数", "住院总费用"];
const ROWS: unknown[][] = [
  HEADERS,
  ["A", "G2", 2023, 4, 6, 10000],
  ["B", "G1", 2023, 1, 10, 20000],
  ["B", "G2", 2023, 1, 6, 10000],
  ["C", "G3", 2023, 2, 4, 5000],
  ["A", "G1", 2024, 2, 10, 20000],
  ["A", "G2", 2024, 2, 6, 10000],
  ["B", "G2", 2024, 3, 5, 8000],
  ["C", "G3", 2024, 2, 4, 5000],
  ["A", "XX99", 2024, 1, 5, 3000],
  ["B", "G2", 2024, 1, "", 8000],
  ["", "G1", 2024, 1, 10, 20000],
];

function build(rows: unknown[][], overrides: Partial<TrendsSettings> = {}) {
  const settings: TrendsSettings = {
    ...DEFAULT_TRENDS_SETTINGS,
    weights: { source: "table", table: WEIGHTS, name: "weights.csv" },
    minCases: 1,
    ...overrides,
  };
  const table = readCaseTable(rows, { columns: trendsColumns(settings), required: trendsRequiredColumns(settings) });
  return computeTrendsReport(table, settings, context);
}

const section = (report: ReturnType<typeof build>) => report.targets as TargetsSection;
const unit = (s: TargetsSection, key: string) => s.units.find((u) => u.unit === key) as TargetUnitRow;

describe("the hand-computed targets", () => {
  const s = section(build(ROWS));

  it("LOS and cost: the hospital's benchmark, targets and gaps", () => {
    expect(s.year).toBe("2024");
    expect((s.los as MeasurePart).benchmark).toBeCloseTo(5.5, 12);
    expect((s.cost as MeasurePart).benchmark).toBeCloseTo(9400, 9);
    expect(s.units.map((u) => [u.unit, u.cases])).toEqual([
      ["A", 4],
      ["B", 3],
      ["C", 2],
    ]);
    const expected: [string, number, number[], number[]][] = [
      ["A", 1.5, [8, 16 / 3, 8.25, -0.25], [15000, 10000, 14100, 900]],
      ["B", 1.0, [5, 5, 5.5, -0.5], [8000, 8000, 9400, -1400]],
      ["C", 0.5, [4, 8, 2.75, 1.25], [5000, 10000, 4700, 300]],
    ];
    for (const [key, cmi, los, cost] of expected) {
      const u = unit(s, key);
      expect(u.cmi).toBeCloseTo(cmi, 12);
      const l = u.los!;
      [l.mean, l.standardized, l.target, l.gap].forEach((v, i) => expect(v).toBeCloseTo(los[i], 9));
      const c = u.cost!;
      [c.mean, c.standardized, c.target, c.gap].forEach((v, i) => expect(v).toBeCloseTo(cost[i], 6));
    }
    expect(s.hospital.cases).toBe(9);
    expect(s.hospital.cmi).toBeCloseTo(10 / 9, 12);
    expect(s.hospital.los!.target).toBeCloseTo(55 / 9, 12);
    expect(s.hospital.los!.gap).toBeCloseTo(0, 12);
    expect(s.hospital.cost!.gap).toBeCloseTo(0, 6);
  });

  it("counts the rows it leaves out, by reason", () => {
    expect(s.rows).toEqual({ used: 4, skipped: { otherYear: 4, noWeight: 1, noLos: 1, emptyUnit: 1 } });
    expect((s.cmi as CmiPart).rows).toEqual({ used: 9, skipped: { noWeight: 1, emptyUnit: 1 } });
  });

  it("CMI: per period, slope, latest, own best period, target", () => {
    expect((s.cmi as CmiPart).periods).toEqual(["2023", "2024"]);
    const expected: [string, number[], number, number, number][] = [
      ["A", [1, 1.5], 0.5, 1.5, 1.5],
      ["B", [1.5, 1], -0.5, 1.5, 1.15],
      ["C", [0.5, 0.5], 0, 0.5, 0.5],
    ];
    for (const [key, byPeriod, slope, benchmark, target] of expected) {
      const t = unit(s, key).cmiTarget!;
      t.cmiByPeriod.forEach((v, i) => expect(v).toBeCloseTo(byPeriod[i], 12));
      expect(t.slope).toBeCloseTo(slope, 12);
      expect(t.latest).toBeCloseTo(byPeriod[1], 12);
      expect(t.latestPeriod).toBe("2024");
      expect(t.benchmark).toBeCloseTo(benchmark, 12);
      expect(t.benchmarkSource).toBe("best");
      expect(t.target).toBeCloseTo(target, 12);
    }
    const h = s.hospital.cmiTarget!;
    expect(h.cmiByPeriod[0]).toBeCloseTo(1, 12);
    expect(h.cmiByPeriod[1]).toBeCloseTo(1.1, 12);
    expect(h.slope).toBeCloseTo(0.1, 12);
    expect(h.target).toBeCloseTo(1.1, 12);
  });

  it("a percentile benchmark, a given value and a benchmark CMI table", () => {
    const p50 = section(
      build(ROWS, { losBenchmark: { kind: "percentile", p: 0.5 }, costBenchmark: { kind: "value", value: 10000 } }),
    );
    expect((p50.los as MeasurePart).benchmark).toBeCloseTo(16 / 3, 12);
    expect(unit(p50, "A").los!.target).toBeCloseTo(8, 12);
    expect(unit(p50, "C").los!.target).toBeCloseTo(8 / 3, 12);
    expect(unit(p50, "B").cost!.target).toBeCloseTo(10000, 9);
    const table = { table: weightTable(["A", "C"], [2, 0.4]), name: "cmi.csv" };
    const withTable = section(build(ROWS, { cmiBenchmark: table }));
    expect(unit(withTable, "A").cmiTarget).toMatchObject({ benchmark: 2, benchmarkSource: "table" });
    expect(unit(withTable, "A").cmiTarget!.target).toBeCloseTo(1.65, 12);
    expect(unit(withTable, "B").cmiTarget!.target).toBeCloseTo(1.15, 12);
    expect(unit(withTable, "C").cmiTarget).toMatchObject({ benchmark: 0.4, benchmarkSource: "table", target: 0.5 });
    expect((withTable.cmi as CmiPart).benchmarkName).toBe("cmi.csv");
  });

  it("without a 住院天数 column the LOS part is a reason, the rest is still there", () => {
    const rows = ROWS.map((r) => [r[0], r[1], r[2], r[3], r[5]]);
    const t = section(build(rows));
    expect(t.los).toEqual({
      available: false,
      reason: expect.objectContaining({ zh: expect.stringContaining("住院天数") }),
    });
    expect(t.units.every((u) => u.los === undefined)).toBe(true);
    // B's row with a blank LOS now counts: hospital cost 102,000 / weight 11; A's target 1.5 x that.
    expect((t.cost as MeasurePart).benchmark).toBeCloseTo(102000 / 11, 9);
    expect(unit(t, "A").cost!.gap).toBeCloseTo(15000 - (1.5 * 102000) / 11, 6);
    const sheet = trendsWorkbook(build(rows), "en").sheets[1];
    const table = sheet.blocks.find((b) => b.kind === "table") as TableBlock;
    expect(table.columns.map((c) => c.id)).not.toContain("meanLos");
    expect(sheet.blocks.some((b) => b.kind === "text" && b.style === "warning" && /length of stay/.test(b.text))).toBe(
      true,
    );
  });

  it("without a year the CMI part is a reason; LOS and cost use every row", () => {
    const rows = ROWS.map((r) => [r[0], r[1], r[3], r[4], r[5]]);
    const t = section(build(rows));
    expect(t.cmi.available).toBe(false);
    expect(t.year).toBeUndefined();
    expect(t.rows.skipped.otherYear).toBeUndefined();
    expect(unit(t, "A").cases).toBe(8);
  });
});

describe("the targets sheet and JSON", () => {
  const report = build(ROWS);

  it("a sheet of its own, with the rules, typed columns, the hospital row and red gaps", () => {
    for (const lang of ["zh", "en"] as const) {
      const sheet = trendsWorkbook(report, lang).sheets[1];
      expect(sheet.name).toBe(lang === "zh" ? "目标" : "Targets");
      const notes = sheet.blocks
        .filter((b) => b.kind === "text" && b.style === "note")
        .map((b) => (b as { text: string }).text);
      expect(notes[0]).toContain(
        lang === "zh"
          ? "目标平均住院日 = CMI × 标杆标化住院日（5.50 天"
          : "Target LOS = CMI × benchmark standardized LOS (5.50 days",
      );
      expect(notes[2]).toContain(
        lang === "zh" ? "0.30 × max(0, 标杆 − 最近一期)" : "0.30 × max(0, benchmark − latest)",
      );
      // Three tables, each opening with unit, cases and CMI so it prints on its own.
      const tables = sheet.blocks.filter((b) => b.kind === "table") as TableBlock[];
      const key = [
        ["unit", "text"],
        ["cases", "integer"],
        ["cmi", "weight"],
      ];
      expect(tables.map((t) => t.columns.map((c) => [c.id, c.type]))).toEqual([
        [...key, ["meanLos", "number"], ["stdLos", "number"], ["targetLos", "number"], ["losGap", "number"]],
        [...key, ["meanCost", "money"], ["stdCost", "money"], ["targetCost", "money"], ["costGap", "money"]],
        [
          ...key,
          ["cmi_0", "weight"],
          ["cmi_1", "weight"],
          ["slope", "weight"],
          ["latest", "weight"],
          ["benchmark", "weight"],
          ["benchmarkFrom", "text"],
          ["cmiTarget", "weight"],
        ],
      ]);
      const [los, cost, cmi] = tables;
      expect(cmi.columns[3].header).toBe(lang === "zh" ? "CMI（2023）" : "CMI 2023");
      expect(los.rows.map((r) => r[0])).toEqual(["A", "B", "C"]);
      expect(los.rows[0][6]).toBeCloseTo(-0.25, 12);
      expect(cmi.rows[1][8]).toBe(lang === "zh" ? "最好一期 2023" : "best period 2023");
      expect(los.totalRow![0]).toBe(lang === "zh" ? "全院" : "Hospital");
      expect(los.totalRow![1]).toBe(9);
      expect(los.conditionalFormats!.map((f) => [f.columnId, f.rule.kind])).toEqual([["losGap", "greaterThan"]]);
      expect(cost.conditionalFormats!.map((f) => [f.columnId, f.rule.kind])).toEqual([["costGap", "greaterThan"]]);
      expect(cmi.conditionalFormats).toEqual([]);
      const cells = tables.flatMap((t) => [...t.rows, t.totalRow!].flat());
      expect(cells.every((v) => typeof v !== "number" || Number.isFinite(v))).toBe(true);
      expect(sheet.freeze).toEqual({ rows: 0, columns: 1 });
    }
  });

  it("JSON: the rules, benchmarks and a row a unit, NaN as null", () => {
    const j = trendsJson(report, "en").targets as Record<string, any>;
    expect(j.available).toBe(true);
    expect(j.year).toBe("2024");
    expect(j.los).toEqual({ available: true, rule: "hospital", benchmark: expect.any(Number) });
    expect(j.los.benchmark).toBeCloseTo(5.5, 12);
    expect(j.cmi).toMatchObject({ available: true, periods: ["2023", "2024"], share: 0.3, benchmarkTable: null });
    expect(j.units.map((u: { unit: string }) => u.unit)).toEqual(["A", "B", "C"]);
    expect(j.units[2].cost.gap).toBeCloseTo(300, 6);
    expect(j.units[1].cmiTarget.target).toBeCloseTo(1.15, 12);
    expect(j.hospital.unit).toBeNull();
    expect(trendsJson(build(ROWS, { losBenchmark: { kind: "percentile", p: 0.25 } }), "en").parameters).toMatchObject({
      targetShare: 0.3,
      losBenchmark: "p25",
      costBenchmark: "hospital",
      cmiBenchmark: null,
    });
    const one = trendsJson(build(ROWS.filter((r) => r[2] !== 2023)), "zh").targets as Record<string, any>;
    expect(one.units[0].cmiTarget.slope).toBeNull();
  });
});

describe("prepayment in the curve section", () => {
  it("expected cost x this year's cases per unit, and the total", () => {
    const c = build(ROWS).curve as CurveSection;
    expect(c.year).toBe("2024");
    for (const u of c.units) expect(u.prepayment).toBeCloseTo(u.expected * u.cases, 6);
    const total = c.units.reduce((s, u) => s + u.prepayment, 0);
    expect(c.prepayment).toEqual({ total: expect.any(Number), units: 3, cases: 10 });
    expect(c.prepayment.total).toBeCloseTo(total, 6);
    const table = trendsWorkbook(build(ROWS), "en")
      .sheets[0].blocks.filter((b) => b.kind === "table")
      .pop() as TableBlock;
    expect(table.columns.map((col) => col.id)).toContain("prepayment");
    expect(table.totalRow![8]).toBeCloseTo(total, 6);
  });
});

describe("the benchmark rule as typed", () => {
  it("hospital, pNN, a value; anything else undefined", () => {
    expect(parseTargetBenchmark("")).toEqual({ kind: "hospital" });
    expect(parseTargetBenchmark(" Hospital ")).toEqual({ kind: "hospital" });
    expect(parseTargetBenchmark("全院")).toEqual({ kind: "hospital" });
    expect(parseTargetBenchmark("p25")).toEqual({ kind: "percentile", p: 0.25 });
    expect(parseTargetBenchmark("P100")).toEqual({ kind: "percentile", p: 1 });
    expect(parseTargetBenchmark("7.5")).toEqual({ kind: "value", value: 7.5 });
    expect(parseTargetBenchmark("7.5", false)).toBeUndefined();
    for (const bad of ["p101", "0", "-3", "median", "p", "1e3"]) expect(parseTargetBenchmark(bad)).toBeUndefined();
  });
});

describe("properties", () => {
  const row = fc.tuple(
    fc.constantFrom("A", "B", "C"),
    fc.constantFrom("G1", "G2", "G3"),
    fc.constantFrom(2022, 2023, 2024),
    fc.integer({ min: 1, max: 20 }),
    fc.integer({ min: 1, max: 30 }),
    fc.integer({ min: 1000, max: 90000 }),
  );

  it("with target share 0 every CMI target is the latest CMI; the hospital is on its own LOS and cost target", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), (rows) => {
        const s = section(build([HEADERS, ...rows], { targetShare: 0 }));
        for (const u of [...s.units, s.hospital]) {
          if (u.cmiTarget) expect(u.cmiTarget.target).toBe(u.cmiTarget.latest);
        }
        if (s.hospital.los) expect(Math.abs(s.hospital.los.gap)).toBeLessThan(1e-9 * s.hospital.los.mean);
        if (s.hospital.cost) expect(Math.abs(s.hospital.cost.gap)).toBeLessThan(1e-9 * s.hospital.cost.mean);
      }),
      { numRuns: 60 },
    );
  });

  it("a CMI target is never below the latest CMI nor above the benchmark when the benchmark is higher", () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 25 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, share) => {
          const s = section(build([HEADERS, ...rows], { targetShare: share }));
          for (const u of s.units) {
            const t = u.cmiTarget!;
            expect(t.target).toBeGreaterThanOrEqual(t.latest - 1e-12);
            expect(t.target).toBeLessThanOrEqual(Math.max(t.latest, t.benchmark) + 1e-12);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("casemix trends: the target options", () => {
  const SAMPLE = path.join(__dirname, "../../../samples/cases.csv");
  async function run(argv: string[]): Promise<{ code: number; stderr: string }> {
    let stderr = "";
    const code = await main(argv, { stdout: () => undefined, stderr: (t) => (stderr += t) });
    return { code, stderr };
  }

  it("parses the share and the benchmark rules", () => {
    const o = parseTrendsArgs(
      [SAMPLE, "--target-share", "0.5", "--target-benchmark", "p25", "--cost-benchmark", "9000"],
      "en",
    );
    expect(o.targetShare).toBe(0.5);
    expect(o.losBenchmark).toEqual({ kind: "percentile", p: 0.25 });
    expect(o.costBenchmark).toEqual({ kind: "value", value: 9000 });
    const d = parseTrendsArgs([SAMPLE], "en");
    expect([d.targetShare, d.losBenchmark, d.costBenchmark]).toEqual([0.3, { kind: "hospital" }, { kind: "hospital" }]);
  });

  it("bad values are usage errors (exit 2) in the language asked", async () => {
    let r = await run(["trends", SAMPLE, "--target-share", "1.5", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--target-share: "1.5" is not a number from 0 to 1');
    r = await run(["trends", SAMPLE, "--target-share", "x", "--lang", "zh"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--target-share："x" 不是 0 到 1 之间的数');
    r = await run(["trends", SAMPLE, "--target-benchmark", "7", "--lang", "zh"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("给定值请用 --los-benchmark 或 --cost-benchmark");
    r = await run(["trends", SAMPLE, "--los-benchmark", "p101", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--los-benchmark: "p101" is not hospital, a percentile pNN (p0 to p100) or a standardized value above 0',
    );
    r = await run(["trends", SAMPLE, "--cost-benchmark", "", "--lang", "en"]);
    expect(r.code).toBe(2);
  });
});
