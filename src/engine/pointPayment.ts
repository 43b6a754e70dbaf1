/**
 * Point payment (点数法) and the benchmark gap, DOMAIN.md "Point payment".
 *
 *     base points of a case   = RW x points per weight (100)
 *     high-cost case (高倍率): cost >= t x group mean, t = 3 (base points <= 100), 2 (100 to 200),
 *                              1.5 (above 200); points = base + (cost / mean - t) x base
 *     low-cost case (低倍率):  cost <= 0.4 x group mean; points = base x cost / mean
 *     payment of a case       = points / points per weight x rate x point value x coefficient
 *     point value             = fund / total points of all hospitals
 *     benchmark gap           = (benchmark CMI - CMI) x rate  (x cases)
 *
 * The payment is the DOMAIN.md revenue formula "total weight x rate x point value x
 * institution coefficient" applied case by case, with outlier cases' weight replaced by
 * points / 100. Two ways to use it: `rate` money per weight point and `point_value` the
 * settlement factor (final / planned point value, default 1); or, with money per point
 * from POINT_VALUE, `rate` = 100 (points per weight) and `point_value` = money per point,
 * which gives points x money per point.
 *
 * Example: RW 1.2 (120 points, band 100 to 200, t = 2), group mean 10,000, rate 5,000:
 * a case costing 25,000 is high (ratio 2.5 >= 2): 120 + (2.5 - 2) x 120 = 180 points,
 * paid 1.8 x 5,000 = 9,000; a case costing 3,000 is low (0.3 <= 0.4): 120 x 0.3 = 36
 * points, paid 1,800; a case costing 9,000 is normal: 120 points, paid 6,000.
 */
import { Interned } from "./codes";
import { SkippedRows, noSkips } from "./grouping";
import { cellNumber } from "./input";
import { lookupWord } from "./lookup";
import { CaseMixError, countOf } from "./text";
import { caseWeights, MissingWeightRule, WeightTable, weightsForCodes } from "./weightTable";

export interface PaymentRules {
  /** Points of one weight point (100 by convention). */
  pointsPerWeight: number;
  /** Upper bounds of the base-point bands, ascending; a base on a bound is in the lower band. */
  bands: number[];
  /** High-cost multiplier of each band: one more than `bands`. */
  high: number[];
  /** Low-cost multiplier: a case at or below low x group mean is a low-cost case. */
  low: number;
  /**
   * The group mean the ratios use: "data", the mean cost of the group's cases passed in;
   * "standard", the group's payment standard RW x rate x point value x coefficient.
   */
  base: "data" | "standard";
}

/** DOMAIN.md's typical local rules. */
export const DEFAULT_PAYMENT_RULES: Readonly<PaymentRules> = Object.freeze({
  pointsPerWeight: 100,
  bands: [100, 200],
  high: [3, 2, 1.5],
  low: 0.4,
  base: "data" as const,
});

/** Kinds of case, as stored in `PaymentResult.kind`. */
export const NORMAL_CASE = 0;
export const HIGH_COST_CASE = 1;
export const LOW_COST_CASE = -1;
/** A case left out because its group has no weight (missing = "exclude"). */
export const NO_WEIGHT_CASE = 2;
/** A case left out because its group is not in the regional table of group means (missing = "exclude"). */
export const NO_MEAN_CASE = 3;

const RULE_KEYS: Record<string, keyof PaymentRules> = {
  points: "pointsPerWeight",
  pointsperweight: "pointsPerWeight",
  点数: "pointsPerWeight",
  每权重点数: "pointsPerWeight",
  bands: "bands",
  band: "bands",
  分段: "bands",
  high: "high",
  高倍率: "high",
  low: "low",
  低倍率: "low",
  base: "base",
  基准: "base",
};

function ruleError(argName: string, en: string, zh: string): CaseMixError {
  return new CaseMixError("value", { en: `${argName}: ${en}`, zh: `${argName}：${zh}` });
}

/**
 * Rules from key = value entries, starting from the defaults. Keys (English or Chinese):
 * `points`/点数, `bands`/分段 (e.g. "100,200"), `high`/高倍率 (e.g. "3,2,1.5"), `low`/低倍率,
 * `base`/基准 ("data"/数据 or "standard"/标准). Lists are separated by commas or spaces.
 *
 *     paymentRules([["high", "2.5,2,1.5"], ["low", "0.5"]])  // bands 100, 200 kept
 */
