/**
 * Standardized five-category weight (Beijing method, 标准化权重): each case's cost is split
 * into categories (medical 医疗, nursing 护理, medical technology 医技, drugs 药品,
 * administration 管理, or any number k of them), and
 *
 *     RW_g = scale x sum_k s_k x mean_k(g) / mean_k(all)
 *
 * with shares s_k (default 1/k each, 0.2 for five). A category whose all-case mean is 0 is
 * left out and the shares are renormalized over the others; the shares are always rescaled
 * to add up to 1, so [30, 20, 20, 20, 10] works as well as [0.3, 0.2, 0.2, 0.2, 0.1].
 * No outlier trimming is applied here: every case with a cost counts (kept = cases).
 * A row is skipped (as missingCost) only when every category is blank; a blank category in
 * a row that has others counts as 0. Rows with an empty group or a blank or 0 count are
 * skipped and counted as in relativeWeights. Because sum_k s_k = 1, the case-weighted mean
 * of RW over all cases is exactly `scale`.
 *
 *     // two categories, equal shares; group A: (10, 0), (30, 4); group B: (20, 8)
 *     // means: all (20, 4); A (20, 2), B (20, 8)
 *     // RW_A = 0.5 x 20/20 + 0.5 x 2/4 = 0.75, RW_B = 0.5 x 1 + 0.5 x 8/4 = 1.5
 */
import { Interned, compareCodes } from "./codes";
import { checkSameLength } from "./input";
import { DEFAULT_MIN_CASES, GroupWeights, SkippedWeightRows, checkWeightOptions, rowCount } from "./relativeWeights";
import { CaseMixError } from "./text";

export interface StandardizedInput {
  groups: Interned;
  /** Cost per case of each category (medical, nursing, tech, drug, admin, or any number k). */
  categories: Float64Array[];
  counts?: Float64Array;
}

export interface StandardizedOptions {
  /** Share of each category (default 1/k each); rescaled to add up to 1 over the categories used. */
  shares?: number[];
  /** Groups with fewer cases are flagged unreliable (default 5). */
  minCases?: number;
  scale?: number;
  /** Row number of the first row, for messages (default 1). */
  firstRow?: number;
}

export type StandardizedWeights = GroupWeights & {
  /** Per category, per group (aligned with codes): the mean cost of the category. */
  categoryMeans: Float64Array[];
  /** Per category: the all-case mean cost. */
  allCategoryMeans: Float64Array;
  /** The shares applied (0 for a category left out), adding up to 1. */
  usedShares: number[];
};

function checkShares(shares: number[] | undefined, k: number): number[] {
  if (shares === undefined) return new Array<number>(k).fill(1 / k);
  if (shares.length !== k) {
    throw new CaseMixError("value", {
      en: `shares has ${shares.length} value${shares.length === 1 ? "" : "s"} but there are ${k} cost categories; give one share per category`,
      zh: `shares 有 ${shares.length} 个值，而费用类别有 ${k} 个；请为每个类别给一个占比`,
    });
  }
  for (let j = 0; j < k; j++) {
    const s = shares[j];
    if (!(s >= 0 && s < Infinity)) {
      throw new CaseMixError("value", {
        en: `shares item ${j + 1}: ${s} must be a number of zero or more`,
        zh: `shares 第 ${j + 1} 项：${s} 应为大于或等于 0 的数`,
      });
    }
  }
  return shares.slice();
}

/**
 * The five-category standardized weight of each group; see the module comment. Throws
 * "div0" when no row has a group, a cost and a count, or when every category with a
 * share has an all-case mean of 0.
 *
 *     standardizedWeights({ groups: internCodes(["A", "A", "B"]),
 *       categories: [Float64Array.of(10, 30, 20), Float64Array.of(0, 4, 8)] }, { minCases: 1 })
 *     // weight: A 0.75, B 1.5 (see the module comment)
 */
