import * as fs from "fs";
import * as path from "path";
import {
  completePairs,
  curveLine,
  CURVE_MODELS,
  CurveModel,
  fitCurve,
  fitCurves,
  parseCurveModel,
  predictCurve,
} from "../../src/engine/curveFit";
import { CaseMixError } from "../../src/engine/text";

interface FixtureModel {
  coefficients: number[];
  r_squared: number;
  f: number;
  n: number;
}
const fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../fixtures/curveFit/fixture.json"), "utf8"),
) as { x: number[]; y: number[]; models: Record<string, FixtureModel> };

function expectRelative(actual: number, expected: number, tol = 1e-9): void {
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
  if (Math.abs(actual - expected) / scale > tol) {
    throw new Error(`expected ${expected}, got ${actual} (relative error ${Math.abs(actual - expected) / scale})`);
  }
}

describe("fitCurve against R's lm() (test/fixtures/curveFit/fit.R)", () => {
  it("the fixture covers every model", () => {
    expect(Object.keys(fixture.models).sort()).toEqual([...CURVE_MODELS].sort());
  });

  for (const model of CURVE_MODELS) {
    it(`${model}: coefficients, R squared and F to 1e-9 relative`, () => {
      const ref = fixture.models[model];
      const fit = fitCurve(fixture.x, fixture.y, model);
      expect(fit.n).toBe(ref.n);
      expect(fit.coefficients).toHaveLength(ref.coefficients.length);
      fit.coefficients.forEach((b, j) => expectRelative(b, ref.coefficients[j]));
      expectRelative(fit.rSquared, ref.r_squared);
      expectRelative(fit.f, ref.f);
    });
  }

  it("fitCurves lists every model best R squared first", () => {
    const { fits, failures } = fitCurves(fixture.x, fixture.y);
    expect(failures).toEqual([]);
    expect(fits).toHaveLength(10);
    const expected = [...CURVE_MODELS].sort(
      (a, b) => fixture.models[b].r_squared - fixture.models[a].r_squared || CURVE_MODELS.indexOf(a) - CURVE_MODELS.indexOf(b),
    );
    // compound, growth and exponential are one fitted line: same R squared, listed in CURVE_MODELS order.
    expect(fits.map((f) => f.model)).toEqual(expected);
  });
});

