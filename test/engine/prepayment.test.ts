import * as fc from "fast-check";
import { fitCurve } from "../../src/engine/curveFit";
import { expectedMeanCost, prepayments } from "../../src/engine/prepayment";

// The five departments of docs/methods.md section 11: linear fit cost = -1,950 + 12,250 x CMI.
const x = [0.6, 0.8, 1.0, 1.2, 1.4];
const y = [6000, 7500, 10000, 12000, 16000];

describe("prepayments", () => {
  it("expected cost at the unit's CMI times its cases", () => {
    // -1,950 + 12,250 x 1.1 = 11,525; x 800 = 9,220,000
    const fit = fitCurve(x, y, "linear");
    const [r, blank] = prepayments(fit, [1.1, NaN], [800, 10]);
    expect(r.expectedCost).toBeCloseTo(11525, 8);
    expect(r.prepayment).toBeCloseTo(9220000, 5);
    expect(blank.expectedCost).toBeNaN();
    expect(blank.prepayment).toBeNaN();
  });

  it("with log_y, e^(fitted ln cost)", () => {
    const fit = fitCurve(
      x,
      y.map((v) => Math.log(v)),
      "linear",
    );
    expect(expectedMeanCost(fit, 1, true)).toBeCloseTo(Math.exp(fit.coefficients[0] + fit.coefficients[1]), 8);
  });

  it("one unit of the curve's own data gets its fitted value times its cases", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 5000 }), (i, cases) => {
        for (const model of ["linear", "quadratic", "growth", "power"] as const) {
          const fit = fitCurve(x, y, model);
          const [r] = prepayments(fit, [x[i]], [cases]);
          expect(r.prepayment).toBeCloseTo(expectedMeanCost(fit, x[i]) * cases, 6);
        }
      }),
      { numRuns: 30 },
    );
  });
});
