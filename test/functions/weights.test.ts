import * as fc from "fast-check";
import { cmi } from "../../src/functions/caseMix";
import { setLanguage } from "../../src/functions/excel";
import { drgWeight, drgWeightStd } from "../../src/functions/weights";

const col = (...cells: unknown[]): unknown[][] => cells.map((c) => [c]);
const NA = { code: "#N/A" };

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

// Group A: 10, 12, 13, 14, 100; group B: 20 x 5 (rows interleaved, header row first).
const GROUPS = col("DRG编码", "A", "B", "A", "B", "A", "B", "A", "B", "A", "B");
const COSTS = col("住院总费用", 10, 20, 12, 20, 13, 20, 14, 20, 100, 20);

/** The spill without its optional trailing note, as [code, weight, cases, kept, mean cost, reliable]. */
function spill(...args: unknown[]): unknown[][] {
  return (drgWeight as (...a: unknown[]) => unknown[][])(GROUPS, COSTS, undefined, ...args);
}

function expectRow(row: unknown[], code: string, weight: number, cases: number, kept: number, meanCost: number, reliable = true) {
  expect(row[0]).toBe(code);
  expect(row[1]).toBeCloseTo(weight, 12);
  expect(row[2]).toBe(cases);
  expect(row[3]).toBe(kept);
  expect(row[4]).toBeCloseTo(meanCost, 9);
  expect(row[5]).toBe(reliable);
}

describe("DRG.DRG_WEIGHT: each trimming method on a small example", () => {
  it('trim "none": mean A 149 / 5 = 29.8, B 20, all (149 + 100) / 10 = 24.9', () => {
    const out = spill("none");
    expect(out).toHaveLength(2);
    expectRow(out[0], "A", 29.8 / 24.9, 5, 5, 29.8); // 1.196787
    expectRow(out[1], "B", 20 / 24.9, 5, 5, 20); // 0.803213
  });

  it('trim "iqr" (k 1.5): A has Q1 12, Q3 14, fences 9..17, so 100 goes', () => {
    // A kept 10, 12, 13, 14: mean 12.25; B: IQR 0, fences 20..20, all kept
    // all = (49 + 100) / 9 = 16.5556; RW_A = 12.25 / 16.5556 = 0.739933, RW_B = 20 / 16.5556 = 1.208054
    const out = spill("iqr");
    expectRow(out[0], "A", 12.25 / (149 / 9), 5, 4, 12.25);
    expectRow(out[1], "B", 20 / (149 / 9), 5, 5, 20);
  });

  it('trim "sd": k 3 keeps all five (no value of five can be 3 SD out); k 1.5 drops 100', () => {
    // A: mean 29.8, squared deviations 392.04 + 316.84 + 282.24 + 249.64 + 4928.04 = 6168.8,
    // SD = sqrt(6168.8 / 4) = 39.271; k 3: 29.8 +- 117.8 keeps all; k 1.5: -29.1..88.7 drops 100
    expect(spill("sd").map((r) => r[3])).toEqual([5, 5]);
    expect(spill("sd")[0][1]).toBeCloseTo(29.8 / 24.9, 12);
    const out = spill("sd", 1.5);
    expectRow(out[0], "A", 12.25 / (149 / 9), 5, 4, 12.25);
  });

  it('trim "logsd" (the default): k 3 keeps all; k 1.5 drops 100', () => {
    // ln A = 2.302585, 2.484907, 2.564949, 2.639057, 4.605170: mean 2.919334, SD 0.950696
    // k 3: 2.919 +- 2.852 -> e^0.067..e^5.771 = 1.07..321 keeps all
    // k 1.5: 2.919 +- 1.426 -> e^1.4933..e^4.3454 = 4.45..77.1 drops 100
    const byDefault = drgWeight(GROUPS, COSTS);
    expect(byDefault.map((r) => r[3])).toEqual([5, 5]);
    expect(byDefault[0][1]).toBeCloseTo(29.8 / 24.9, 12);
    expect(spill("logsd")).toEqual(byDefault);
    expectRow(spill("LogSD", 1.5)[0], "A", 12.25 / (149 / 9), 5, 4, 12.25);
  });

  it('trim "percentile" (default 5% from each tail): A keeps 12, 13, 14', () => {
    // A sorted 10, 12, 13, 14, 100: P5 h = 4 x 0.05 = 0.2 -> 10.4; P95 h = 3.8 -> 14 + 0.8 x 86 = 82.8
    // A kept 12, 13, 14: mean 13; B all kept; all = (39 + 100) / 8 = 17.375
    // RW_A = 13 / 17.375 = 0.748201, RW_B = 20 / 17.375 = 1.151079
    const out = spill("percentile");
    expectRow(out[0], "A", 13 / 17.375, 5, 3, 13);
    expectRow(out[1], "B", 20 / 17.375, 5, 5, 20);
    // trim_k 30 cuts 30% from each tail: P30 h = 1.2 -> 12.2, P70 h = 2.8 -> 13.8: A keeps 13
    // all = (13 + 100) / 6; RW_A = 13 / 18.8333 = 0.690265
    expectRow(spill("percentile", 30)[0], "A", 13 / (113 / 6), 5, 1, 13);
    expect(excelErr(() => spill("percentile", 50)).message).toMatch(/^trim_k: for percentile trimming/);
  });

  it("min_cases: smaller groups are not trimmed and are flagged unreliable", () => {
    // min 6 > 5 cases: nothing trimmed, same weights as "none", reliable FALSE
    const out = spill("iqr", undefined, 6);
    expectRow(out[0], "A", 29.8 / 24.9, 5, 5, 29.8, false);
    expectRow(out[1], "B", 20 / 24.9, 5, 5, 20, false);
  });

  it("rejects unknown methods and bad numbers with #VALUE!", () => {
    expect(excelErr(() => spill("median")).message).toBe('trim: "median" is not one of logsd, sd, iqr, percentile, none');
    expect(excelErr(() => spill("iqr", -1)).code).toBe("#VALUE!");
    expect(excelErr(() => spill("none", undefined, 2.5)).message).toBe('min_cases: "2.5" must be a whole number of at least 1');
    setLanguage("zh");
    expect(excelErr(() => spill("median")).message).toBe('trim："median" 不是可选值之一（logsd、sd、iqr、percentile、none）');
  });
});

