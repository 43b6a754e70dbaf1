import * as fc from "fast-check";
import { costIndex, timeIndex } from "../../src/functions/efficiency";
import { setLanguage } from "../../src/functions/excel";
import { col } from "../helpers/cells";

function excelErr(f: () => unknown): { code: string; message?: string } {
  try {
    f();
  } catch (e) {
    expect(typeof (e as { code: unknown }).code).toBe("string");
    return e as { code: string; message?: string };
  }
  throw new Error("expected an Excel error");
}

beforeEach(() => setLanguage("en"));
afterAll(() => setLanguage(undefined));

const BENCHMARK = [
  ["DRG", "平均费用"],
  ["GB11", 8000],
  ["ES21", 4000],
];

describe("DRG.COST_INDEX", () => {
  it("against a benchmark table", () => {
    // GB11: 9,000 and 11,000 against 8,000; ES21: 3,000 against 4,000
    // (9,000/8,000 + 11,000/8,000 + 3,000/4,000) / 3 = (1.125 + 1.375 + 0.75) / 3 = 1.083333
    const v = costIndex(col("DRG编码", "GB11", "GB11", "ES21"), col("住院总费用", 9000, "11,000", 3000), undefined, BENCHMARK);
    expect(v).toHaveLength(1);
    expect(v[0][0]).toBeCloseTo(3.25 / 3, 12);
  });

  it("by a unit, with cases in groups without a benchmark counted apart", () => {
    // 心内科: GB11 12,000 (1.5), FR23 5,000 (no benchmark) -> index 1.5, 1 case, mean 12,000, 1 without
    // 呼吸科: ES21 2,000 (0.5), ES21 6,000 (1.5) -> index 1, 2 cases, mean 4,000, 0 without
    const out = costIndex(
      col("GB11", "FR23", "ES21", "ES21"),
      col(12000, 5000, 2000, 6000),
      col("心内科", "心内科", "呼吸科", "呼吸科"),
      BENCHMARK,
    );
    // pinyin: 心 (xin) after 呼 (hu)
    expect(out).toEqual([
      ["呼吸科", 1, 2, 4000, 0],
      ["心内科", 1.5, 1, 12000, 1],
    ]);
    // scalar: (1.5 + 0.5 + 1.5) / 3, FR23 left out
    expect(costIndex(col("GB11", "FR23", "ES21", "ES21"), col(12000, 5000, 2000, 6000), undefined, BENCHMARK)[0][0]).toBeCloseTo(
      3.5 / 3,
      12,
    );
  });

  it("without a benchmark table, the benchmark is each group's mean over the rows passed", () => {
    // GB11 mean (10 + 20 + 30) / 3 = 20; ES21 mean (4 + 8) / 2 = 6
    // A: GB11 10, ES21 8: (0.5 + 1.333333) / 2 = 0.916667, mean cost 9
    // B: GB11 20, GB11 30, ES21 4: (1 + 1.5 + 0.666667) / 3 = 1.055556, mean cost 18
    // overall: 5 / 5 = 1
    const g = col("GB11", "ES21", "GB11", "GB11", "ES21");
    const c = col(10, 8, 20, 30, 4);
    const out = costIndex(g, c, col("A", "A", "B", "B", "B"));
    expect(out[0][0]).toBe("A");
    expect(out[0][1]).toBeCloseTo((0.5 + 8 / 6) / 2, 12);
    expect(out[0].slice(2)).toEqual([2, 9, 0]);
    expect(out[1][1]).toBeCloseTo((1 + 1.5 + 4 / 6) / 3, 12);
    expect(costIndex(g, c)[0][0]).toBeCloseTo(1, 12);
  });

  it("with counts, a row is that many cases at its average cost", () => {
    // 30 cases at 1,200 and 10 at 800 against 1,000: (30 x 1.2 + 10 x 0.8) / 40 = 1.1
    expect(costIndex(col("GB11", "GB11"), col(1200, 800), undefined, [["GB11", 1000]], col(30, 10))[0][0]).toBeCloseTo(1.1, 12);
  });

  it("is #DIV/0! when no case has a benchmark", () => {
    expect(costIndex(col("FR23"), col(100), undefined, BENCHMARK)).toEqual([[{ code: "#DIV/0!" }]]);
    const out = costIndex(col("FR23"), col(100), col("A"), BENCHMARK);
    expect(out).toEqual([["A", { code: "#DIV/0!" }, 0, { code: "#DIV/0!" }, 1]]);
  });

  it('names the argument and row of a bad cost: `costs row 501: "n/a" is not a number`', () => {
    const groups: unknown[][] = [["DRG编码"]];
    const costs: unknown[][] = [["住院总费用"]];
    for (let i = 0; i < 600; i++) {
      groups.push(["GB11"]);
      costs.push([1000 + i]);
    }
    costs[500] = ["n/a"]; // row 501 of the range
    expect(excelErr(() => costIndex(groups, costs)).message).toBe('costs row 501: "n/a" is not a number');
    setLanguage("zh");
    expect(excelErr(() => costIndex(groups, costs)).message).toBe('costs 第 501 行："n/a" 不是数字');
    setLanguage("en");
    costs[500] = [-5];
    expect(excelErr(() => costIndex(groups, costs)).message).toBe("costs row 501: -5 is negative; it must be zero or more");
    costs[500] = [new Error("#N/A")];
    expect(excelErr(() => costIndex(groups, costs)).message).toBe('costs row 501: "#N/A" is an error value, not a number');
  });

  it("a first row is a header only when it is text in every numeric argument", () => {
    // counts' first cell is a number: "费用" is then data, and not a number
    const e = excelErr(() => costIndex(col("GB11", "GB11"), col("费用", 100), undefined, undefined, col(1, 1)));
    expect(e.message).toBe('costs row 1: "费用" is not a number');
  });

  it("ranges of different sizes are #VALUE! with both sizes", () => {
    const e = excelErr(() => costIndex(col("GB11", "GB11", "ES21"), col(1, 2)));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("costs has 2 rows but groups has 3; they must be the same size");
  });
});

