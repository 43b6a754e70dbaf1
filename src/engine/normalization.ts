/**
 * Normalization (budget neutrality, 预算中性): rescale a weight table so that the
 * case-weighted mean weight over a reference case set equals a target (1, or the CMI of a
 * reference weight table on the same cases).
 *
 *     f = target x sum_i n_i / sum_i n_i x RW_{g(i)}
 *
 * over the reference cases i whose group has a weight (cases whose group has none, an empty
 * group or a blank or 0 count take no part, in the numerator or the denominator).
 *
 *     // cases: 2 x A (RW 0.5), 1 x B (RW 2): mean weight (1 + 2) / 3 = 1, f = 1
 *     // with target 1.2: f = 1.2 x 3 / 3 = 1.2
 */
import { Interned } from "./codes";
import { GroupWeights } from "./relativeWeights";
import { CaseMixError } from "./text";

function checkTarget(target: number): void {
  if (!(target > 0 && target < Infinity)) {
    throw new CaseMixError("value", {
      en: `target: ${target} must be a number above 0`,
      zh: `target：${target} 应为大于 0 的数`,
    });
  }
}

/**
 * Factor f such that the case-weighted mean of f x weight over the reference cases equals
 * target (default 1). `weightById[id]` is the weight of interned group id (NaN: no weight);
 * `caseIds` the group id of each reference row (-1: empty); `counts` the cases per row.
 * Throws "div0" when no reference case has a weight, or their total weight is 0.
 *
 *     normalizationFactor([0.5, 2], Int32Array.of(0, 0, 1, 1))
 *     // mean weight (0.5 + 0.5 + 2 + 2) / 4 = 1.25, f = 1 / 1.25 = 0.8
 */
export function normalizationFactor(
  weightById: ArrayLike<number>,
  caseIds: Int32Array,
  counts?: ArrayLike<number>,
  target = 1,
): number {
  checkTarget(target);
  if (counts !== undefined && counts.length !== caseIds.length) {
    throw new CaseMixError("value", {
      en: `counts has ${counts.length} rows but the reference cases have ${caseIds.length}; they must be the same size`,
      zh: `counts 有 ${counts.length} 行，而参照病例有 ${caseIds.length} 行，两者大小必须相同`,
    });
  }
  let cases = 0;
  let total = 0;
  for (let i = 0; i < caseIds.length; i++) {
    const id = caseIds[i];
    if (id < 0) continue;
    const w = weightById[id];
    if (w !== w) continue;
    const c = counts === undefined ? 1 : counts[i];
    if (!(c > 0)) continue;
    cases += c;
    total += c * w;
  }
  if (!(cases > 0)) {
    throw new CaseMixError("div0", {
      en: "cannot normalize: no reference case has a group with a weight",
      zh: "无法标准化：参照病例中没有任何病例所属病组有权重",
    });
  }
  if (!(total !== 0 && total === total && Math.abs(total) < Infinity)) {
    throw new CaseMixError("div0", {
      en: "cannot normalize: the total weight of the reference cases is 0",
      zh: "无法标准化：参照病例的总权重为 0",
    });
  }
  return (target * cases) / total;
}

/**
 * A copy of `weights` with every weight multiplied by the normalization factor over the
 * reference cases `caseGroups` (codes matched in normalized form; cases whose group is not in
 * the table take no part). The copy keeps every other field (also those of standardized
 * weights) and records `normalization: { factor, target }` of this step.
 *
 *     // weights A 0.5, B 2; reference cases A, A, B, B: f = 0.8, so A 0.4, B 1.6
 */
export function normalizeWeights<T extends GroupWeights>(
  weights: T,
  caseGroups: Interned,
  counts?: Float64Array,
  target = 1,
): T {
  const index = new Map<string, number>();
  for (let j = 0; j < weights.codes.length; j++) index.set(weights.codes[j], j);
  const weightById = new Float64Array(caseGroups.codes.length);
  for (let id = 0; id < caseGroups.codes.length; id++) {
    const at = index.get(caseGroups.codes[id]);
    weightById[id] = at === undefined ? NaN : weights.weight[at];
  }
  const factor = normalizationFactor(weightById, caseGroups.ids, counts, target);
  const weight = new Float64Array(weights.weight.length);
  for (let j = 0; j < weight.length; j++) weight[j] = weights.weight[j] * factor;
  return { ...weights, weight, normalization: { factor, target } };
}