export function paymentRules(entries: readonly [string, unknown][], argName = "rules"): PaymentRules {
  const rules: PaymentRules = {
    ...DEFAULT_PAYMENT_RULES,
    bands: [...DEFAULT_PAYMENT_RULES.bands],
    high: [...DEFAULT_PAYMENT_RULES.high],
  };
  const numbers = (key: string, value: unknown): number[] => {
    const parts =
      typeof value === "number"
        ? [value]
        : String(value)
            .split(/[,，;；\s/]+/)
            .filter((s) => s !== "");
    return parts.map((part) => {
      const n = cellNumber(part);
      if (n === undefined || Number.isNaN(n) || n < 0) {
        throw ruleError(
          argName,
          `${key}: "${String(part)}" is not a number of zero or more`,
          `${key}："${String(part)}" 不是大于或等于 0 的数`,
        );
      }
      return n;
    });
  };
  for (const [rawKey, value] of entries) {
    const keyText = String(rawKey).trim();
    const key = lookupWord(RULE_KEYS, keyText.toLowerCase().replace(/[\s_]/g, ""));
    if (key === undefined) {
      throw ruleError(
        argName,
        `unknown rule "${keyText}"; use points, bands, high, low or base`,
        `未知规则 "${keyText}"；可用 points（点数）、bands（分段）、high（高倍率）、low（低倍率）、base（基准）`,
      );
    }
    if (key === "base") {
      const v = String(value).trim().toLowerCase();
      if (v === "data" || v === "数据") rules.base = "data";
      else if (v === "standard" || v === "标准") rules.base = "standard";
      else
        throw ruleError(
          argName,
          `base: "${String(value)}" is not data or standard`,
          `base："${String(value)}" 不是 data（数据）或 standard（标准）`,
        );
    } else if (key === "bands" || key === "high") {
      rules[key] = numbers(keyText, value);
    } else {
      const list = numbers(keyText, value);
      if (list.length !== 1) throw ruleError(argName, `${keyText} takes one number`, `${keyText} 只能是一个数`);
      rules[key] = list[0];
    }
  }
  checkRules(rules, argName);
  return rules;
}

/**
 * The key = value entries of rules written as text, separated by ";" or new lines (the
 * `rules` of DRG.DRG_PAYMENT, `--rules` of `casemix payment`).
 *
 *     ruleEntries("high=3,2,1.5; low=0.4")  // [["high", "3,2,1.5"], [" low", "0.4"]]
 */
export function ruleEntries(text: string, argName = "rules"): [string, string][] {
  const entries: [string, string][] = [];
  for (const part of text.split(/[;；\n]+/)) {
    if (part.trim() === "") continue;
    const at = part.search(/[=＝:：]/);
    if (at < 0) {
      throw ruleError(
        argName,
        `"${part.trim()}" is not key=value (e.g. "high=3,2,1.5; low=0.4")`,
        `"${part.trim()}" 不是 键=值 的形式（如 "high=3,2,1.5; low=0.4"）`,
      );
    }
    entries.push([part.slice(0, at), part.slice(at + 1)]);
  }
  return entries;
}

/** Rejects rules that cannot score a case: the checks behind `paymentRules`. */
export function checkRules(rules: PaymentRules, argName = "rules"): void {
  if (!(rules.pointsPerWeight > 0)) {
    throw ruleError(argName, `points per weight must be above 0`, `每权重点数必须大于 0`);
  }
  for (let i = 0; i < rules.bands.length; i++) {
    if (!(rules.bands[i] > 0) || (i > 0 && !(rules.bands[i] > rules.bands[i - 1]))) {
      throw ruleError(
        argName,
        `bands must be positive and ascending (${rules.bands.join(", ")})`,
        `分段必须为正数且递增（${rules.bands.join("、")}）`,
      );
    }
  }
  if (rules.high.length !== rules.bands.length + 1) {
    throw ruleError(
      argName,
      `high needs ${rules.bands.length + 1} multipliers for ${rules.bands.length} band bounds; it has ${rules.high.length}`,
      `${rules.bands.length} 个分段界值需要 ${rules.bands.length + 1} 个高倍率；现有 ${rules.high.length} 个`,
    );
  }
  for (const t of rules.high) {
    if (!(t > rules.low)) {
      throw ruleError(
        argName,
        `every high multiplier must be above low (${rules.low}); ${t} is not`,
        `高倍率必须大于低倍率（${rules.low}）；${t} 不满足`,
      );
    }
  }
}

/**
 * The high-cost multiplier for a group's base points: the first band whose upper bound is
 * >= the base points, else the last.
 *
 *     highThreshold(100, DEFAULT_PAYMENT_RULES)  // 3 (100 is in the first band)
 *     highThreshold(150, DEFAULT_PAYMENT_RULES)  // 2
 *     highThreshold(201, DEFAULT_PAYMENT_RULES)  // 1.5
 */
export function highThreshold(basePoints: number, rules: PaymentRules): number {
  for (let i = 0; i < rules.bands.length; i++) if (basePoints <= rules.bands[i]) return rules.high[i];
  return rules.high[rules.high.length - 1];
}

