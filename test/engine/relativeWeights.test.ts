import fc from "fast-check";
import { internCodes, normalizeKey } from "../../src/engine/codes";
import { GroupWeights, WeightOptions, relativeWeights, yearOrder } from "../../src/engine/relativeWeights";
import { CaseMixError } from "../../src/engine/text";
import { TrimMethod } from "../../src/engine/trimming";
import { loadCms } from "../helpers/cmsData";

function rw(
  codes: unknown[],
  costs: number[],
  options: WeightOptions = {},
  extra: { counts?: number[]; years?: unknown[] } = {},
): GroupWeights {
  return relativeWeights(
    {
      groups: internCodes(codes),
      costs: Float64Array.from(costs),
      counts: extra.counts && Float64Array.from(extra.counts),
      years: extra.years && internCodes(extra.years, normalizeKey),
    },
    options,
  );
}

function weightOf(w: GroupWeights, code: string): number {
  const at = w.codes.indexOf(code);
  if (at < 0) throw new Error(`no group ${code}`);
  return w.weight[at];
}

function caughtError(f: () => unknown): CaseMixError {
  try {
    f();
  } catch (e) {
    if (e instanceof CaseMixError) return e;
    throw e;
  }
  throw new Error("expected a CaseMixError");
}

describe("relativeWeights by hand", () => {
  test("no trimming: group mean over all-case mean", () => {
    // all-case mean (10 + 20 + 30) / 3 = 20; A: 15 / 20 = 0.75; B: 30 / 20 = 1.5
    const w = rw(["B", "a", "A"], [30, 10, 20], { trim: { method: "none" } });
    expect(w.codes).toEqual(["A", "B"]);
    expect(Array.from(w.weight)).toEqual([0.75, 1.5]);
    expect(Array.from(w.meanCost)).toEqual([15, 30]);
    expect(w.allCaseMean).toBe(20);
    expect(Array.from(w.cases)).toEqual([2, 1]);
    expect(Array.from(w.reliable)).toEqual([0, 0]); // fewer than 5 cases
  });

  test("iqr trims 100 from [10, 12, 13, 14, 100] before both means", () => {
    // A: bounds 9..17 keep 10, 12, 13, 14: mean 49 / 4 = 12.25; B: 20 x 5, IQR 0, bounds 20..20 keep all
    // all-case mean over kept cases (49 + 100) / 9 = 16.5556
    // RW_A = 12.25 / 16.5556 = 0.73993; RW_B = 20 / 16.5556 = 1.20805
    const w = rw(["A", "A", "A", "A", "A", "B", "B", "B", "B", "B"], [10, 12, 13, 14, 100, 20, 20, 20, 20, 20], {
      trim: { method: "iqr" },
    });
    expect(w.allCaseMean).toBeCloseTo(149 / 9, 12);
    expect(weightOf(w, "A")).toBeCloseTo(12.25 / (149 / 9), 12);
    expect(weightOf(w, "B")).toBeCloseTo(20 / (149 / 9), 12);
    expect(Array.from(w.cases)).toEqual([5, 5]);
    expect(Array.from(w.kept)).toEqual([4, 5]);
    expect(Array.from(w.reliable)).toEqual([1, 1]);
  });

  test("a case exactly on a bound is kept", () => {
    // [1, 2, 3, 4, 7]: Q1 2, Q3 4, bounds 2 - 3 = -1 .. 4 + 3 = 7: 7 is on the bound and kept
    const on = rw(["A", "A", "A", "A", "A"], [1, 2, 3, 4, 7], { trim: { method: "iqr" } });
    expect(on.kept[0]).toBe(5);
    expect(on.meanCost[0]).toBe(17 / 5);
    const off = rw(["A", "A", "A", "A", "A"], [1, 2, 3, 4, 7.001], { trim: { method: "iqr" } });
    expect(off.kept[0]).toBe(4);
    // sd, k = 1 on [1, 1, 3, 5, 5]: mean 3, SD 2, bounds 1..5: all on or inside, all kept
    const sd = rw(["A", "A", "A", "A", "A"], [1, 1, 3, 5, 5], { trim: { method: "sd", k: 1 } });
    expect(sd.kept[0]).toBe(5);
    // k = 0.9: bounds 1.2..4.8 keep only 3
    const sd9 = rw(["A", "A", "A", "A", "A"], [1, 1, 3, 5, 5], { trim: { method: "sd", k: 0.9 } });
    expect(sd9.kept[0]).toBe(1);
    expect(sd9.meanCost[0]).toBe(3);
    // percentile 0.25..0.75 on 1..5: bounds 2 and 4, both kept: mean (2 + 3 + 4) / 3 = 3
    const pc = rw(["A", "A", "A", "A", "A"], [5, 4, 3, 2, 1], { trim: { method: "percentile", pLow: 0.25, pHigh: 0.75 } });
    expect(pc.kept[0]).toBe(3);
  });

  test("trimming never removes every case of a group", () => {
    // percentile 0.5..0.5 on [1, 2, 3, 4, 5, 6]: median 3.5, no value in [3.5, 3.5]: keep all, mean 3.5
    const w = rw(["A", "A", "A", "A", "A", "A"], [1, 2, 3, 4, 5, 6], {
      trim: { method: "percentile", pLow: 0.5, pHigh: 0.5 },
    });
    expect(w.kept[0]).toBe(6);
    expect(w.meanCost[0]).toBe(3.5);
    // logsd with no positive cost: nothing can be logged, nothing survives: keep all
    const z = rw(["A", "A", "A", "A", "A", "B"], [0, 0, 0, 0, 0, 10], { trim: { method: "logsd" }, minCases: 1 });
    expect(z.kept[0]).toBe(5);
    expect(weightOf(z, "A")).toBe(0);
  });

  test("logsd: a cost <= 0 counts in cases but is trimmed", () => {
    // A: 0, 1, 1, 1, 1, 1: ln of the positive costs all 0, mean 0, SD 0, bounds ln 0..0 keep the five 1s
    // B: 3 x 5 likewise kept. All-case mean (5 + 15) / 10 = 2; RW_A = 1 / 2 = 0.5, RW_B = 3 / 2 = 1.5
    const w = rw(["A", "A", "A", "A", "A", "A", "B", "B", "B", "B", "B"], [0, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3]);
    expect(Array.from(w.cases)).toEqual([6, 5]);
    expect(w.kept[0]).toBe(5);
    expect(w.allCaseMean).toBe(2);
    expect(Array.from(w.weight)).toEqual([0.5, 1.5]);
  });

  test("groups below minCases are flagged and not trimmed", () => {
    const codes = ["A", "A", "A", "A", "B", "B", "B", "B", "B"];
    const costs = [10, 12, 13, 100, 50, 50, 50, 50, 50];
    // A has 4 cases < 5: untrimmed, mean (10 + 12 + 13 + 100) / 4 = 33.75, unreliable
    const w5 = rw(codes, costs, { trim: { method: "iqr" } });
    expect(w5.kept[0]).toBe(4);
    expect(w5.meanCost[0]).toBe(33.75);
    expect(Array.from(w5.reliable)).toEqual([0, 1]);
    // minCases 4: A trimmed. Q1 h = 0.75: 10 + 0.75 x 2 = 11.5; Q3 h = 2.25: 13 + 0.25 x 87 = 34.75
    // IQR 23.25, high 34.75 + 34.875 = 69.625 < 100: mean (10 + 12 + 13) / 3 = 35 / 3
    const w4 = rw(codes, costs, { trim: { method: "iqr" }, minCases: 4 });
    expect(w4.kept[0]).toBe(3);
    expect(w4.meanCost[0]).toBeCloseTo(35 / 3, 12);
    expect(Array.from(w4.reliable)).toEqual([1, 1]);
    // all-case mean over kept: (35 + 250) / 8 = 35.625
    expect(w4.allCaseMean).toBeCloseTo(285 / 8, 12);
  });

  test("counts, scale and skipped rows", () => {
    // rows: A 10 x 3 cases, A 20 x 1, B 40 x 2; skipped: empty group, blank cost, count 0, blank count
    // A mean (30 + 20) / 4 = 12.5; B 40; all (50 + 80) / 6 = 21.667; DIP scale 100:
    // A 100 x 12.5 / 21.667 = 57.692; B 100 x 40 / 21.667 = 184.615
    const w = rw(
      ["A", "A", "B", "", "B", "B", "A"],
      [10, 20, 40, 99, NaN, 5, 7],
      { trim: { method: "none" }, scale: 100 },
      { counts: [3, 1, 2, 4, 1, 0, NaN] },
    );
    expect(Array.from(w.cases)).toEqual([4, 2]);
    expect(weightOf(w, "A")).toBeCloseTo((100 * 12.5) / (130 / 6), 10);
    expect(weightOf(w, "B")).toBeCloseTo((100 * 40) / (130 / 6), 10);
    expect(w.skipped).toEqual({ emptyGroup: 1, missingCost: 1, zeroCount: 2, missingYear: 0 });
  });

  test("nothing to weigh is #DIV/0! with a reason in both languages", () => {
    const none = caughtError(() => rw(["", "A"], [10, NaN]));
    expect(none.kind).toBe("div0");
    expect(none.text.en).toMatch(/no row has a group, a cost and a case count/);
    expect(none.text.zh).toMatch(/没有任何一行/);
    const zero = caughtError(() => rw(["A", "B"], [0, 0], { trim: { method: "none" } }));
    expect(zero.kind).toBe("div0");
    expect(zero.text.en).toMatch(/mean cost of all cases is 0/);
  });

  test("bad options and inputs are #VALUE!", () => {
    expect(caughtError(() => rw(["A"], [1], { scale: 0 })).text.en).toMatch(/^scale/);
    expect(caughtError(() => rw(["A"], [1], { minCases: -1 })).text.en).toMatch(/^min_cases/);
    const neg = caughtError(() => rw(["A", "A"], [1, 2], { firstRow: 2 }, { counts: [1, -3] }));
    expect(neg.kind).toBe("value");
    expect(neg.text.en).toBe("counts row 3: -3 is not a case count; it must be a number of zero or more");
    expect(caughtError(() => rw(["A", "A"], [1], {})).text.en).toMatch(/costs has 1 rows but groups has 2/);
  });
});

