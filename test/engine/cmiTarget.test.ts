import { internCodes, normalizeKey } from "../../src/engine/codes";
import { cmiTargets, trendSlope } from "../../src/engine/cmiTarget";
import { weightTable } from "../../src/engine/weightTable";

const table = weightTable(["GB11", "GB15", "ES21"], [2, 1, 0.5]);
// 外科 2022: GB15, GB15 (CMI 1); 2023: GB11, GB15 (1.5); 2024: GB11, GB15, GB15, ES21 (4.5 / 4 = 1.125)
// 内科 2022: ES21, ES21 (0.5); 2023: none; 2024: GB15, ES21 (0.75)
const rows: [string, string, number][] = [
  ["GB15", "外科", 2022],
  ["GB15", "外科", 2022],
  ["GB11", "外科", 2023],
  ["GB15", "外科", 2023],
  ["GB11", "外科", 2024],
  ["GB15", "外科", 2024],
  ["GB15", "外科", 2024],
  ["ES21", "外科", 2024],
  ["ES21", "内科", 2022],
  ["ES21", "内科", 2022],
  ["GB15", "内科", 2024],
  ["ES21", "内科", 2024],
];
const input = {
  groups: internCodes(rows.map((r) => r[0])),
  by: internCodes(
    rows.map((r) => r[1]),
    normalizeKey,
  ),
  periods: internCodes(
    rows.map((r) => r[2]),
    normalizeKey,
  ),
};

describe("cmiTargets: worked example", () => {
  it("trend, latest, own best period, target = latest + 0.3 x gap", () => {
    // 外科: slope of (1, 1), (2, 1.5), (3, 1.125): x̄ 2, ȳ 1.2083; ((-1)(-0.2083) + (1)(-0.0833)) / 2 = 0.0625
    //       latest 1.125, best 1.5, target 1.125 + 0.3 x 0.375 = 1.2375
    // 内科: slope of (1, 0.5), (3, 0.75) = 0.25 / 2 = 0.125; latest 0.75 = best: target 0.75
    const r = cmiTargets(input, table);
    expect(r.periods).toEqual(["2022", "2023", "2024"]);
    const [inner, surgery] = r.rows;
    expect(surgery.key).toBe("外科");
    expect(surgery.cases).toBe(8);
    expect(surgery.cmiByPeriod).toEqual([1, 1.5, 1.125]);
    expect(surgery.slope).toBeCloseTo(0.0625, 12);
    expect(surgery.latest).toBe(1.125);
    expect(surgery.benchmark).toBe(1.5);
    expect(surgery.benchmarkSource).toBe("best");
    expect(surgery.target).toBeCloseTo(1.2375, 12);
    expect(inner.cmiByPeriod).toEqual([0.5, NaN, 0.75]);
    expect(inner.slope).toBeCloseTo(0.125, 12);
    expect(inner.target).toBe(0.75);
  });

  it("a benchmark table, falling back to the best period for a unit it lacks; another share", () => {
    // 内科 0.9: 0.75 + 0.5 x 0.15 = 0.825; 外科 not in the table: best 1.5, 1.125 + 0.5 x 0.375 = 1.3125
    const benchmark = weightTable(["内科"], [0.9], { argName: "benchmark_table" });
    const r = cmiTargets(input, table, { benchmark, share: 0.5 });
    expect(r.rows[0].benchmarkSource).toBe("table");
    expect(r.rows[0].target).toBeCloseTo(0.825, 12);
    expect(r.rows[1].benchmarkSource).toBe("best");
    expect(r.rows[1].target).toBeCloseTo(1.3125, 12);
  });

  it("a benchmark below the latest value keeps the target at the latest value", () => {
    const benchmark = weightTable(["外科"], [1], { argName: "benchmark_table" });
    expect(cmiTargets(input, table, { benchmark }).rows[1].target).toBe(1.125);
  });

  it("refuses a share outside 0 to 1", () => {
    expect(() => cmiTargets(input, table, { share: 1.5 })).toThrow("share must be between 0 and 1");
  });

  it("trendSlope is Excel's SLOPE, NaN with one point", () => {
    // SLOPE({1,1.5,1.125},{1,2,3}) = 0.0625
    expect(trendSlope([1, 2, 3], [1, 1.5, 1.125])).toBeCloseTo(0.0625, 12);
    expect(trendSlope([2], [1])).toBeNaN();
  });
});
