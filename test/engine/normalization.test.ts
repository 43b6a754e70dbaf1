import fc from "fast-check";
import { internCodes } from "../../src/engine/codes";
import { normalizationFactor, normalizeWeights } from "../../src/engine/normalization";
import { relativeWeights } from "../../src/engine/relativeWeights";
import { standardizedWeights } from "../../src/engine/standardizedWeights";
import { CaseMixError } from "../../src/engine/text";
import { loadCms } from "../helpers/cmsData";

function caughtError(f: () => unknown): CaseMixError {
  try {
    f();
  } catch (e) {
    if (e instanceof CaseMixError) return e;
    throw e;
  }
  throw new Error("expected a CaseMixError");
}

describe("normalizationFactor by hand", () => {
  test("factor that brings the mean weight to 1", () => {
    // cases A, A, B, B with weights 0.5, 2: mean (0.5 + 0.5 + 2 + 2) / 4 = 1.25, f = 1 / 1.25 = 0.8
    expect(normalizationFactor([0.5, 2], Int32Array.of(0, 0, 1, 1))).toBeCloseTo(0.8, 15);
  });

  test("counts, a target, and cases that take no part", () => {
    // rows: A x 3, B x 1, empty group, C (no weight), A with count 0
    // mean weight (3 x 0.5 + 1 x 2) / 4 = 3.5 / 4 = 0.875; target 1.05: f = 1.05 x 4 / 3.5 = 1.2
    const f = normalizationFactor([0.5, 2, NaN], Int32Array.of(0, 1, -1, 2, 0), [3, 1, 5, 7, 0], 1.05);
    expect(f).toBeCloseTo(1.2, 14);
  });

  test("nothing to normalize on is #DIV/0!; a bad target is #VALUE!", () => {
    const none = caughtError(() => normalizationFactor([NaN], Int32Array.of(0, -1)));
    expect(none.kind).toBe("div0");
    expect(none.text.zh).toMatch(/无法标准化/);
    expect(caughtError(() => normalizationFactor([0, 0], Int32Array.of(0, 1))).kind).toBe("div0");
    expect(caughtError(() => normalizationFactor([1], Int32Array.of(0), undefined, 0)).kind).toBe("value");
  });
});

describe("normalizeWeights", () => {
  test("rescales a copy over reference cases whose codes are matched in normalized form", () => {
    // weights from costs: A 10, 20 (mean 15), B 30: all 20, RW A 0.75, B 1.5
    const w = relativeWeights(
      { groups: internCodes(["A", "A", "B"]), costs: Float64Array.of(10, 20, 30) },
      { trim: { method: "none" } },
    );
    // reference cases: b, B, a, Z (no weight): mean weight (1.5 + 1.5 + 0.75) / 3 = 1.25, f = 0.8
    const n = normalizeWeights(w, internCodes(["b", " B ", "a", "Z"]));
    expect(n.normalization).toEqual({ factor: expect.closeTo(0.8, 14), target: 1 });
    expect(n.weight[0]).toBeCloseTo(0.6, 14);
    expect(n.weight[1]).toBeCloseTo(1.2, 14);
    expect(Array.from(w.weight)).toEqual([0.75, 1.5]); // the original is untouched
    expect(n.meanCost).toBe(w.meanCost);
  });

  test("keeps the extra fields of standardized weights", () => {
    const s = standardizedWeights({ groups: internCodes(["A", "B"]), categories: [Float64Array.of(1, 3)] });
    const n = normalizeWeights(s, internCodes(["B"]), undefined, 2);
    // B alone: RW 1.5, target 2: f = 2 / 1.5
    expect(n.weight[1]).toBeCloseTo(2, 14);
    expect(n.usedShares).toEqual([1]);
  });

  test("property: after normalizing, the case-weighted mean weight over the reference cases is the target", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("A", "B", "C"), fc.integer({ min: 1, max: 9000 })), { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.constantFrom("A", "B", "C"), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (rows, reference, target) => {
          const w = relativeWeights(
            { groups: internCodes(rows.map((r) => r[0])), costs: Float64Array.from(rows, (r) => r[1]) },
            { trim: { method: "none" } },
          );
          const ref = internCodes(reference.map((r) => r[0]));
          if (!reference.some((r) => w.codes.includes(r[0]))) return;
          const counts = Float64Array.from(reference, (r) => r[1]);
          const n = normalizeWeights(w, ref, counts, target);
          let cases = 0;
          let total = 0;
          reference.forEach(([code, c]) => {
            const at = n.codes.indexOf(code);
            if (at < 0) return;
            cases += c;
            total += c * n.weight[at];
          });
          expect(total / cases).toBeCloseTo(target, 10);
        },
      ),
    );
  });

  test("real data: weights from one state normalized over all CMS cases", () => {
    const cms = loadCms();
    const groups = internCodes(cms.drg);
    // weights computed on California's providers only, then made budget-neutral on the whole country
    const costs = Float64Array.from(cms.totalPayments, (x, i) => (cms.state[i] === "CA" ? x : NaN));
    const ca = relativeWeights({ groups, costs, counts: cms.discharges });
    expect(ca.skipped.missingCost).toBeGreaterThan(100000);
    const n = normalizeWeights(ca, groups, cms.discharges);
    let cases = 0;
    let total = 0;
    const weightByCode = new Map(n.codes.map((c, j) => [c, n.weight[j]]));
    for (let i = 0; i < cms.drg.length; i++) {
      const wgt = weightByCode.get(groups.codes[groups.ids[i]]);
      if (wgt === undefined) continue;
      cases += cms.discharges[i];
      total += cms.discharges[i] * wgt;
    }
    expect(total / cases).toBeCloseTo(1, 10);
    expect(n.normalization?.factor).not.toBeCloseTo(1, 3);
  });
});
