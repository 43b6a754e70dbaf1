import fc from "fast-check";
import { leastSquares } from "../../src/engine/leastSquares";

describe("leastSquares (Householder QR)", () => {
  it("solves an exact system", () => {
    // y = 1 + 2x through (0, 1), (1, 3), (2, 5): b = (1, 2), no residual
    const fit = leastSquares([Float64Array.of(1, 1, 1), Float64Array.of(0, 1, 2)], Float64Array.of(1, 3, 5));
    expect(fit.rank).toBe(2);
    expect(fit.coefficients[0]).toBeCloseTo(1, 14);
    expect(fit.coefficients[1]).toBeCloseTo(2, 14);
    expect(fit.residualSumOfSquares).toBeLessThan(1e-28);
  });

  it("gives the mean for an intercept-only fit", () => {
    // min sum (y - b)^2 is b = mean = (2 + 4 + 9) / 3 = 5; RSS = 9 + 1 + 16 = 26
    const fit = leastSquares([Float64Array.of(1, 1, 1)], Float64Array.of(2, 4, 9));
    expect(fit.coefficients[0]).toBeCloseTo(5, 14);
    expect(fit.residualSumOfSquares).toBeCloseTo(26, 12);
  });

  it("matches the textbook slope on an overdetermined line", () => {
    // (0, 0), (1, 1), (2, 1), (3, 3): x mean 1.5, y mean 1.25, Sxy =
    // (-1.5)(-1.25) + (-0.5)(-0.25) + (0.5)(-0.25) + (1.5)(1.75) = 1.875 + 0.125 - 0.125 + 2.625 = 4.5
    // Sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5; b1 = 0.9, b0 = 1.25 - 0.9 x 1.5 = -0.1
    const fit = leastSquares([Float64Array.of(1, 1, 1, 1), Float64Array.of(0, 1, 2, 3)], Float64Array.of(0, 1, 1, 3));
    expect(fit.coefficients[0]).toBeCloseTo(-0.1, 14);
    expect(fit.coefficients[1]).toBeCloseTo(0.9, 14);
    // fitted -0.1, 0.8, 1.7, 2.6; residuals 0.1, 0.2, -0.7, 0.4; RSS = 0.01 + 0.04 + 0.49 + 0.16 = 0.7
    expect(fit.residualSumOfSquares).toBeCloseTo(0.7, 13);
  });

  it("reports rank deficiency instead of numbers", () => {
    // second column = 2 x first
    const fit = leastSquares([Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 6)], Float64Array.of(1, 2, 4));
    expect(fit.rank).toBe(1);
    expect(Number.isNaN(fit.coefficients[0])).toBe(true);
    expect(leastSquares([Float64Array.of(0, 0, 0)], Float64Array.of(1, 2, 3)).rank).toBe(0);
    expect(leastSquares([Float64Array.of(1), Float64Array.of(2)], Float64Array.of(1)).rank).toBe(1);
  });

  it("residuals are orthogonal to every column (the least-squares condition)", () => {
    const arb = fc.array(
      fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true })),
      { minLength: 4, maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (points) => {
        const x = Float64Array.from(points, (p) => p[0]);
        const y = Float64Array.from(points, (p) => p[1]);
        const cols = [new Float64Array(x.length).fill(1), x, x.map((v) => v * v)];
        const fit = leastSquares(cols, y);
        if (fit.rank < 3) return true;
        const b = fit.coefficients;
        let scale = 0;
        for (let i = 0; i < y.length; i++) scale = Math.max(scale, Math.abs(y[i]));
        for (const col of cols) {
          let dot = 0;
          let colScale = 0;
          for (let i = 0; i < y.length; i++) {
            const r = y[i] - (b[0] + b[1] * x[i] + b[2] * x[i] * x[i]);
            dot += col[i] * r;
            colScale += Math.abs(col[i]);
          }
          if (Math.abs(dot) > 1e-7 * (1 + scale) * (1 + colScale)) return false;
        }
        return true;
      }),
    );
  });
});
