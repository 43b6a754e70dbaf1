/**
 * Curve model of mean cost per case against CMI (DOMAIN.md "Curve model"): the SPSS
 * "curve estimation" family, each fitted by least squares (Householder QR) in the form
 * SPSS fits it, and reported with SPSS's coefficients.
 *
 * | model       | SPSS form              | fitted as (ordinary least squares)    |
 * |-------------|------------------------|---------------------------------------|
 * | linear      | y = b0 + b1 x          | y on 1, x                             |
 * | logarithmic | y = b0 + b1 ln x       | y on 1, ln x            (x > 0)       |
 * | inverse     | y = b0 + b1 / x        | y on 1, 1/x             (x != 0)      |
 * | quadratic   | y = b0 + b1 x + b2 x^2 | y on 1, x, x^2                        |
 * | cubic       | ... + b3 x^3           | y on 1, x, x^2, x^3                   |
 * | compound    | y = b0 b1^x            | ln y on 1, x; b0 = e^c0, b1 = e^c1    |
 * | power       | y = b0 x^b1            | ln y on 1, ln x; b0 = e^c0 (x, y > 0) |
 * | s           | y = e^(b0 + b1/x)      | ln y on 1, 1/x                        |
 * | growth      | y = e^(b0 + b1 x)      | ln y on 1, x                          |
 * | exponential | y = b0 e^(b1 x)        | ln y on 1, x; b0 = e^c0               |
 *
 * The last five need y > 0. For them R^2 and F are those of the fit of ln y, as SPSS
 * reports them: they measure the fit on the log scale, not on money. (Compound, growth and
 * exponential are the same fitted line written three ways, so they share R^2 and F.)
 * R^2 = 1 - RSS / TSS, F = ((TSS - RSS) / (p - 1)) / (RSS / (n - p)), with p coefficients.
 *
 *     fitCurve([1, 2, 3], [3, 5, 7.5], "linear").coefficients  // [0.6667, 2.25]
 */
import { leastSquares } from "./leastSquares";
import { lookupWord } from "./lookup";
import { CaseMixError, Text } from "./text";

export type CurveModel =
  "linear" | "logarithmic" | "inverse" | "quadratic" | "cubic" | "compound" | "power" | "s" | "growth" | "exponential";

export const CURVE_MODELS: readonly CurveModel[] = [
  "linear",
  "logarithmic",
  "inverse",
  "quadratic",
  "cubic",
  "compound",
  "power",
  "s",
  "growth",
  "exponential",
];

/** Display names: SPSS's English names and those of the Chinese SPSS interface. */
export const CURVE_MODEL_NAMES: Record<CurveModel, Text> = {
  linear: { en: "linear", zh: "线性" },
  logarithmic: { en: "logarithmic", zh: "对数" },
  inverse: { en: "inverse", zh: "逆" },
  quadratic: { en: "quadratic", zh: "二次" },
  cubic: { en: "cubic", zh: "三次" },
  compound: { en: "compound", zh: "复合" },
  power: { en: "power", zh: "幂" },
  s: { en: "S", zh: "S" },
  growth: { en: "growth", zh: "增长" },
  exponential: { en: "exponential", zh: "指数" },
};

const ALIASES: Record<string, CurveModel> = {
  lin: "linear",
  log: "logarithmic",
  logarithm: "logarithmic",
  inv: "inverse",
  quad: "quadratic",
  cub: "cubic",
  comp: "compound",
  pow: "power",
  exp: "exponential",
  倒数: "inverse",
  逆函数: "inverse",
  对数函数: "logarithmic",
  二次曲线: "quadratic",
  三次曲线: "cubic",
  幂函数: "power",
  s曲线: "s",
  指数函数: "exponential",
};

/** The model a user's word names (English or Chinese, any case), or undefined. */
export function parseCurveModel(word: string): CurveModel | undefined {
  const key = word.trim().toLowerCase().replace(/\s+/g, "");
  for (const m of CURVE_MODELS) {
    if (m === key || CURVE_MODEL_NAMES[m].zh.toLowerCase() === key) return m;
  }
  return lookupWord(ALIASES, key);
}

interface ModelSpec {
  /** Number of coefficients. */
  p: number;
  /** The fit is of ln y. */
  logY: boolean;
  /** Needs x > 0 (ln x) or x != 0 (1/x). */
  x: "any" | "positive" | "nonzero";
  /** Regressor j for a value of x (j = 0 is the intercept). */
  term(x: number, j: number): number;
  /** SPSS coefficients from the least-squares ones. */
  toSpss(c: Float64Array): number[];
  /** The SPSS form, on the scale of y. */
  predict(b: readonly number[], x: number): number;
}

const identity = (c: Float64Array) => Array.from(c);
const powerTerm = (x: number, j: number) => (j === 0 ? 1 : j === 1 ? x : j === 2 ? x * x : x * x * x);