export function standardizedWeights(input: StandardizedInput, options: StandardizedOptions = {}): StandardizedWeights {
  const { groups, categories, counts } = input;
  const n = groups.ids.length;
  const k = categories.length;
  if (k === 0) {
    throw new CaseMixError("value", {
      en: "categories: give at least one cost category column",
      zh: "categories：至少需要一个费用类别列",
    });
  }
  for (let j = 0; j < k; j++) {
    checkSameLength(
      { name: "groups", length: n },
      { name: `categories column ${j + 1}`, length: categories[j].length },
    );
  }
  if (counts !== undefined) checkSameLength({ name: "groups", length: n }, { name: "counts", length: counts.length });
  const shares = checkShares(options.shares, k);
  const minCases = options.minCases ?? DEFAULT_MIN_CASES;
  const scale = options.scale ?? 1;
  const firstRow = options.firstRow ?? 1;
  checkWeightOptions(scale, minCases);

  const G = groups.codes.length;
  const cases = new Float64Array(G);
  const sums = categories.map(() => new Float64Array(G));
  const skipped: SkippedWeightRows = { emptyGroup: 0, missingCost: 0, zeroCount: 0, missingYear: 0 };
  const ids = groups.ids;
  for (let i = 0; i < n; i++) {
    const g = ids[i];
    if (g < 0) {
      skipped.emptyGroup++;
      continue;
    }
    let blank = true;
    for (let j = 0; j < k; j++) {
      const x = categories[j][i];
      if (x === x) {
        if (x === Infinity || x === -Infinity) {
          throw new CaseMixError("value", {
            en: `categories column ${j + 1} row ${i + firstRow}: ${x} is not a finite number`,
            zh: `categories 第 ${j + 1} 列第 ${i + firstRow} 行：${x} 不是有限的数`,
          });
        }
        blank = false;
      }
    }
    if (blank) {
      skipped.missingCost++;
      continue;
    }
    const c = rowCount(counts, i, firstRow);
    if (c === 0) {
      skipped.zeroCount++;
      continue;
    }
    cases[g] += c;
    for (let j = 0; j < k; j++) {
      const x = categories[j][i];
      if (x === x) sums[j][g] += c * x;
    }
  }

  let total = 0;
  for (let g = 0; g < G; g++) total += cases[g];
  if (!(total > 0)) {
    throw new CaseMixError("div0", {
      en: "no weights: no row has a group, a cost and a case count, so there is no mean cost to divide by",
      zh: "无法计算权重：没有任何一行同时具有病组、费用和病例数，没有可作分母的平均费用",
    });
  }
  const allCategoryMeans = new Float64Array(k);
  let shareSum = 0;
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let g = 0; g < G; g++) s += sums[j][g];
    allCategoryMeans[j] = s / total;
    if (allCategoryMeans[j] !== 0) shareSum += shares[j];
  }
  if (!(shareSum > 0)) {
    throw new CaseMixError("div0", {
      en: "no weights: every cost category with a share has an all-case mean of 0",
      zh: "无法计算权重：所有占比大于 0 的费用类别的全部病例平均费用都为 0",
    });
  }
  const usedShares = shares.map((s, j) => (allCategoryMeans[j] !== 0 ? s / shareSum : 0));

  const present: number[] = [];
  for (let g = 0; g < G; g++) if (cases[g] > 0) present.push(g);
  const codesOf = groups.codes;
  present.sort((a, b) => compareCodes(codesOf[a], codesOf[b]));
  const m = present.length;
  const categoryMeans = categories.map(() => new Float64Array(m));
  const weight = new Float64Array(m);
  const outCases = new Float64Array(m);
  const meanCost = new Float64Array(m);
  const reliable = new Uint8Array(m);
  let allCaseMean = 0;
  for (let j = 0; j < k; j++) allCaseMean += allCategoryMeans[j];
  for (let t = 0; t < m; t++) {
    const g = present[t];
    let rw = 0;
    let cost = 0;
    for (let j = 0; j < k; j++) {
      const mk = sums[j][g] / cases[g];
      categoryMeans[j][t] = mk;
      cost += mk;
      if (usedShares[j] !== 0) rw += (usedShares[j] * mk) / allCategoryMeans[j];
    }
    weight[t] = scale * rw;
    outCases[t] = cases[g];
    meanCost[t] = cost;
    reliable[t] = cases[g] >= minCases ? 1 : 0;
  }
  return {
    codes: present.map((g) => codesOf[g]),
    weight,
    cases: outCases,
    kept: outCases.slice(),
    meanCost,
    reliable,
    allCaseMean,
    skipped,
    categoryMeans,
    allCategoryMeans,
    usedShares,
  };
}
