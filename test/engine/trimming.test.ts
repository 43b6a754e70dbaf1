import fc from "fast-check";
import {
  DEFAULT_TRIM,
  parseTrimMethod,
  resolveTrim,
  trimBounds,
  sortPairs,
  weightedQuantileSorted,
  TrimMethod,
} from "../../src/engine/trimming";
import { quantileInc } from "../../src/engine/statistics";
import { CaseMixError } from "../../src/engine/text";

describe("trimBounds: each method by hand", () => {
  test("iqr on [10, 12, 13, 14, 100]", () => {
    // QUARTILE.INC: Q1 at h = 4 x 0.25 = 1 -> 12, Q3 at h = 3 -> 14, IQR = 2
    // bounds 12 - 1.5 x 2 = 9 .. 14 + 1.5 x 2 = 17: 100 is out, 10 is in
    expect(trimBounds([10, 12, 13, 14, 100], undefined, { method: "iqr" })).toEqual({ low: 9, high: 17 });
    // k = 3: 12 - 6 = 6 .. 14 + 6 = 20
    expect(trimBounds([100, 14, 13, 12, 10], undefined, { method: "iqr", k: 3 })).toEqual({ low: 6, high: 20 });
  });

  test("sd on [10, 12, 13, 14, 100]: k = 3 keeps the outlier (masking), k = 1.5 does not", () => {
    // mean 149 / 5 = 29.8; squared deviations 392.04 + 316.84 + 282.24 + 249.64 + 4928.04 = 6168.8
    // STDEV.S = sqrt(6168.8 / 4) = sqrt(1542.2) = 39.2708...
    const sd = Math.sqrt(1542.2);
    const b3 = trimBounds([10, 12, 13, 14, 100], undefined, { method: "sd" });
    expect(b3.low).toBeCloseTo(29.8 - 3 * sd, 10); // -88.01
    expect(b3.high).toBeCloseTo(29.8 + 3 * sd, 10); // 147.61 >= 100: kept
    const b15 = trimBounds([10, 12, 13, 14, 100], undefined, { method: "sd", k: 1.5 });
    expect(b15.high).toBeCloseTo(29.8 + 1.5 * sd, 10); // 88.71 < 100: trimmed
    expect(b15.high).toBeLessThan(100);
  });

  test("sd on [1, 1, 3, 5, 5], k = 1: bounds fall exactly on the extremes", () => {
    // mean 15 / 5 = 3; squared deviations 4 + 4 + 0 + 4 + 4 = 16; SD = sqrt(16 / 4) = 2
    expect(trimBounds([1, 1, 3, 5, 5], undefined, { method: "sd", k: 1 })).toEqual({ low: 1, high: 5 });
  });

  test("logsd works on ln(cost); costs <= 0 take no part", () => {
    // ln costs 1, 1, 3, 5, 5: mean 3, SD 2; k = 1: exp(1) .. exp(5)
    const costs = [1, 1, 3, 5, 5].map(Math.exp);
    const b = trimBounds(costs, undefined, { method: "logsd", k: 1 });
    expect(b.low).toBeCloseTo(Math.E, 10);
    expect(b.high / Math.exp(5)).toBeCloseTo(1, 12);
    const withZero = trimBounds([0, -5, ...costs], undefined, { method: "logsd", k: 1 });
    expect(withZero.low).toBeCloseTo(b.low, 12);
    expect(withZero.high / b.high).toBeCloseTo(1, 12);
    // default k = 3: exp(3 - 6) .. exp(3 + 6)
    const d = trimBounds(costs, undefined, DEFAULT_TRIM);
    expect(Math.log(d.low)).toBeCloseTo(-3, 10);
    expect(Math.log(d.high)).toBeCloseTo(9, 10);
  });

  test("percentile: defaults 0.05 / 0.95 as PERCENTILE.INC", () => {
    // 1..21: h = 20 x 0.05 = 1 -> 2; h = 20 x 0.95 = 19 -> 20
    const values = Array.from({ length: 21 }, (_, i) => i + 1);
    expect(trimBounds(values, undefined, { method: "percentile" })).toEqual({ low: 2, high: 20 });
    // [10, 12, 13, 14, 100] at 0.1 / 0.9: h = 0.4 -> 10 + 0.4 x 2 = 10.8; h = 3.6 -> 14 + 0.6 x 86 = 65.6
    const b = trimBounds([10, 12, 13, 14, 100], undefined, { method: "percentile", pLow: 0.1, pHigh: 0.9 });
    expect(b.low).toBeCloseTo(10.8, 12);
    expect(b.high).toBeCloseTo(65.6, 12);
  });

  test("none, and too few cases for an SD, give no bounds", () => {
    expect(trimBounds([1, 2, 3], undefined, { method: "none" })).toEqual({ low: -Infinity, high: Infinity });
    expect(trimBounds([7], undefined, { method: "sd" })).toEqual({ low: -Infinity, high: Infinity });
    // logsd: 0 .. Infinity in cost terms (a cost <= 0 is still never inside)
    expect(trimBounds([7, 0], undefined, { method: "logsd" })).toEqual({ low: 0, high: Infinity });
  });
});

