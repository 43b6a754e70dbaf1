import * as fc from "fast-check";
import { mean, median, quantileInc, quantileSorted, sampleSd, sum } from "../../src/engine/statistics";

describe("sum, mean, sampleSd", () => {
  it("matches Excel's SUM, AVERAGE and STDEV.S", () => {
    const x = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(sum(x)).toBe(40);
    expect(mean(x)).toBe(5);
    // STDEV.S: squared deviations 9+1+1+1+0+0+4+16 = 32, / (8 - 1) = 4.5714..., sqrt = 2.13809
    expect(sampleSd(x)).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sampleSd(Float64Array.of(1, 3))).toBeCloseTo(Math.SQRT2, 12); // (1 + 1) / 1 = 2
  });

  it("gives NaN where Excel gives #DIV/0!", () => {
    expect(mean([])).toBeNaN();
    expect(sampleSd([5])).toBeNaN();
    expect(sampleSd([])).toBeNaN();
  });
});

describe("quantiles as PERCENTILE.INC / QUARTILE.INC", () => {
  it("interpolates at h = (n - 1) p", () => {
    // QUARTILE.INC({1,2,3,4}, 1): h = 3 x 0.25 = 0.75, 1 + 0.75 x (2 - 1) = 1.75
    expect(quantileInc([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    // QUARTILE.INC({1,2,3,4}, 3): h = 2.25, 3 + 0.25 x 1 = 3.25
    expect(quantileInc([4, 3, 2, 1], 0.75)).toBeCloseTo(3.25, 12);
    // PERCENTILE.INC({15,20,35,40,50}, 0.4): h = 4 x 0.4 = 1.6, 20 + 0.6 x (35 - 20) = 29
    expect(quantileInc([50, 15, 40, 20, 35], 0.4)).toBeCloseTo(29, 12);
    // ends and exact positions
    expect(quantileSorted([1, 2, 3], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3], 1)).toBe(3);
    expect(quantileSorted([1, 2, 3], 0.5)).toBe(2);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it("sorts numerically, not as text", () => {
    // as text "10" < "9"; as numbers the median of 9, 10, 100 is 10
    expect(median([100, 9, 10])).toBe(10);
    expect(median([-5, 3, -20, 1])).toBe(-2); // sorted -20, -5, 1, 3: (-5 + 1) / 2
  });

  it("is monotone in p and stays between the minimum and the maximum", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p, q) => {
          const [lo, hi] = p <= q ? [p, q] : [q, p];
          const a = quantileInc(values, lo);
          const b = quantileInc(values, hi);
          expect(a).toBeLessThanOrEqual(b + 1e-9);
          expect(a).toBeGreaterThanOrEqual(Math.min(...values));
          expect(b).toBeLessThanOrEqual(Math.max(...values));
        },
      ),
    );
  });
});