describe("years", () => {
  // 2021: A 100, B 200 (all-case mean 150); 2022: A 120, B 240, 240 (all 600 / 3 = 200); 2023: A 150 (all 150)
  const codes = ["A", "B", "A", "B", "B", "A"];
  const costs = [150, 240, 100, 200, 240, 120];
  const years = [2023, 2022, 2021, 2021, 2022, 2022];

  test("1:2:7 blending by hand, years ordered numerically whatever the row order", () => {
    // mean_A = (1 x 100 + 2 x 120 + 7 x 150) / 10 = 1390 / 10 = 139
    // mean_B = (1 x 200 + 2 x 240) / (1 + 2) = 680 / 3 = 226.667 (B has no 2023 cases)
    // all = (1 x 150 + 2 x 200 + 7 x 150) / 10 = 1600 / 10 = 160
    // RW_A = 139 / 160 = 0.86875; RW_B = 226.667 / 160 = 1.41667
    const w = rw(codes, costs, { trim: { method: "none" } }, { years });
    expect(w.years).toEqual(["2021", "2022", "2023"]);
    expect(w.yearWeights).toEqual([1, 2, 7]);
    expect(w.meanCost[0]).toBeCloseTo(139, 12);
    expect(w.meanCost[1]).toBeCloseTo(680 / 3, 12);
    expect(w.allCaseMean).toBeCloseTo(160, 12);
    expect(weightOf(w, "A")).toBeCloseTo(0.86875, 12);
    expect(weightOf(w, "B")).toBeCloseTo(680 / 3 / 160, 12);
    expect(Array.from(w.cases)).toEqual([3, 3]);
  });

  test("given year weights; equal weights by default for two years", () => {
    // weights 1, 1, 1: A (100 + 120 + 150) / 3 = 123.333; all (150 + 200 + 150) / 3 = 166.667
    const w = rw(codes, costs, { trim: { method: "none" }, yearWeights: [1, 1, 1] }, { years });
    expect(weightOf(w, "A")).toBeCloseTo(370 / 3 / (500 / 3), 12);
    // two years (2022, 2023 only): equal weights 1, 1
    const two = rw(["A", "A", "B"], [10, 30, 20], { trim: { method: "none" } }, { years: ["2023", "2022", "2022"] });
    expect(two.yearWeights).toEqual([1, 1]);
    // 2022: A 30, B 20, all 25; 2023: A 10, all 10. A (30 + 10) / 2 = 20, all (25 + 10) / 2 = 17.5
    expect(weightOf(two, "A")).toBeCloseTo(20 / 17.5, 12);
  });

  test("year_weights of the wrong length is a bilingual #VALUE!", () => {
    const e = caughtError(() => rw(codes, costs, { yearWeights: [3, 7] }, { years }));
    expect(e.kind).toBe("value");
    expect(e.text.en).toMatch(/year_weights has 2 values but years has 3 distinct years \(2021, 2022, 2023\)/);
    expect(e.text.zh).toMatch(/year_weights 有 2 个值，而 years 有 3 个不同年份/);
    expect(caughtError(() => rw(codes, costs, { yearWeights: [1, 2] })).text.en).toMatch(/no years were given/);
  });

  test("rows with an empty year are skipped and counted", () => {
    const w = rw(["A", "A", "B"], [10, 20, 30], { trim: { method: "none" } }, { years: [2020, "", 2020] });
    expect(w.skipped.missingYear).toBe(1);
    expect(Array.from(w.cases)).toEqual([1, 1]);
  });

  test("trimming is done inside each group x year", () => {
    // 2022: A 10, 12, 13, 14, 100 (iqr trims 100, mean 12.25); 2023: A 100 x 5 (kept, mean 100)
    // equal weights: A (12.25 + 100) / 2 = 56.125, the only group: RW 1, kept 9 of 10
    const w = rw(
      new Array(10).fill("A"),
      [10, 12, 13, 14, 100, 100, 100, 100, 100, 100],
      { trim: { method: "iqr" } },
      { years: [2022, 2022, 2022, 2022, 2022, 2023, 2023, 2023, 2023, 2023] },
    );
    expect(w.kept[0]).toBe(9);
    expect(w.meanCost[0]).toBeCloseTo(56.125, 12);
    expect(w.weight[0]).toBeCloseTo(1, 12);
  });

  test("year keys: numbers numerically, other keys ordinally", () => {
    expect(Array.from(yearOrder(["10", "9", "2020"]))).toEqual([1, 0, 2]);
    expect(Array.from(yearOrder(["2023年", "2021年", "2022年"]))).toEqual([1, 2, 0]);
  });
});