describe("counts: a row with count n is n identical cases", () => {
  test("iqr on values [10, 20] with counts [3, 1] = on [10, 10, 10, 20]", () => {
    // Q1: h = 3 x 0.25 = 0.75 -> 10; Q3: h = 2.25 -> 10 + 0.25 x 10 = 12.5; IQR 2.5
    // bounds 10 - 3.75 = 6.25 .. 12.5 + 3.75 = 16.25
    expect(trimBounds([20, 10], [1, 3], { method: "iqr" })).toEqual({ low: 6.25, high: 16.25 });
    expect(trimBounds([10, 10, 10, 20], undefined, { method: "iqr" })).toEqual({ low: 6.25, high: 16.25 });
  });

  test("non-integer counts: the step-function reading of the expanded data", () => {
    // values 10, 20 with counts 0.5, 1.5: W = 2, median h = 0.5;
    // x(0) = 10 (cumulative 0.5 > 0), x(1) = 20 (cumulative 0.5 <= 1 < 2): 10 + 0.5 x 10 = 15
    expect(weightedQuantileSorted([10, 20], [0.5, 1.5], 0.5)).toBe(15);
  });

  const methods: TrimMethod[] = ["iqr", "sd", "logsd", "percentile"];
  test("property: bounds with counts equal the bounds of the expanded rows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(...methods),
        (rows, method) => {
          const values = rows.map((r) => r[0]);
          const counts = rows.map((r) => r[1]);
          const expanded = rows.flatMap(([v, c]) => new Array<number>(c).fill(v));
          const a = trimBounds(values, counts, { method });
          const b = trimBounds(expanded, undefined, { method });
          for (const key of ["low", "high"] as const) {
            if (Number.isFinite(b[key])) expect(Math.abs(a[key] - b[key])).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(b[key])));
            else expect(a[key]).toBe(b[key]);
          }
        },
      ),
    );
  });

  test("property: without counts, quantiles match statistics.quantileInc", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p) => {
          const sorted = Float64Array.from(values).sort();
          const ones = new Float64Array(values.length).fill(1);
          expect(weightedQuantileSorted(sorted, undefined, p)).toBe(quantileInc(values, p));
          expect(weightedQuantileSorted(sorted, ones, p)).toBeCloseTo(quantileInc(values, p), 6);
        },
      ),
    );
  });
});

test("property: sortPairs sorts the values and carries the weights along", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 999 })), { maxLength: 200 }), (pairs) => {
      const values = Float64Array.from(pairs, (p) => p[0]);
      // weight encodes its value so a pair that came apart is seen: w = 1000 x (v + 50) + original weight
      const weights = Float64Array.from(pairs, (p) => 1000 * (p[0] + 50) + p[1]);
      sortPairs(values, weights, values.length);
      expect(Array.from(values)).toEqual(pairs.map((p) => p[0]).sort((a, b) => a - b));
      for (let i = 0; i < values.length; i++) expect(Math.floor(weights[i] / 1000) - 50).toBe(values[i]);
      const w = Array.from(weights).sort((a, b) => a - b);
      expect(w).toEqual(pairs.map((p) => 1000 * (p[0] + 50) + p[1]).sort((a, b) => a - b));
    }),
  );
});

describe("options", () => {
  test("defaults: logsd with k = 3; iqr 1.5; percentile 0.05 / 0.95", () => {
    expect(DEFAULT_TRIM).toEqual({ method: "logsd", k: 3 });
    expect(resolveTrim(undefined)).toEqual({ method: "logsd", k: 3, pLow: 0.05, pHigh: 0.95 });
    expect(resolveTrim({ method: "iqr" }).k).toBe(1.5);
    expect(resolveTrim({ method: "sd" }).k).toBe(3);
  });

  test("bad k and percentiles are #VALUE! errors in both languages", () => {
    const bad = [
      { method: "sd" as const, k: -1 },
      { method: "percentile" as const, pLow: 0.9, pHigh: 0.1 },
      { method: "percentile" as const, pHigh: 95 },
    ];
    for (const o of bad) {
      try {
        resolveTrim(o);
        throw new Error("no error");
      } catch (e) {
        expect(e).toBeInstanceOf(CaseMixError);
        expect((e as CaseMixError).kind).toBe("value");
        expect((e as CaseMixError).text.zh).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  test("parseTrimMethod reads English and Chinese words", () => {
    expect(parseTrimMethod("IQR")).toBe("iqr");
    expect(parseTrimMethod("对数标准差")).toBe("logsd");
    expect(parseTrimMethod("不去除")).toBe("none");
    expect(parseTrimMethod("log-sd")).toBe("logsd");
    expect(parseTrimMethod("")).toBe("logsd");
    expect(() => parseTrimMethod("median")).toThrow(/trim: "median" is not one of/);
  });
});
