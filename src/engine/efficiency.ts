/**
 * Efficiency (效率维度): the cost index (费用消耗指数) and time index (时间消耗指数).
 *
 *     index = sum_g n_g x (c_g / B_g) / sum_g n_g
 *
 * c_g is the unit's mean cost (or length of stay) per case in group g, B_g the benchmark mean
 * of g, n_g the unit's cases in g. Since n_g x c_g is the unit's total in g, the index is
 * computed in one pass as sum over cases of (value / B_g) / cases. Without a benchmark table
 * B_g is the mean of g over all the rows passed, so the overall index is exactly 1.
 *
 * Example: a unit with two GB11 cases costing 9,000 and 11,000 (B = 8,000) and one ES21 case
 * costing 3,000 (B = 4,000): (2 x 10,000/8,000 + 1 x 3,000/4,000) / 3 = (2.5 + 0.75) / 3 = 1.0833.
 * Only groups with a benchmark count; cases in other groups are counted and reported.
 */
import { Interned } from "./codes";
import { SkippedRows, noSkips, sortedOrder } from "./grouping";
import { weightsForCodes, WeightTable } from "./weightTable";

export interface EfficiencyInput {
  groups: Interned;
  /** Cost or length of stay per case (per-case average for aggregate rows); NaN = blank. */
  values: Float64Array;
  counts?: Float64Array;
  by?: Interned;
}

export interface EfficiencyRow {
  key: string;
  /** NaN when no case of the unit has a benchmark. */
  index: number;
  /** Cases that entered the index. */
  cases: number;
  /** Cases of the unit in groups without a (positive) benchmark. */
  casesWithoutBenchmark: number;
  /** Mean value per case over the cases that entered the index. */
  meanValue: number;
}

export interface EfficiencyResult {
  overall: EfficiencyRow;
  rows?: EfficiencyRow[];
  /** The benchmark mean per group id (NaN where none). */
  benchmarkById: Float64Array;
  /** Groups that had cases but no usable benchmark, in order of first appearance. */
  groupsWithoutBenchmark: string[];
  skipped: SkippedRows;
}

/** The mean value per group over the rows passed: the benchmark when none is given. */
export function groupMeans(groups: Interned, values: Float64Array, counts?: Float64Array): Float64Array {
  const nGroups = groups.codes.length;
  const sums = new Float64Array(nGroups);
  const cases = new Float64Array(nGroups);
  meansKernel(groups.ids, values, counts, sums, cases);
  for (let g = 0; g < nGroups; g++) sums[g] = cases[g] > 0 ? sums[g] / cases[g] : NaN;
  return sums;
}

/** Case-weighted sums and cases per group (the hot loop of groupMeans, closure-free). */
function meansKernel(
  ids: Int32Array,
  values: Float64Array,
  counts: Float64Array | undefined,
  sums: Float64Array,
  cases: Float64Array,
): void {
  for (let i = 0; i < ids.length; i++) {
    const g = ids[i];
    const v = values[i];
    const c = counts === undefined ? 1 : counts[i];
    if (g < 0 || v !== v || !(c > 0)) continue;
    sums[g] += c * v;
    cases[g] += c;
  }
}

/**
 * The hot loop of efficiencyIndex, closure-free over typed arrays (V8 keeps it optimized from
 * one call to the next). acc receives: 0 ratio, 1 cases, 2 value sum, 3 uncovered cases,
 * 4 empty group rows, 5 missing value rows, 6 no-case rows, 7 empty key rows.
 * `firstUncovered[g]` receives the first row of each group without a benchmark (-1 otherwise).
 */