describe("DRG.DRG_WEIGHT: lookup, counts, years, scale, normalize", () => {
  it("lookup returns the weights in the shape of lookup, #N/A for an unknown code", () => {
    const w = (lookup: unknown) => drgWeight(GROUPS, COSTS, lookup as any[][], "none");
    const out = w(col(" b", "ａ", "XX99"));
    expect(out).toHaveLength(3);
    expect(out[0][0]).toBeCloseTo(20 / 24.9, 12);
    expect(out[1][0]).toBeCloseTo(29.8 / 24.9, 12);
    expect(out[2]).toEqual([NA]);
    const row = w([["A", "B", ""]]);
    expect(row).toHaveLength(1);
    expect(row[0]).toHaveLength(3);
    expect(row[0][2]).toEqual(NA);
    expect(w([["a"]])[0][0]).toBeCloseTo(29.8 / 24.9, 12);
  });

  it("with counts, a row stands for that many cases at its average cost", () => {
    // A: 3 cases at 10 and 1 at 40 -> mean 70 / 4 = 17.5; B: 4 cases at 20
    // all = (70 + 80) / 8 = 18.75; RW_A = 17.5 / 18.75 = 0.933333, RW_B = 20 / 18.75 = 1.066667
    const out = drgWeight(col("A", "A", "B"), col(10, 40, 20), undefined, "none", undefined, undefined, col(3, 1, 4));
    expectRow(out[0], "A", 17.5 / 18.75, 4, 4, 17.5, false);
    expectRow(out[1], "B", 20 / 18.75, 4, 4, 20, false);
    expect(drgWeight(col("A", "A", "B"), col(10, 40, 20), undefined, "none", undefined, 4, col(3, 1, 4))[0][5]).toBe(true);
  });

  describe("years with year_weights", () => {
    // 2021: A 10, B 30 (all 20); 2022: A 20, B 40 (all 30); 2023: A 30, B 30 (all 30)
    const g = col("A", "B", "A", "B", "A", "B");
    const c = col(30, 30, 10, 30, 20, 40);
    const years = col(2023, 2023, 2021, 2021, "2022", 2022);
    const run = (yearWeights?: unknown) =>
      drgWeight(g, c, undefined, "none", undefined, undefined, undefined, years, yearWeights as any[][]);

    it('blends 1:2:7, oldest to newest: "1,2,7", a range, or the default for three years', () => {
      // A = (1 x 10 + 2 x 20 + 7 x 30) / 10 = 26; B = (30 + 80 + 210) / 10 = 32; all = (20 + 60 + 210) / 10 = 29
      // RW_A = 26 / 29 = 0.896552, RW_B = 32 / 29 = 1.103448
      for (const out of [run("1,2,7" as unknown), run([["1,2,7"]]), run([[1, 2, 7]]), run(col(1, 2, 7)), run()]) {
        expect(out[0][0]).toBe("A");
        expect(out[0][1]).toBeCloseTo(26 / 29, 12);
        expect(out[0][4]).toBeCloseTo(26, 12);
        expect(out[1][1]).toBeCloseTo(32 / 29, 12);
      }
    });

    it("equal year weights give the plain mean of the year means", () => {
      // A = (10 + 20 + 30) / 3 = 20; B = (30 + 40 + 30) / 3 = 33.333; all = (20 + 30 + 30) / 3 = 26.667
      const out = run("1，1，1");
      expect(out[0][1]).toBeCloseTo(0.75, 12);
      expect(out[1][1]).toBeCloseTo(1.25, 12);
    });

    it("rows with an empty year are skipped and counted in the note; an error value in years is #VALUE!", () => {
      const out = drgWeight(
        col(...g.map((r) => r[0]), "A"),
        col(...c.map((r) => r[0]), 999),
        undefined,
        "none",
        undefined,
        undefined,
        undefined,
        col(...years.map((r) => r[0]), null),
      );
      // the row without a year takes no part: the weights are those of the 1:2:7 example
      expect(out[0][1]).toBeCloseTo(26 / 29, 12);
      expect(out[2]).toEqual(["(skipped: 1 with an empty year)", "", "", "", "", ""]);
      expect(
        excelErr(() => drgWeight(g, c, undefined, "none", undefined, undefined, undefined, col(2023, 2023, 2021, { code: "#N/A" }, 2022, 2022)))
          .message,
      ).toBe('years row 4: "#N/A" is an error value');
    });

    it("a year_weights list of the wrong length, and years of the wrong size, are #VALUE!", () => {
      expect(excelErr(() => run("1,2")).message).toMatch(/^year_weights has 2 values but years has 3 distinct years \(2021, 2022, 2023\)/);
      expect(excelErr(() => drgWeight(g, c, undefined, "none", undefined, undefined, undefined, col(2021, 2022))).message).toBe(
        "years has 2 rows but groups has 6; they must be the same size",
      );
    });
  });

  it("scale multiplies every weight (DIP scores)", () => {
    const out = drgWeight(GROUPS, COSTS, undefined, "none", undefined, undefined, undefined, undefined, undefined, 100);
    expect(out[0][1]).toBeCloseTo((100 * 29.8) / 24.9, 10);
    expect(out[1][1]).toBeCloseTo((100 * 20) / 24.9, 10);
  });

  it("normalize rescales the weights to a case-weighted mean of exactly 1", () => {
    // iqr weights A 110.25 / 149, B 180 / 149 (five cases each): mean 290.25 / 298 = 0.973993
    // normalized: A 220.5 / 290.25 = 0.759690, B 360 / 290.25 = 1.240310
    const out = drgWeight(GROUPS, COSTS, undefined, "iqr", undefined, undefined, undefined, undefined, undefined, undefined, true);
    expect(out[0][1]).toBeCloseTo(220.5 / 290.25, 12);
    expect(out[1][1]).toBeCloseTo(360 / 290.25, 12);
    expect(cmi(GROUPS, out)[0][0]).toBeCloseTo(1, 12);
  });

  it("skips and counts rows with an empty group or a blank cost in a note row", () => {
    const out = drgWeight(col("A", "A", null, "B", "B"), col(10, null, 5, 20, 30), undefined, "none");
    // A: 10 (the blank cost is skipped); B: 25; all = (10 + 20 + 30) / 3 = 20: A 0.5, B 1.25
    expect(out[0][1]).toBeCloseTo(0.5, 12);
    expect(out[1][1]).toBeCloseTo(1.25, 12);
    expect(out[2]).toEqual(["(skipped: 1 with an empty group, 1 with a blank cost)", "", "", "", "", ""]);
    // the spill with its note can be passed back as a weight table: (0.5 + 1.25 + 1.25) / 3 = 1
    expect(cmi(col("A", "B", "B"), out)[0][0]).toBeCloseTo(1, 12);
  });

  it('bad costs are #VALUE! naming the row: `costs row 3: "n/a" is not a number`', () => {
    expect(excelErr(() => drgWeight(col("DRG", "A", "A"), col("cost", 10, "n/a"))).message).toBe(
      'costs row 3: "n/a" is not a number',
    );
    expect(excelErr(() => drgWeight(col("A", "A"), col(1, 2, 3))).message).toBe(
      "costs has 3 rows but groups has 2; they must be the same size",
    );
  });

  it("without trimming the case-weighted mean weight is exactly 1 (property)", () => {
    const rowsArb = fc.array(
      fc.record({
        g: fc.constantFrom("A1", "A3", "B1", "B5", "C9"),
        v: fc.double({ min: 1, max: 1e6, noNaN: true }),
        n: fc.integer({ min: 1, max: 50 }),
      }),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const groups = col(...rows.map((r) => r.g));
        const counts = col(...rows.map((r) => r.n));
        const table = drgWeight(groups, col(...rows.map((r) => r.v)), undefined, "none", undefined, undefined, counts);
        expect(Math.abs((cmi(groups, table, undefined, counts)[0][0] as number) - 1)).toBeLessThanOrEqual(1e-12);
      }),
    );
  });
});