const SPECS: Record<CurveModel, ModelSpec> = {
  linear: { p: 2, logY: false, x: "any", term: powerTerm, toSpss: identity, predict: (b, x) => b[0] + b[1] * x },
  logarithmic: {
    p: 2,
    logY: false,
    x: "positive",
    term: (x, j) => (j === 0 ? 1 : Math.log(x)),
    toSpss: identity,
    predict: (b, x) => b[0] + b[1] * Math.log(x),
  },
  inverse: {
    p: 2,
    logY: false,
    x: "nonzero",
    term: (x, j) => (j === 0 ? 1 : 1 / x),
    toSpss: identity,
    predict: (b, x) => b[0] + b[1] / x,
  },
  quadratic: {
    p: 3,
    logY: false,
    x: "any",
    term: powerTerm,
    toSpss: identity,
    predict: (b, x) => b[0] + b[1] * x + b[2] * x * x,
  },
  cubic: {
    p: 4,
    logY: false,
    x: "any",
    term: powerTerm,
    toSpss: identity,
    predict: (b, x) => b[0] + b[1] * x + b[2] * x * x + b[3] * x * x * x,
  },
  compound: {
    p: 2,
    logY: true,
    x: "any",
    term: powerTerm,
    toSpss: (c) => [Math.exp(c[0]), Math.exp(c[1])],
    predict: (b, x) => b[0] * Math.pow(b[1], x),
  },
  power: {
    p: 2,
    logY: true,
    x: "positive",
    term: (x, j) => (j === 0 ? 1 : Math.log(x)),
    toSpss: (c) => [Math.exp(c[0]), c[1]],
    predict: (b, x) => b[0] * Math.pow(x, b[1]),
  },
  s: {
    p: 2,
    logY: true,
    x: "nonzero",
    term: (x, j) => (j === 0 ? 1 : 1 / x),
    toSpss: identity,
    predict: (b, x) => Math.exp(b[0] + b[1] / x),
  },
  growth: {
    p: 2,
    logY: true,
    x: "any",
    term: powerTerm,
    toSpss: identity,
    predict: (b, x) => Math.exp(b[0] + b[1] * x),
  },
  exponential: {
    p: 2,
    logY: true,
    x: "any",
    term: powerTerm,
    toSpss: (c) => [Math.exp(c[0]), c[1]],
    predict: (b, x) => b[0] * Math.exp(b[1] * x),
  },
};

export interface CurveFit {
  model: CurveModel;
  /** SPSS coefficients b0, b1 (, b2, b3). */
  coefficients: number[];
  /** On the fitted scale: ln y for compound, power, S, growth and exponential. */
  rSquared: number;
  /** Infinity when the points lie exactly on the curve (the caller shows an error cell). */
  f: number;
  /** Points used. */
  n: number;
  /** True when the model was fitted to ln y (R^2 and F are on that scale). */
  logScale: boolean;
}

/** Number of coefficients of a model. */
export function coefficientCount(model: CurveModel): number {
  return SPECS[model].p;
}

/** True when the model is fitted to ln y. */
export function fitsLogY(model: CurveModel): boolean {
  return SPECS[model].logY;
}

/**
 * Fits one model to points (x_i, y_i). Both arrays must hold finite numbers (the caller
 * drops blank pairs). Fails with a bilingual message when the data do not allow the model:
 * x <= 0 for ln x, x = 0 for 1/x, y <= 0 for ln y, fewer than p + 1 points, constant y,
 * or too few distinct x values for the polynomial.
 *
 *     fitCurve([1, 2, 4], [2, 4, 8], "power")  // y = 2 x^1: coefficients [2, 1], R^2 = 1
 */
