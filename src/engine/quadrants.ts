/**
 * Four-quadrant analysis (四象限分析) of DRG groups, DOMAIN.md "Four-quadrant analysis and
 * incentives".
 *
 * Each group has x = its relative weight (clinical value) and y = its contribution rate at a
 * chosen margin layer (economic value). With cut lines X and Y:
 *
 *     strategic   (战略病种)  RW >= X and rate >= Y   coefficient 1.5
 *     competitive (竞争病种)  RW >= X and rate <  Y   coefficient 1.3
 *     suitable    (适宜病种)  RW <  X and rate >= Y   coefficient 1.0
 *     weak        (劣势病种)  RW <  X and rate <  Y   coefficient 0.8
 *
 * A group with fewer cases than `minCases`, or without a weight or a rate (no revenue), is
 * "unclassified" with coefficient 1.0. Cut lines: X = the hospital's CMI (default), 1, the
 * median RW, or any number; Y = the hospital's own contribution rate at the layer ("hospital":
 * total contribution / total revenue of its cases), the median rate, 0, or any number. With
 * Y = 0 most groups of a hospital that covers its variable costs sit above the line and the
 * competitive and weak quadrants stay nearly empty; the hospital's own rate splits the groups
 * into better and worse than its average, whichever layer is chosen. Medians are
 * PERCENTILE.INC(…, 0.5) over the groups that can be classified (one value per group,
 * not weighted by cases), so a user can check them with MEDIAN() on the report's columns.
 *
 *     classifyQuadrants({ rw: [2, 2, 0.5, 0.5, 3], rate: [0.1, -0.1, 0.2, -0.3, 0.5],
 *                         cases: [10, 10, 10, 10, 2] }, { xCut: 1 })
 *     // quadrant: strategic, competitive, suitable, weak, unclassified (2 < 5 cases)
 *     // coefficient: 1.5, 1.3, 1.0, 0.8, 1.0
 */
import { DEFAULT_MIN_CASES } from "./relativeWeights";
import { median } from "./statistics";
import { CaseMixError } from "./text";

export type Quadrant = "strategic" | "competitive" | "suitable" | "weak" | "unclassified";

/** The quadrants in report order (the unclassified last). */
export const QUADRANTS: readonly Quadrant[] = ["strategic", "competitive", "suitable", "weak", "unclassified"];

/** Where the x cut line goes: the hospital's CMI, the median RW of the groups, or a number (1.0). */
export type XCutRule = "cmi" | "median" | number;
/** Where the y cut line goes: the hospital's own rate, the median rate of the groups, or a number (0). */
export type YCutRule = "hospital" | "median" | number;

export type Coefficients = Record<Quadrant, number>;

/** Decision (DOMAIN.md): 1.5 / 1.3 / 1.0 / 0.8, and 1.0 for groups too small to classify. */
export const DEFAULT_COEFFICIENTS: Readonly<Coefficients> = {
  strategic: 1.5,
  competitive: 1.3,
  suitable: 1.0,
  weak: 0.8,
  unclassified: 1.0,
};

export interface QuadrantInput {
  /** Relative weight of each group (NaN: no weight). */
  rw: ArrayLike<number>;
  /** Contribution rate of each group at the chosen layer (NaN: no revenue). */
  rate: ArrayLike<number>;
  /** Cases of each group. */
  cases: ArrayLike<number>;
}

export interface QuadrantOptions {
  /** Default "cmi" (then `cmi` is required). */
  xCut?: XCutRule;
  /** Default 0 here; the reports default to "hospital" (then `hospitalRate` is required). */
  yCut?: YCutRule;
  /** The hospital's contribution rate at the layer (total contribution / total revenue), for yCut "hospital". */
  hospitalRate?: number;
  /** The hospital's CMI (total weight / cases over all its cases), for xCut "cmi". */
  cmi?: number;
  /** Groups with fewer cases are unclassified (default 5). */
  minCases?: number;
  /** Coefficients by quadrant; missing ones take the defaults. */
  coefficients?: Partial<Coefficients>;
}

export interface QuadrantResult {
  quadrant: Quadrant[];
  coefficient: Float64Array;
  /** The cut values used. */
  xCut: number;
  yCut: number;
  /** Groups per quadrant. */
  counts: Record<Quadrant, number>;
}

/** The quadrant of a point, given the cut lines (a point on a line counts as above it). */
export function quadrantOf(rw: number, rate: number, xCut: number, yCut: number): Quadrant {
  if (rw >= xCut) return rate >= yCut ? "strategic" : "competitive";
  return rate >= yCut ? "suitable" : "weak";
}