function efficiencyKernel(
  ids: Int32Array,
  values: Float64Array,
  counts: Float64Array | undefined,
  keyIds: Int32Array | undefined,
  inverse: Float64Array,
  keyRatio: Float64Array,
  keyCases: Float64Array,
  keyValue: Float64Array,
  keyUncovered: Float64Array,
  firstUncovered: Int32Array,
  acc: Float64Array,
): void {
  let ratio = 0;
  let cases = 0;
  let valueSum = 0;
  let uncovered = 0;
  let emptyGroup = 0;
  let missingValue = 0;
  let noCases = 0;
  let emptyKey = 0;
  for (let i = 0; i < ids.length; i++) {
    const g = ids[i];
    if (g < 0) {
      emptyGroup++;
      continue;
    }
    const v = values[i];
    if (v !== v) {
      missingValue++;
      continue;
    }
    const c = counts === undefined ? 1 : counts[i];
    if (!(c > 0)) {
      noCases++;
      continue;
    }
    let k = -1;
    if (keyIds !== undefined) {
      k = keyIds[i];
      if (k < 0) {
        emptyKey++;
        continue;
      }
    }
    const inv = inverse[g];
    if (inv !== inv) {
      uncovered += c;
      if (k >= 0) keyUncovered[k] += c;
      if (firstUncovered[g] < 0) firstUncovered[g] = i;
      continue;
    }
    const r = c * v * inv;
    ratio += r;
    cases += c;
    valueSum += c * v;
    if (k >= 0) {
      keyRatio[k] += r;
      keyCases[k] += c;
      keyValue[k] += c * v;
    }
  }
  acc[0] = ratio;
  acc[1] = cases;
  acc[2] = valueSum;
  acc[3] = uncovered;
  acc[4] = emptyGroup;
  acc[5] = missingValue;
  acc[6] = noCases;
  acc[7] = emptyKey;
}

function efficiencyRow(key: string, r: number, c: number, v: number, u: number): EfficiencyRow {
  return { key, index: c > 0 ? r / c : NaN, cases: c, casesWithoutBenchmark: u, meanValue: c > 0 ? v / c : NaN };
}

export function efficiencyIndex(input: EfficiencyInput, benchmark?: WeightTable): EfficiencyResult {
  const { groups, values, counts, by } = input;
  const G = groups.codes.length;
  const benchmarkById = benchmark ? weightsForCodes(groups.codes, benchmark) : groupMeans(groups, values, counts);
  const inverse = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    const b = benchmarkById[g];
    inverse[g] = b > 0 ? 1 / b : NaN;
  }

  const nKeys = by ? by.codes.length : 0;
  const keyRatio = new Float64Array(nKeys);
  const keyCases = new Float64Array(nKeys);
  const keyValue = new Float64Array(nKeys);
  const keyUncovered = new Float64Array(nKeys);
  const firstUncovered = new Int32Array(G).fill(-1);
  const acc = new Float64Array(8);
  efficiencyKernel(
    groups.ids,
    values,
    counts,
    by?.ids,
    inverse,
    keyRatio,
    keyCases,
    keyValue,
    keyUncovered,
    firstUncovered,
    acc,
  );
  const skipped = noSkips();
  skipped.emptyGroup = acc[4];
  skipped.missingValue = acc[5];
  skipped.noCases = acc[6];
  skipped.emptyKey = acc[7];
  // Groups without a benchmark in order of first appearance.
  const uncoveredOrder: number[] = [];
  for (let g = 0; g < G; g++) if (firstUncovered[g] >= 0) uncoveredOrder.push(g);
  uncoveredOrder.sort((a, b) => firstUncovered[a] - firstUncovered[b]);

  let rows: EfficiencyRow[] | undefined;
  if (by) {
    rows = [];
    for (const k of sortedOrder(by.codes)) {
      if (keyCases[k] === 0 && keyUncovered[k] === 0) continue;
      rows.push(efficiencyRow(by.codes[k], keyRatio[k], keyCases[k], keyValue[k], keyUncovered[k]));
    }
  }
  return {
    overall: efficiencyRow("", acc[0], acc[1], acc[2], acc[3]),
    rows,
    benchmarkById,
    groupsWithoutBenchmark: uncoveredOrder.map((g) => groups.codes[g]),
    skipped,
  };
}