describe("properties", () => {
  const rowArb = fc.tuple(fc.constantFrom("A", "B", "C", "D"), fc.integer({ min: 1, max: 20000 }), fc.integer({ min: 1, max: 4 }));
  const methods: TrimMethod[] = ["none", "iqr", "sd", "logsd", "percentile"];

  test("without trimming the case-weighted mean weight is exactly 1", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 60 }), fc.boolean(), (rows, withCounts) => {
        const w = rw(
          rows.map((r) => r[0]),
          rows.map((r) => r[1]),
          { trim: { method: "none" } },
          { counts: withCounts ? rows.map((r) => r[2]) : undefined },
        );
        let cases = 0;
        let total = 0;
        for (let j = 0; j < w.codes.length; j++) {
          cases += w.cases[j];
          total += w.cases[j] * w.weight[j];
        }
        expect(total / cases).toBeCloseTo(1, 12);
      }),
    );
  });

  test("a row with count n gives the same weights as n copies of the row", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 60 }), fc.constantFrom(...methods), fc.integer({ min: 1, max: 6 }), (rows, method, minCases) => {
        const agg = rw(
          rows.map((r) => r[0]),
          rows.map((r) => r[1]),
          { trim: { method }, minCases },
          { counts: rows.map((r) => r[2]) },
        );
        const expanded = rows.flatMap((r) => new Array<[string, number]>(r[2]).fill([r[0], r[1]]));
        const one = rw(
          expanded.map((r) => r[0]),
          expanded.map((r) => r[1]),
          { trim: { method }, minCases },
        );
        expect(agg.codes).toEqual(one.codes);
        expect(Array.from(agg.kept)).toEqual(Array.from(one.kept));
        for (let j = 0; j < agg.codes.length; j++) expect(agg.weight[j]).toBeCloseTo(one.weight[j], 10);
      }),
    );
  });

  test("shuffling rows does not change weights (any method); duplicating them does not either (no trimming)", () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 60 }),
        fc.constantFrom(...methods),
        fc.integer(),
        (rows, method, seed) => {
          const order = rows.map((_, i) => i);
          let s = seed >>> 0;
          for (let i = order.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1103515245) + 12345) >>> 0;
            const j = s % (i + 1);
            [order[i], order[j]] = [order[j], order[i]];
          }
          const shuffled = order.map((i) => rows[i]);
          const a = rw(rows.map((r) => r[0]), rows.map((r) => r[1]), { trim: { method } });
          const b = rw(shuffled.map((r) => r[0]), shuffled.map((r) => r[1]), { trim: { method } });
          expect(b.codes).toEqual(a.codes);
          expect(Array.from(b.kept)).toEqual(Array.from(a.kept));
          for (let j = 0; j < a.codes.length; j++) expect(b.weight[j]).toBeCloseTo(a.weight[j], 10);
          if (method === "none") {
            const doubled = rows.concat(shuffled);
            const d = rw(doubled.map((r) => r[0]), doubled.map((r) => r[1]), { trim: { method } });
            for (let j = 0; j < a.codes.length; j++) expect(d.weight[j]).toBeCloseTo(a.weight[j], 10);
          }
        },
      ),
    );
  });
});