/** Coefficients with the defaults filled in, each checked to be a finite number >= 0. */
export function resolveCoefficients(given: Partial<Coefficients> | undefined): Coefficients {
  const out = { ...DEFAULT_COEFFICIENTS };
  for (const q of QUADRANTS) {
    const v = given?.[q];
    if (v === undefined) continue;
    if (!(v >= 0 && v < Infinity)) {
      throw new CaseMixError("value", {
        en: `coefficients: ${v} for ${q} must be a number of zero or more`,
        zh: `coefficients：${q} 的系数 ${v} 应为大于或等于 0 的数`,
      });
    }
    out[q] = v;
  }
  return out;
}

function checkCut(value: number, name: string): number {
  if (!Number.isFinite(value)) {
    throw new CaseMixError("value", {
      en: `${name}: ${value} is not a number`,
      zh: `${name}：${value} 不是数字`,
    });
  }
  return value;
}

/**
 * Classifies every group; see the module comment. Throws when xCut is "cmi" without a CMI,
 * yCut is "hospital" without a rate, or a median is asked for and no group can be classified.
 */
export function classifyQuadrants(input: QuadrantInput, options: QuadrantOptions = {}): QuadrantResult {
  const { rw, rate, cases } = input;
  const n = rw.length;
  if (rate.length !== n || cases.length !== n) {
    throw new CaseMixError("value", {
      en: `rw, rate and cases must have the same length (${n}, ${rate.length}, ${cases.length})`,
      zh: `rw、rate 与 cases 的长度必须相同（${n}、${rate.length}、${cases.length}）`,
    });
  }
  const minCases = options.minCases ?? DEFAULT_MIN_CASES;
  if (!(minCases >= 0 && minCases < Infinity)) {
    throw new CaseMixError("value", {
      en: `min_cases: ${minCases} must be a number of zero or more`,
      zh: `min_cases：${minCases} 应为大于或等于 0 的数`,
    });
  }
  const coefficients = resolveCoefficients(options.coefficients);
  const eligible: number[] = [];
  for (let i = 0; i < n; i++) {
    if (cases[i] > 0 && cases[i] >= minCases && Number.isFinite(rw[i]) && Number.isFinite(rate[i])) eligible.push(i);
  }
  const needMedian = options.xCut === "median" || options.yCut === "median";
  if (needMedian && eligible.length === 0) {
    throw new CaseMixError("div0", {
      en: `no group has ${minCases} or more cases with a weight and a rate, so there is no median to cut at`,
      zh: `没有病例数不少于 ${minCases} 且有权重和贡献率的病组，无法取中位数作分界线`,
    });
  }
  const xRule = options.xCut ?? "cmi";
  let xCut: number;
  if (xRule === "cmi") {
    const cmi = options.cmi;
    if (cmi === undefined || !Number.isFinite(cmi)) {
      throw new CaseMixError("div0", {
        en: "x cut at the CMI: the hospital's CMI is not known (no case with a weight)",
        zh: "横轴分界线取 CMI：医院 CMI 未知（没有带权重的病例）",
      });
    }
    xCut = cmi;
  } else if (xRule === "median") xCut = median(eligible.map((i) => rw[i]));
  else xCut = checkCut(xRule, "x_cut");
  const yRule = options.yCut ?? 0;
  let yCut: number;
  if (yRule === "hospital") {
    const hospitalRate = options.hospitalRate;
    if (hospitalRate === undefined || !Number.isFinite(hospitalRate)) {
      throw new CaseMixError("div0", {
        en: "y cut at the hospital's rate: the hospital's contribution rate is not known (no revenue)",
        zh: "纵轴分界线取全院贡献率：全院贡献率未知（没有收入）",
      });
    }
    yCut = hospitalRate;
  } else if (yRule === "median") yCut = median(eligible.map((i) => rate[i]));
  else yCut = checkCut(yRule, "y_cut");

  const quadrant = new Array<Quadrant>(n).fill("unclassified");
  const coefficient = new Float64Array(n).fill(coefficients.unclassified);
  const counts: Record<Quadrant, number> = { strategic: 0, competitive: 0, suitable: 0, weak: 0, unclassified: 0 };
  for (const i of eligible) {
    const q = quadrantOf(rw[i], rate[i], xCut, yCut);
    quadrant[i] = q;
    coefficient[i] = coefficients[q];
  }
  for (const q of quadrant) counts[q]++;
  return { quadrant, coefficient, xCut, yCut, counts };
}
