/**
 * LOS and cost targets from CMI (基于 CMI 制定平均住院日目标, DOMAIN.md "Using CMI"):
 *
 *     standardized_u = mean_u / CMI_u                (days or money per weight point)
 *     target_u       = CMI_u x benchmark
 *     gap_u          = mean_u - target_u             (above 0: longer or dearer than the target)
 *
 * The benchmark standardized value is, by the user's choice (decision: the first by default):
 * - "hospital": the whole data's total value / total weight (= overall mean / overall CMI), so
 *   the hospital as a whole is exactly on target;
 * - "percentile": the p-th percentile of the units' standardized values, as PERCENTILE.INC over
 *   them (one value a unit, not weighted by cases);
 * - a number the user gives (a regional or last year's standardized value).
 *
 * Example: units A (mean 8 days, CMI 1.25, standardized 6.4) and B (mean 5 days, CMI 0.5,
 * standardized 10), hospital total 21 days / 3 weight points = 7: A's target 1.25 x 7 = 8.75,
 * gap 8 - 8.75 = -0.75; B's target 0.5 x 7 = 3.5, gap 5 - 3.5 = 1.5. With the 25th percentile
 * of (6.4, 10) = 6.4 + 0.25 x 3.6 = 7.3 instead: A's target 1.25 x 7.3 = 9.125.
 */
import { CmiAdjustedResult } from "./cmiAdjusted";
import { quantileInc } from "./statistics";
import { CaseMixError } from "./text";

export type TargetBenchmark =
  { kind: "hospital" } | { kind: "percentile"; p: number } | { kind: "value"; value: number };

export interface TargetRow {
  key: string;
  cases: number;
  /** Mean value per case (days or money). */
  mean: number;
  cmi: number;
  /** mean / CMI; Infinity when the unit's CMI is 0. */
  standardized: number;
  target: number;
  gap: number;
}

export interface TargetResult {
  /** The benchmark standardized value used for every unit. */
  benchmark: number;
  rows: TargetRow[];
}

/** The benchmark standardized value of a rule over units' results. */
export function benchmarkValue(result: CmiAdjustedResult, rule: TargetBenchmark): number {
  if (rule.kind === "value") return rule.value;
  if (rule.kind === "hospital") return result.overall.adjusted;
  const values = (result.rows ?? []).map((r) => r.adjusted).filter((v) => Number.isFinite(v));
  if (values.length === 0) {
    throw new CaseMixError("div0", {
      en: "no unit has a standardized value (every unit has a CMI of 0), so there is no percentile to take",
      zh: "没有任何单位有标化值（所有单位的 CMI 都为 0），无法取分位数",
    });
  }
  return quantileInc(values, rule.p);
}

/** Per unit: actual mean, CMI, standardized value, target = CMI x benchmark, gap = mean - target. */
export function standardizedTargets(result: CmiAdjustedResult, rule: TargetBenchmark): TargetResult {
  const benchmark = benchmarkValue(result, rule);
  const rows = (result.rows ?? []).map((r) => {
    const target = r.cmi * benchmark;
    return {
      key: r.key,
      cases: r.cases,
      mean: r.indicator,
      cmi: r.cmi,
      standardized: r.adjusted,
      target,
      gap: r.indicator - target,
    };
  });
  return { benchmark, rows };
}