describe("DRG.TIME_INDEX", () => {
  it("against a benchmark of days, and the skipped note names the length of stay", () => {
    // 内科: GB11 12 days against 10 (1.2), ES21 3 days against 6 (0.5): (1.2 + 0.5) / 2 = 0.85
    // one row with a blank length of stay and one with an empty group are skipped
    const out = timeIndex(
      col("GB11", "ES21", "ES21", null),
      col(12, 3, null, 5),
      col("内科", "内科", "内科", "内科"),
      [["GB11", 10], ["ES21", 6]],
    );
    expect(out[0][0]).toBe("内科");
    expect(out[0][1]).toBeCloseTo(0.85, 12);
    expect(out[0].slice(2)).toEqual([2, 7.5, 0]);
    expect(out[1]).toEqual(["(skipped: 1 with an empty group, 1 with a blank length of stay)", "", "", "", ""]);
    setLanguage("zh");
    expect(
      timeIndex(col("GB11", "ES21", "ES21", null), col(12, 3, null, 5), col("内科", "内科", "内科", "内科"), [["GB11", 10], ["ES21", 6]])[1][0],
    ).toBe("（已跳过：1 行病组为空，1 行住院天数为空）");
  });

  it("without a benchmark table, against each group's mean length of stay over the rows passed", () => {
    // GB11 mean (8 + 12) / 2 = 10; ES21 mean (2 + 6 + 4) / 3 = 4
    // x: GB11 8 (0.8), ES21 6 (1.5): (0.8 + 1.5) / 2 = 1.15, mean stay 7
    // y: GB11 12 (1.2), ES21 2 (0.5), ES21 4 (1): (1.2 + 0.5 + 1) / 3 = 0.9, mean stay 6
    const g = col("DRG", "GB11", "ES21", "GB11", "ES21", "ES21");
    const los = col("住院天数", 8, 6, 12, 2, 4);
    const out = timeIndex(g, los, col("科室", "x", "x", "y", "y", "y"));
    expect(out.map((r) => r[0])).toEqual(["x", "y"]);
    expect(out[0][1]).toBeCloseTo(1.15, 12);
    expect(out[0].slice(2)).toEqual([2, 7, 0]);
    expect(out[1][1]).toBeCloseTo(0.9, 12);
    expect(out[1].slice(2)).toEqual([3, 6, 0]);
    // overall: (0.8 + 1.5 + 1.2 + 0.5 + 1) / 5 = 1
    expect(timeIndex(g, los)[0][0]).toBeCloseTo(1, 12);
  });

  it("names los in messages", () => {
    expect(excelErr(() => timeIndex(col("GB11", "GB11"), col(4, "三天"))).message).toBe('los row 2: "三天" is not a number');
    // a lone text first row is a header: nothing is left to index
    expect(timeIndex(col("GB11"), col("三天"))).toEqual([[{ code: "#DIV/0!" }]]);
  });
});

describe("efficiency indices: properties", () => {
  const rowsArb = fc.array(
    fc.record({
      g: fc.constantFrom("A1", "A3", "B1"),
      k: fc.constantFrom("x", "y"),
      v: fc.integer({ min: 1, max: 100000 }),
      n: fc.integer({ min: 1, max: 20 }),
    }),
    { minLength: 1, maxLength: 40 },
  );
  const run = (rows: { g: string; k: string; v: number; n: number }[], by: boolean) =>
    costIndex(
      col(...rows.map((r) => r.g)),
      col(...rows.map((r) => r.v)),
      by ? col(...rows.map((r) => r.k)) : undefined,
      undefined,
      col(...rows.map((r) => r.n)),
    );

  it("against the data itself the index is 1; sorting or duplicating rows changes no index", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        expect(Math.abs((run(rows, false)[0][0] as number) - 1)).toBeLessThanOrEqual(1e-12);
        const base = run(rows, true);
        const sorted = run(rows.slice().sort((a, b) => a.v - b.v), true);
        const doubled = run(rows.concat(rows), true);
        base.forEach((row, i) => {
          expect(sorted[i][1]).toBeCloseTo(row[1] as number, 12);
          expect(doubled[i][1]).toBeCloseTo(row[1] as number, 12);
          expect(doubled[i][2]).toBe(2 * (row[2] as number));
          expect(doubled[i][3]).toBeCloseTo(row[3] as number, 9);
        });
      }),
    );
  });
});