describe("DRG.DRG_WEIGHT: order and duplication (properties)", () => {
  const rowsArb = fc.array(
    fc.record({
      g: fc.constantFrom("A1", "A3", "B1"),
      v: fc.integer({ min: 1, max: 100000 }),
      n: fc.integer({ min: 1, max: 5 }),
    }),
    { minLength: 1, maxLength: 40 },
  );
  const run = (rows: { g: string; v: number; n: number }[], trim: string, counts = true) =>
    drgWeight(
      col(...rows.map((r) => r.g)),
      col(...rows.map((r) => r.v)),
      undefined,
      trim,
      undefined,
      3,
      counts ? col(...rows.map((r) => r.n)) : undefined,
    );

  it.each(["none", "iqr", "sd", "logsd", "percentile"])("sorting rows never changes a weight (trim %s)", (trim) => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const base = run(rows, trim);
        const sorted = run(rows.slice().sort((a, b) => b.v - a.v || a.n - b.n), trim);
        expect(sorted.length).toBe(base.length);
        base.forEach((row, i) => {
          expect(sorted[i][0]).toBe(row[0]);
          expect(sorted[i][1]).toBeCloseTo(row[1] as number, 12);
          expect(sorted[i].slice(2, 4)).toEqual(row.slice(2, 4));
        });
      }),
    );
  });

  it("duplicating every row doubles the cases but no weight (trim none)", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const base = run(rows, "none");
        const doubled = run(rows.concat(rows), "none");
        base.forEach((row, i) => {
          expect(doubled[i][1]).toBeCloseTo(row[1] as number, 12);
          expect(doubled[i][2]).toBe(2 * (row[2] as number));
        });
      }),
    );
  });

  it("a row with counts n is the same as n rows (trim iqr)", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const expanded = rows.flatMap((r) => Array.from({ length: r.n }, () => r));
        const a = run(rows, "iqr");
        const b = run(expanded, "iqr", false);
        a.forEach((row, i) => {
          expect(b[i][1]).toBeCloseTo(row[1] as number, 12);
          expect(b[i].slice(2, 4)).toEqual(row.slice(2, 4));
        });
      }),
    );
  });
});