describe("fitCurve by hand", () => {
  it("linear through (1, 3), (2, 5), (3, 7.5)", () => {
    // x mean 2, y mean 15.5/3 = 5.1667; Sxy = (-1)(3 - 5.1667) + 0 + (1)(7.5 - 5.1667) = 4.5, Sxx = 2
    // b1 = 4.5 / 2 = 2.25, b0 = 5.1667 - 2.25 x 2 = 0.6667
    // fitted 2.9167, 5.1667, 7.4167; residuals 0.0833, -0.1667, 0.0833; RSS = 0.041667
    // TSS = 4.6944 + 0.0278 + 5.4444 = 10.1667; R^2 = 1 - 0.041667 / 10.1667 = 0.995902
    // F = (10.1667 - 0.041667) / 1 / (0.041667 / 1) = 243
    const fit = fitCurve([1, 2, 3], [3, 5, 7.5], "linear");
    expect(fit.coefficients[0]).toBeCloseTo(2 / 3, 12);
    expect(fit.coefficients[1]).toBeCloseTo(2.25, 12);
    expect(fit.rSquared).toBeCloseTo(1 - 0.125 / 3 / (61 / 6), 12);
    expect(fit.f).toBeCloseTo(243, 9);
    expect(fit.n).toBe(3);
  });

  it("power y = 2 x^1.5 is recovered exactly on ln y", () => {
    // ln y = ln 2 + 1.5 ln x: b0 = e^(ln 2) = 2, b1 = 1.5, R^2 = 1 on the log scale
    const x = [1, 2, 4, 9];
    const y = x.map((v) => 2 * Math.pow(v, 1.5)); // 2, 5.657, 16, 54
    const fit = fitCurve(x, y, "power");
    expect(fit.coefficients[0]).toBeCloseTo(2, 12);
    expect(fit.coefficients[1]).toBeCloseTo(1.5, 12);
    expect(fit.rSquared).toBeCloseTo(1, 12);
    expect(fit.logScale).toBe(true);
  });

  it("compound, growth and exponential are one line written three ways", () => {
    // y = 100 x 2^x with noise: ln y = ln 100 + x ln 2
    const x = [0, 1, 2, 3, 4];
    const y = [101, 198, 405, 790, 1610];
    const compound = fitCurve(x, y, "compound");
    const growth = fitCurve(x, y, "growth");
    const exponential = fitCurve(x, y, "exponential");
    // growth b0 = c0, b1 = c1; compound b0 = e^c0, b1 = e^c1; exponential b0 = e^c0, b1 = c1
    expect(compound.coefficients[0]).toBeCloseTo(Math.exp(growth.coefficients[0]), 9);
    expect(compound.coefficients[1]).toBeCloseTo(Math.exp(growth.coefficients[1]), 12);
    expect(exponential.coefficients[0]).toBeCloseTo(Math.exp(growth.coefficients[0]), 9);
    expect(exponential.coefficients[1]).toBeCloseTo(growth.coefficients[1], 12);
    expect(compound.rSquared).toBe(growth.rSquared);
    expect(compound.coefficients[1]).toBeCloseTo(2, 1);
    for (const xi of [0.5, 2.5]) {
      expect(predictCurve(compound, xi)).toBeCloseTo(predictCurve(growth, xi), 8);
      expect(predictCurve(exponential, xi)).toBeCloseTo(predictCurve(growth, xi), 8);
    }
  });

  it("S and inverse use 1/x", () => {
    // y = 5 + 4 / x exactly: inverse b0 = 5, b1 = 4
    const inv = fitCurve([1, 2, 4, 8], [9, 7, 6, 5.5], "inverse");
    expect(inv.coefficients[0]).toBeCloseTo(5, 12);
    expect(inv.coefficients[1]).toBeCloseTo(4, 12);
    // ln y = 1 + 2 / x exactly: S b0 = 1, b1 = 2; at x = 2 the curve is e^(1 + 1) = e^2
    const x = [1, 2, 4, 8];
    const s = fitCurve(x, x.map((v) => Math.exp(1 + 2 / v)), "s");
    expect(s.coefficients[0]).toBeCloseTo(1, 12);
    expect(s.coefficients[1]).toBeCloseTo(2, 12);
    expect(predictCurve(s, 2)).toBeCloseTo(Math.exp(2), 10);
  });

  it("predicts with the SPSS forms", () => {
    // growth y = e^(8 + 0.5 x) at x = 2: e^9 = 8103.0839...
    expect(predictCurve({ model: "growth", coefficients: [8, 0.5] }, 2)).toBeCloseTo(8103.083927575384, 6);
    // cubic 1 + 2x + 3x^2 + 4x^3 at x = 2: 1 + 4 + 12 + 32 = 49
    expect(predictCurve({ model: "cubic", coefficients: [1, 2, 3, 4] }, 2)).toBe(49);
    // compound 3 x 2^x at 3: 24; power 3 x^2 at 3: 27; exponential 3 e^(0 x): 3
    expect(predictCurve({ model: "compound", coefficients: [3, 2] }, 3)).toBeCloseTo(24, 12);
    expect(predictCurve({ model: "power", coefficients: [3, 2] }, 3)).toBeCloseTo(27, 12);
    expect(predictCurve({ model: "exponential", coefficients: [3, 0] }, 3)).toBe(3);
    // logarithmic 1 + 2 ln e = 3
    expect(predictCurve({ model: "logarithmic", coefficients: [1, 2] }, Math.E)).toBeCloseTo(3, 12);
  });

  it("the cubic stays accurate where normal equations lose digits", () => {
    // y = 1 + x + x^2 + x^3 exactly on x = 10.0, 10.1, ..., 11.0. Solving the normal equations
    // X'X b = X'y (Gaussian elimination with pivoting) gives b0 = 0.99881, off by 1.2e-3: X'X
    // squares the condition number of X. Householder QR gets every coefficient within 1e-8.
    const x = Array.from({ length: 11 }, (_, i) => 10 + i / 10);
    const y = x.map((v) => 1 + v + v * v + v * v * v);
    const fit = fitCurve(x, y, "cubic");
    fit.coefficients.forEach((b) => expect(Math.abs(b - 1)).toBeLessThan(1e-6));
    expect(fit.rSquared).toBeCloseTo(1, 12);
  });
});

