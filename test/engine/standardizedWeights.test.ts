import fc from "fast-check";
import { internCodes } from "../../src/engine/codes";
import { relativeWeights } from "../../src/engine/relativeWeights";
import { StandardizedOptions, standardizedWeights } from "../../src/engine/standardizedWeights";
import { CaseMixError } from "../../src/engine/text";

function std(codes: unknown[], categories: number[][], options: StandardizedOptions = {}, counts?: number[]) {
  return standardizedWeights(
    {
      groups: internCodes(codes),
      categories: categories.map((c) => Float64Array.from(c)),
      counts: counts && Float64Array.from(counts),
    },
    options,
  );
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

describe("standardizedWeights by hand", () => {
  test("five categories, equal shares 0.2", () => {
    // categories: medical, nursing, tech, drug, admin; A: two cases, B: two cases
    // A1 (100, 20, 40, 200, 40)  A2 (300, 40, 40, 200, 40)  B1 (200, 60, 120, 100, 20)  B2 (200, 40, 120, 500, 20)
    // all-case means: medical 800/4 = 200, nursing 160/4 = 40, tech 320/4 = 80, drug 1000/4 = 250, admin 120/4 = 30
    // A means (200, 30, 40, 200, 40): ratios 1, 0.75, 0.5, 0.8, 1.333; RW_A = 0.2 x 4.38333 = 0.876667
    // B means (200, 50, 120, 300, 20): ratios 1, 1.25, 1.5, 1.2, 0.6667; RW_B = 0.2 x 5.61667 = 1.123333
    const categories = [
      [100, 300, 200, 200],
      [20, 40, 60, 40],
      [40, 40, 120, 120],
      [200, 200, 100, 500],
      [40, 40, 20, 20],
    ];
    const w = std(["A", "A", "B", "B"], categories);
    expect(w.codes).toEqual(["A", "B"]);
    expect(w.usedShares).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
    expect(Array.from(w.allCategoryMeans)).toEqual([200, 40, 80, 250, 30]);
    expect(w.weight[0]).toBeCloseTo(0.2 * (1 + 0.75 + 0.5 + 0.8 + 40 / 30), 12);
    expect(w.weight[1]).toBeCloseTo(0.2 * (1 + 1.25 + 1.5 + 1.2 + 20 / 30), 12);
    expect(Array.from(w.categoryMeans[1])).toEqual([30, 50]);
    // mean total cost: A 510, B 690; all 600
    expect(Array.from(w.meanCost)).toEqual([510, 690]);
    expect(w.allCaseMean).toBe(600);
    expect(Array.from(w.kept)).toEqual(Array.from(w.cases));
  });

  test("a category whose all-case mean is 0 is left out and the shares renormalized", () => {
    // two cost categories plus an all-zero one; shares 0.5, 0.3, 0.2 -> zero category out:
    // used shares 0.5 / 0.8 = 0.625 and 0.3 / 0.8 = 0.375
    // A (10, 0, 0), (30, 4, 0); B (20, 8, 0): all means (20, 4, 0); A (20, 2), B (20, 8)
    // RW_A = 0.625 x 1 + 0.375 x 0.5 = 0.8125; RW_B = 0.625 + 0.375 x 2 = 1.375
    const w = std(["A", "A", "B"], [[10, 30, 20], [0, 4, 8], [0, 0, 0]], { shares: [0.5, 0.3, 0.2] });
    expect(w.usedShares[0]).toBeCloseTo(0.625, 15);
    expect(w.usedShares[1]).toBeCloseTo(0.375, 15);
    expect(w.usedShares[2]).toBe(0);
    expect(w.weight[0]).toBeCloseTo(0.8125, 12);
    expect(w.weight[1]).toBeCloseTo(1.375, 12);
  });

  test("shares in percent work like fractions; counts weigh rows; scale multiplies", () => {
    // A (10, 0) x 1 and (30, 4) x 1, B (20, 8) x 2: all means (10 + 30 + 40) / 4 = 20, (0 + 4 + 16) / 4 = 5
    // A (20, 2), B (20, 8): with 50 / 50 shares RW_A = 0.5 + 0.5 x 0.4 = 0.7, RW_B = 0.5 + 0.5 x 1.6 = 1.3
    const w = std(["A", "A", "B"], [[10, 30, 20], [0, 4, 8]], { shares: [50, 50], scale: 100 }, [1, 1, 2]);
    expect(w.usedShares).toEqual([0.5, 0.5]);
    expect(w.weight[0]).toBeCloseTo(70, 10);
    expect(w.weight[1]).toBeCloseTo(130, 10);
  });

  test("blank cells: a row is skipped only when every category is blank", () => {
    // A (10, blank) counts as (10, 0); B (blank, blank) is skipped
    const w = std(["A", "A", "B", "B", ""], [[10, 30, NaN, 20, 5], [NaN, 4, NaN, 8, 5]]);
    expect(Array.from(w.cases)).toEqual([2, 1]);
    expect(w.skipped).toEqual({ emptyGroup: 1, missingCost: 1, zeroCount: 0, missingYear: 0 });
    expect(w.categoryMeans[1][0]).toBe(2);
  });

  test("one category with equal shares is the plain relative weight without trimming", () => {
    const codes = ["A", "B", "A", "C", "B", "B"];
    const costs = [10, 25, 14, 3, 40, 31];
    const s = std(codes, [costs]);
    const r = relativeWeights({ groups: internCodes(codes), costs: Float64Array.from(costs) }, { trim: { method: "none" } });
    expect(s.codes).toEqual(r.codes);
    for (let j = 0; j < s.codes.length; j++) expect(s.weight[j]).toBeCloseTo(r.weight[j], 12);
  });

  test("errors", () => {
    const len = caughtError(() => std(["A"], [[1], [2]], { shares: [1, 1, 1] }));
    expect(len.kind).toBe("value");
    expect(len.text.en).toMatch(/shares has 3 values but there are 2 cost categories/);
    expect(len.text.zh).toMatch(/shares 有 3 个值/);
    const none = caughtError(() => std(["", "A"], [[1, NaN]]));
    expect(none.kind).toBe("div0");
    const zero = caughtError(() => std(["A", "B"], [[0, 0], [5, 5]], { shares: [1, 0] }));
    expect(zero.kind).toBe("div0");
    expect(zero.text.en).toMatch(/every cost category with a share has an all-case mean of 0/);
  });

  test("property: the case-weighted mean weight is exactly 1", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom("A", "B", "C"), fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 3, maxLength: 3 }), fc.integer({ min: 1, max: 5 })),
          { minLength: 1, maxLength: 40 },
        ),
        (rows) => {
          const cats = [0, 1, 2].map((k) => rows.map((r) => r[1][k]));
          if (cats.every((c) => c.every((x) => x === 0))) return;
          const w = std(rows.map((r) => r[0]), cats, { shares: [0.5, 0.3, 0.2] }, rows.map((r) => r[2]));
          let cases = 0;
          let total = 0;
          for (let j = 0; j < w.codes.length; j++) {
            cases += w.cases[j];
            total += w.cases[j] * w.weight[j];
          }
          expect(total / cases).toBeCloseTo(1, 12);
        },
      ),
    );
  });
});