export function fitCurve(x: ArrayLike<number>, y: ArrayLike<number>, model: CurveModel): CurveFit {
  const spec = SPECS[model];
  const name = CURVE_MODEL_NAMES[model];
  const n = x.length;
  if (y.length !== n) throw new RangeError(`x has ${n} values, y has ${y.length}`);
  for (let i = 0; i < n; i++) {
    if (spec.x === "positive" && !(x[i] > 0)) {
      throw new CaseMixError("num", {
        en: `the ${name.en} model needs x > 0 (it uses ln x); point ${i + 1} has x = ${x[i]}`,
        zh: `${name.zh}模型要求 x > 0（使用 ln x）；第 ${i + 1} 个点的 x = ${x[i]}`,
      });
    }
    if (spec.x === "nonzero" && x[i] === 0) {
      throw new CaseMixError("num", {
        en: `the ${name.en} model needs x other than 0 (it uses 1/x); point ${i + 1} has x = 0`,
        zh: `${name.zh}模型要求 x 不为 0（使用 1/x）；第 ${i + 1} 个点的 x = 0`,
      });
    }
    if (spec.logY && !(y[i] > 0)) {
      throw new CaseMixError("num", {
        en: `the ${name.en} model needs y > 0 (it is fitted on ln y); point ${i + 1} has y = ${y[i]}`,
        zh: `${name.zh}模型要求 y > 0（对 ln y 拟合）；第 ${i + 1} 个点的 y = ${y[i]}`,
      });
    }
  }
  if (n < spec.p + 1) {
    throw new CaseMixError("num", {
      en: `the ${name.en} model needs at least ${spec.p + 1} points; there are ${n}`,
      zh: `${name.zh}模型至少需要 ${spec.p + 1} 个点；现有 ${n} 个`,
    });
  }
  const target = new Float64Array(n);
  for (let i = 0; i < n; i++) target[i] = spec.logY ? Math.log(y[i]) : y[i];
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += target[i];
  yMean /= n;
  let tss = 0;
  for (let i = 0; i < n; i++) tss += (target[i] - yMean) * (target[i] - yMean);
  if (!(tss > 0)) {
    throw new CaseMixError("num", {
      en: `y is the same for every point, so no curve can explain it (R squared is undefined)`,
      zh: `所有点的 y 都相同，无法拟合曲线（R² 无定义）`,
    });
  }
  const cols: Float64Array[] = [];
  for (let j = 0; j < spec.p; j++) {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = spec.term(x[i], j);
    cols.push(col);
  }
  const ls = leastSquares(cols, target);
  if (ls.rank < spec.p) {
    throw new CaseMixError("num", {
      en: `x has too few distinct values for the ${name.en} model (${spec.p} coefficients)`,
      zh: `x 的不同取值太少，无法拟合${name.zh}模型（${spec.p} 个系数）`,
    });
  }
  const rss = ls.residualSumOfSquares;
  const rSquared = 1 - rss / tss;
  const f = (tss - rss) / (spec.p - 1) / (rss / (n - spec.p));
  return { model, coefficients: spec.toSpss(ls.coefficients), rSquared, f, n, logScale: spec.logY };
}

export interface CurveFailure {
  model: CurveModel;
  reason: Text;
}

/**
 * Fits every model the data allow, best R^2 first (ties keep the order of CURVE_MODELS),
 * and lists the others with the reason they could not be fitted.
 */
export function fitCurves(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  models: readonly CurveModel[] = CURVE_MODELS,
): { fits: CurveFit[]; failures: CurveFailure[] } {
  const fits: CurveFit[] = [];
  const failures: CurveFailure[] = [];
  for (const model of models) {
    try {
      fits.push(fitCurve(x, y, model));
    } catch (error) {
      if (!(error instanceof CaseMixError)) throw error;
      failures.push({ model, reason: error.text });
    }
  }
  fits.sort((a, b) => b.rSquared - a.rSquared || models.indexOf(a.model) - models.indexOf(b.model));
  return { fits, failures };
}

/**
 * The fitted curve at x, on the scale of y (money when y is cost: the SPSS forms of the
 * log-fitted models already exponentiate).
 *
 *     predictCurve({ model: "growth", coefficients: [8, 0.5], ... }, 2)  // e^(8 + 1) = 8103.08...
 */
export function predictCurve(fit: Pick<CurveFit, "model" | "coefficients">, x: number): number {
  return SPECS[fit.model].predict(fit.coefficients, x);
}

/**
 * Points of the fitted curve for a chart: `steps` + 1 evenly spaced x from `from` to `to`
 * and the curve there (money for the log-fitted models). Points where the curve is not a
 * finite number (ln x at x <= 0, 1/x at 0) are left out.
 *
 *     curveLine({ model: "linear", coefficients: [1, 2] }, 0, 1, 2)  // x [0, 0.5, 1], y [1, 2, 3]
 */
export function curveLine(
  fit: Pick<CurveFit, "model" | "coefficients">,
  from: number,
  to: number,
  steps = 50,
): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i <= steps; i++) {
    const xi = i === steps ? to : from + ((to - from) * i) / steps;
    const yi = predictCurve(fit, xi);
    if (Number.isFinite(yi)) {
      x.push(xi);
      y.push(yi);
    }
  }
  return { x, y };
}

/**
 * Keeps the pairs where both x and y are numbers (a blank in either drops the pair).
 * Returns the kept values and how many pairs were dropped.
 */
export function completePairs(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): { x: Float64Array; y: Float64Array; dropped: number } {
  const n = Math.min(x.length, y.length);
  let kept = 0;
  for (let i = 0; i < n; i++) if (x[i] === x[i] && y[i] === y[i]) kept++;
  const ox = new Float64Array(kept);
  const oy = new Float64Array(kept);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (x[i] === x[i] && y[i] === y[i]) {
      ox[k] = x[i];
      oy[k] = y[i];
      k++;
    }
  }
  return { x: ox, y: oy, dropped: n - kept };
}