/**
 * The kind of a case from its base points and ratio = cost / group mean: HIGH_COST_CASE
 * if ratio >= t, LOW_COST_CASE if ratio <= low, else NORMAL_CASE (also when the ratio is
 * undefined, a group mean of 0).
 */
export function caseKind(basePoints: number, ratio: number, rules: PaymentRules): number {
  if (ratio !== ratio || ratio === Infinity) return NORMAL_CASE;
  if (ratio >= highThreshold(basePoints, rules)) return HIGH_COST_CASE;
  if (ratio <= rules.low) return LOW_COST_CASE;
  return NORMAL_CASE;
}

/**
 * Points of a case: base for a normal case, base + (ratio - t) x base for a high-cost case,
 * base x ratio for a low-cost case.
 *
 *     casePoints(120, 2.5, DEFAULT_PAYMENT_RULES)  // 120 + 0.5 x 120 = 180
 *     casePoints(120, 0.3, DEFAULT_PAYMENT_RULES)  // 36
 */
export function casePoints(basePoints: number, ratio: number, rules: PaymentRules): number {
  const kind = caseKind(basePoints, ratio, rules);
  if (kind === HIGH_COST_CASE) return basePoints + (ratio - highThreshold(basePoints, rules)) * basePoints;
  if (kind === LOW_COST_CASE) return basePoints * ratio;
  return basePoints;
}

export interface PaymentInput {
  groups: Interned;
  /** Cost of each case; blank (NaN) only where the group is empty. */
  costs: ArrayLike<number>;
}

export interface PaymentOptions {
  /** Money per weight point. */
  rate: number;
  /** Settlement factor or money per point (see the module doc); default 1. */
  pointValue?: number;
  /** Institution coefficient (机构系数); default 1. */
  coefficient?: number;
  rules?: PaymentRules;
  /**
   * A regional table of group mean costs (group -> mean cost) for the high/low thresholds in
   * place of the mean of the cases passed in (rules base "data"; ignored with base "standard").
   */
  groupMeans?: WeightTable;
  /**
   * Cases whose group has no weight, or no regional mean when `groupMeans` is given: "error"
   * (default) or "exclude" (left unpaid and counted).
   */
  missing?: MissingWeightRule;
  /** Names and row numbers for messages. */
  tableName?: string;
  costsName?: string;
  firstRow?: number;
}

export interface PaymentResult {
  /** Per row: points of the case; NaN for skipped rows. */
  points: Float64Array;
  /** Per row: NORMAL_CASE, HIGH_COST_CASE, LOW_COST_CASE, or NO_WEIGHT_CASE (0 for skipped rows). */
  kind: Int8Array;
  /** Per row: payment of the case; NaN for skipped rows. */
  payment: Float64Array;
  cases: number;
  normalCases: number;
  highCases: number;
  lowCases: number;
  totalPoints: number;
  totalPayment: number;
  /** Cases left out because their group has no weight or no regional mean (missing = "exclude"). */
  excludedCases: number;
  missingCodes: string[];
  /** Groups with a weight but no regional mean (`groupMeans` given, missing = "exclude"), in row order. */
  missingMeanCodes: string[];
  /** Per interned group: the mean cost the ratios used. */
  groupMean: Float64Array;
  skipped: SkippedRows;
}

/**
 * Scores and pays every case. A case whose group has no weight is an error naming the first
 * such group and how many cases it affects (or, with missing = "exclude", is left unpaid and
 * counted); a case with a group but no cost is an error naming its row (its outlier status
 * cannot be decided). Rows with an empty group are skipped.
 */