describe("real data: CMS IPPS FY2011, top 100 MS-DRGs", () => {
  const cms = loadCms();
  const groups = internCodes(cms.drg);

  /** Severity rank of an MS-DRG name by its suffix, and the family name without it. */
  const SUFFIXES: [string, number][] = [
    [" W/O CC/MCC", 1],
    [" W/O MCC", 1],
    [" W CC/MCC", 2],
    [" W CC", 2],
    [" W MCC", 3],
  ];
  function family(code: string): { family: string; rank: number } | undefined {
    const name = code.replace(/^\d+\s*-\s*/, "");
    for (const [suffix, rank] of SUFFIXES) {
      if (name.endsWith(suffix)) return { family: name.slice(0, -suffix.length), rank };
    }
    return undefined;
  }

  for (const method of ["none", "logsd"] as TrimMethod[]) {
    test(`every heavier-severity sibling weighs more (trim ${method})`, () => {
      const w = relativeWeights(
        { groups, costs: cms.totalPayments, counts: cms.discharges },
        { trim: { method } },
      );
      expect(w.codes.length).toBe(100);
      expect(w.skipped).toEqual({ emptyGroup: 0, missingCost: 0, zeroCount: 0, missingYear: 0 });
      let totalCases = 0;
      for (let j = 0; j < w.codes.length; j++) totalCases += w.cases[j];
      expect(totalCases).toBe(6975318);
      const families = new Map<string, { rank: number; weight: number; code: string }[]>();
      for (let j = 0; j < w.codes.length; j++) {
        const f = family(w.codes[j]);
        if (f === undefined) continue;
        const list = families.get(f.family) ?? [];
        list.push({ rank: f.rank, weight: w.weight[j], code: w.codes[j] });
        families.set(f.family, list);
      }
      let pairs = 0;
      const violations: string[] = [];
      for (const members of families.values()) {
        for (const hi of members) {
          for (const lo of members) {
            if (hi.rank <= lo.rank) continue;
            pairs++;
            if (!(hi.weight > lo.weight)) violations.push(`${hi.code} ${hi.weight} <= ${lo.code} ${lo.weight}`);
          }
        }
      }
      expect(violations).toEqual([]);
      // 15 three-way families (3 pairs each would be 45) and the two-way ones: many pairs checked
      expect(pairs).toBeGreaterThanOrEqual(40);
      if (method === "logsd") {
        // trimming on ln(cost) drops some provider rows but never a whole group
        let kept = 0;
        for (let j = 0; j < w.codes.length; j++) kept += w.kept[j];
        expect(kept).toBeLessThan(totalCases);
        expect(kept).toBeGreaterThan(0.95 * totalCases);
      }
    });
  }
});