describe("DRG.DRG_WEIGHT_STD", () => {
  // two categories; A: (10, 0), (30, 4); B: (20, 8)
  // category means: all (20, 4); A (20, 2); B (20, 8)
  const groups = col("DRG", "A", "A", "B");
  const categories = [["医疗", "药品"], [10, 0], [30, 4], [20, 8]];

  it("equal shares by default: RW = 0.5 x mean_1(g) / mean_1(all) + 0.5 x mean_2(g) / mean_2(all)", () => {
    // A: 0.5 x 20/20 + 0.5 x 2/4 = 0.75; B: 0.5 x 20/20 + 0.5 x 8/4 = 1.5
    const out = drgWeightStd(groups, categories, undefined, undefined, 1);
    expect(out.map((r) => r[0])).toEqual(["A", "B"]);
    expect(out[0][1]).toBeCloseTo(0.75, 12);
    expect(out[1][1]).toBeCloseTo(1.5, 12);
    expect(out[0][2]).toBe(2);
    expect(out[0][5]).toBe(true);
  });

  it("shares given as text or a range; lookup; scale", () => {
    // shares 0, 1: A 2 / 4 = 0.5, B 8 / 4 = 2
    const out = drgWeightStd(groups, categories, "0,1" as unknown as any[][], col("B", "Q", "a"));
    expect(out[0][0]).toBeCloseTo(2, 12);
    expect(out[1]).toEqual([NA]);
    expect(out[2][0]).toBeCloseTo(0.5, 12);
    // shares 3 : 1 rescaled to 0.75, 0.25: A 0.75 x 1 + 0.25 x 0.5 = 0.875; x 1000
    const scaled = drgWeightStd(groups, categories, [[3, 1]], col("A"), undefined, undefined, 1000);
    expect(scaled[0][0]).toBeCloseTo(875, 9);
  });

  it("a shares list that does not match the categories is #VALUE!", () => {
    expect(excelErr(() => drgWeightStd(groups, categories, "0.2,0.2,0.6" as unknown as any[][])).message).toBe(
      "shares has 3 values but category_costs has 2 columns",
    );
  });
});