describe("fitCurve refuses what the data cannot support", () => {
  const reason = (f: () => unknown): CaseMixError => {
    try {
      f();
    } catch (e) {
      return e as CaseMixError;
    }
    throw new Error("did not fail");
  };

  it("x <= 0 for ln x, x = 0 for 1/x, y <= 0 for ln y", () => {
    expect(reason(() => fitCurve([0, 1, 2], [1, 2, 3], "logarithmic")).text.en).toMatch(/needs x > 0.*point 1 has x = 0/);
    expect(reason(() => fitCurve([1, 0, 2], [1, 2, 3], "inverse")).text.zh).toMatch(/x 不为 0.*第 2 个点/);
    expect(reason(() => fitCurve([1, 2, 3], [1, -2, 3], "growth")).text.en).toMatch(/needs y > 0.*point 2 has y = -2/);
    expect(reason(() => fitCurve([1, 2, 3], [1, 0, 3], "s")).kind).toBe("num");
  });

  it("too few points, constant y, too few distinct x", () => {
    expect(reason(() => fitCurve([1, 2, 3, 4], [1, 2, 3, 5], "cubic")).text.en).toMatch(/at least 5 points; there are 4/);
    expect(reason(() => fitCurve([1, 2, 3], [4, 4, 4], "linear")).text.en).toMatch(/same for every point/);
    expect(reason(() => fitCurve([1, 1, 2, 2, 2], [1, 2, 3, 4, 5], "quadratic")).text.en).toMatch(/too few distinct values/);
  });

  it("fitCurves lists the models it could not fit with the reason", () => {
    const { fits, failures } = fitCurves([0, 1, 2, 3, 4], [1, 2, 4, 8, 17]);
    expect(failures.map((f) => f.model)).toEqual(["logarithmic", "inverse", "power", "s"]);
    expect(fits.map((f) => f.model)).toHaveLength(6);
  });
});

describe("curveLine", () => {
  it("samples the curve evenly and leaves out points where it is undefined", () => {
    // y = 1 + 2x at 0, 0.5, 1
    expect(curveLine({ model: "linear", coefficients: [1, 2] }, 0, 1, 2)).toEqual({ x: [0, 0.5, 1], y: [1, 2, 3] });
    // logarithmic at x = 0 is -Infinity: left out; at 1 and 2: 5 + 3 ln x
    const line = curveLine({ model: "logarithmic", coefficients: [5, 3] }, 0, 2, 2);
    expect(line.x).toEqual([1, 2]);
    expect(line.y[0]).toBe(5);
    expect(line.y[1]).toBeCloseTo(5 + 3 * Math.LN2, 14);
  });
});

describe("parseCurveModel and completePairs", () => {
  it("reads English and Chinese names", () => {
    const cases: [string, CurveModel][] = [
      ["Cubic", "cubic"],
      ["三次", "cubic"],
      ["S", "s"],
      ["复合", "compound"],
      ["增长", "growth"],
      ["指数", "exponential"],
      [" Exponential ", "exponential"],
      ["幂", "power"],
      ["逆", "inverse"],
    ];
    for (const [word, model] of cases) expect(parseCurveModel(word)).toBe(model);
    expect(parseCurveModel("logistic")).toBeUndefined();
  });

  it("drops a pair when either value is blank", () => {
    const r = completePairs(Float64Array.of(1, NaN, 3, 4), Float64Array.of(10, 20, NaN, 40));
    expect(Array.from(r.x)).toEqual([1, 4]);
    expect(Array.from(r.y)).toEqual([10, 40]);
    expect(r.dropped).toBe(2);
  });
});