export function drgPayment(input: PaymentInput, table: WeightTable, options: PaymentOptions): PaymentResult {
  const rules = options.rules ?? DEFAULT_PAYMENT_RULES;
  const pointValue = options.pointValue ?? 1;
  const coefficient = options.coefficient ?? 1;
  const { rate } = options;
  const { groups, costs } = input;
  const ids = groups.ids;
  const n = ids.length;
  const nGroups = groups.codes.length;
  const firstRow = options.firstRow ?? 1;
  const costsName = options.costsName ?? "costs";

  const { weightById, missingCases, missingCodes } = caseWeights(groups, table, {
    argName: options.tableName ?? "weight_table",
    missing: options.missing,
  });
  const skipped = noSkips();
  const sum = new Float64Array(nGroups);
  const count = new Float64Array(nGroups);
  for (let i = 0; i < n; i++) {
    const g = ids[i];
    if (g < 0 || weightById[g] !== weightById[g]) continue;
    const c = costs[i];
    if (c !== c) {
      throw new CaseMixError("value", {
        en: `${costsName} row ${i + firstRow} is blank; every case of ${groups.codes[g]} needs a cost to test the outlier thresholds`,
        zh: `${costsName} 第 ${i + firstRow} 行为空；${groups.codes[g]} 的每个病例都需要费用才能判断高低倍率`,
      });
    }
    sum[g] += c;
    count[g]++;
  }
  const moneyPerWeight = rate * pointValue * coefficient;
  const groupMean = new Float64Array(nGroups);
  const basePoints = new Float64Array(nGroups);
  for (let g = 0; g < nGroups; g++) {
    basePoints[g] = weightById[g] * rules.pointsPerWeight;
    groupMean[g] = rules.base === "standard" ? weightById[g] * moneyPerWeight : count[g] > 0 ? sum[g] / count[g] : NaN;
  }
  const regional =
    options.groupMeans && rules.base === "data"
      ? regionalMeans(groups, weightById, options.groupMeans, options.missing ?? "error")
      : undefined;
  if (regional) groupMean.set(regional.means);

  const points = new Float64Array(n).fill(NaN);
  const payment = new Float64Array(n).fill(NaN);
  const kind = new Int8Array(n);
  let cases = 0;
  let highCases = 0;
  let lowCases = 0;
  let totalPoints = 0;
  let totalPayment = 0;
  let excludedByMean = 0;
  for (let i = 0; i < n; i++) {
    const g = ids[i];
    if (g < 0) {
      skipped.emptyGroup++;
      continue;
    }
    if (weightById[g] !== weightById[g]) {
      kind[i] = NO_WEIGHT_CASE;
      continue;
    }
    if (regional && regional.means[g] !== regional.means[g]) {
      kind[i] = NO_MEAN_CASE;
      excludedByMean++;
      continue;
    }
    const base = basePoints[g];
    const mean = groupMean[g];
    const ratio = mean > 0 ? costs[i] / mean : NaN;
    const k = caseKind(base, ratio, rules);
    const p = casePoints(base, ratio, rules);
    const pay = (p / rules.pointsPerWeight) * moneyPerWeight;
    points[i] = p;
    kind[i] = k;
    payment[i] = pay;
    cases++;
    if (k === HIGH_COST_CASE) highCases++;
    else if (k === LOW_COST_CASE) lowCases++;
    totalPoints += p;
    totalPayment += pay;
  }
  return {
    points,
    kind,
    payment,
    cases,
    normalCases: cases - highCases - lowCases,
    highCases,
    lowCases,
    totalPoints,
    totalPayment,
    excludedCases: missingCases + excludedByMean,
    missingCodes,
    missingMeanCodes: regional?.missingCodes ?? [],
    groupMean,
    skipped,
  };
}

/**
 * Group means from a regional table, per interned group with a weight: NaN where the table
 * has none. Missing = "error" throws naming the first such group (in row order) and its
 * cases; "exclude" returns those groups so their cases are left unpaid and counted.
 *
 *     // groups FR13, GB11; table FR13 12,000: means [12000, NaN], missingCodes ["GB11"]
 */
export function regionalMeans(
  groups: Interned,
  weightById: ArrayLike<number>,
  table: WeightTable,
  missing: MissingWeightRule,
): { means: Float64Array; missingCodes: string[] } {
  const means = weightsForCodes(groups.codes, table);
  const casesOf = new Float64Array(groups.codes.length);
  const missingIds: number[] = [];
  for (let i = 0; i < groups.ids.length; i++) {
    const g = groups.ids[i];
    if (g < 0 || weightById[g] !== weightById[g] || means[g] === means[g]) continue;
    if (casesOf[g]++ === 0) missingIds.push(g);
  }
  if (missingIds.length > 0 && missing === "error") {
    const g = missingIds[0];
    throw new CaseMixError("na", {
      en: `${groups.codes[g]} has no mean cost in group_means (${countOf(casesOf[g], "case")}); add it or set missing to "exclude"`,
      zh: `${groups.codes[g]} 在 group_means 中没有病组均值（${casesOf[g]} 例）；请补充，或将 missing 设为 "exclude"`,
    });
  }
  const missingCodes = missingIds.map((g) => groups.codes[g]);
  return { means, missingCodes };
}

/**
 * Point value (点值) under total-budget point payment: money per point.
 *
 *     pointValue(1e8, 2e6)  // 50 per point
 */
export function pointValue(fund: number, totalPoints: number): number {
  return totalPoints > 0 ? fund / totalPoints : NaN;
}

/**
 * Benchmark gap: what a case mix below (above) the benchmark costs (brings) in payment,
 * (benchmark CMI - CMI) x rate per case, x cases when given. Positive means less money
 * than an average-mix hospital.
 *
 *     benchmarkGap(0.85, 1, 5000)       // 0.15 x 5,000 = 750 per case (the source's example)
 *     benchmarkGap(0.85, 1, 5000, 200)  // 150,000
 */
export function benchmarkGap(cmi: number, benchmarkCmi: number, rate: number, cases = 1): number {
  return (benchmarkCmi - cmi) * rate * cases;
}
