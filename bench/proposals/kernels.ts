/**
 * PROPOSAL for src/engine/efficiency.ts and src/engine/caseMix.ts (owned by the lead), measured
 * by `npm run bench`: the same functions, same results, with each hot loop moved into a small
 * top-level function ("kernel") that takes only typed arrays and numbers.
 *
 * Why: the loops as written run inside functions that also create per-call objects (the
 * `skipped` record, the `pairSet` closure, the `row` arrow). V8 compiles a 1M-row loop with
 * on-stack replacement while it runs, embeds the hidden classes and closures it saw, and throws
 * the code away when those per-call objects are collected; so every call runs a good part of
 * its loop unoptimized (boxing every double, which then costs a garbage collection). A kernel
 * over typed arrays keeps its optimized code from one call to the next.
 *
 * `install()` swaps them in for the benchmark (BENCH_PROPOSAL=1); the adapters call
 * `caseMix` and `efficiencyIndex` through the module objects, so they pick them up.
 */
import * as caseMixModule from "../../src/engine/caseMix";
import * as efficiency from "../../src/engine/efficiency";
import { noSkips, sortedOrder } from "../../src/engine/grouping";
import { caseWeights, weightsForCodes, WeightTable } from "../../src/engine/weightTable";

const originalCaseMix = caseMixModule.caseMix;

// ---------------------------------------------------------------------------------------
// efficiencyIndex
// ---------------------------------------------------------------------------------------

function meansKernel(ids: Int32Array, values: Float64Array, counts: Float64Array | undefined, sums: Float64Array, cases: Float64Array): void {
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
 * acc receives: 0 ratio, 1 cases, 2 value sum, 3 uncovered cases, 4 empty group rows,
 * 5 missing value rows, 6 no-case rows, 7 empty key rows. `firstUncovered[g]` receives the
 * first row of each group without a benchmark (-1 otherwise).
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

function efficiencyRow(key: string, r: number, c: number, v: number, u: number): efficiency.EfficiencyRow {
  return { key, index: c > 0 ? r / c : NaN, cases: c, casesWithoutBenchmark: u, meanValue: c > 0 ? v / c : NaN };
}

export function efficiencyIndex(input: efficiency.EfficiencyInput, benchmark?: WeightTable): efficiency.EfficiencyResult {
  const { groups, values, counts, by } = input;
  const G = groups.codes.length;
  let benchmarkById: Float64Array;
  if (benchmark) benchmarkById = weightsForCodes(groups.codes, benchmark);
  else {
    const sums = new Float64Array(G);
    const cases = new Float64Array(G);
    meansKernel(groups.ids, values, counts, sums, cases);
    for (let g = 0; g < G; g++) sums[g] = cases[g] > 0 ? sums[g] / cases[g] : NaN;
    benchmarkById = sums;
  }
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
  efficiencyKernel(groups.ids, values, counts, by?.ids, inverse, keyRatio, keyCases, keyValue, keyUncovered, firstUncovered, acc);
  const skipped = noSkips();
  skipped.emptyGroup = acc[4];
  skipped.missingValue = acc[5];
  skipped.noCases = acc[6];
  skipped.emptyKey = acc[7];
  const uncoveredOrder: number[] = [];
  for (let g = 0; g < G; g++) if (firstUncovered[g] >= 0) uncoveredOrder.push(g);
  uncoveredOrder.sort((a, b) => firstUncovered[a] - firstUncovered[b]);
  let rows: efficiency.EfficiencyRow[] | undefined;
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

// ---------------------------------------------------------------------------------------
// caseMix
// ---------------------------------------------------------------------------------------

/**
 * acc receives: 0 cases, 1 total weight, 2 empty group rows, 3 no-case rows, 4 empty key rows.
 * `pairs` has one byte per (key, group), set the first time the pair is seen.
 */
function caseMixKernel(
  ids: Int32Array,
  counts: Float64Array | undefined,
  weightById: Float64Array,
  keyIds: Int32Array | undefined,
  nGroups: number,
  groupCases: Float64Array,
  keyCases: Float64Array,
  keyWeight: Float64Array,
  keyGroups: Int32Array,
  pairs: Uint8Array,
  acc: Float64Array,
): void {
  let totalCases = 0;
  let totalWeight = 0;
  let emptyGroup = 0;
  let noCases = 0;
  let emptyKey = 0;
  for (let i = 0; i < ids.length; i++) {
    const g = ids[i];
    if (g < 0) {
      emptyGroup++;
      continue;
    }
    const c = counts === undefined ? 1 : counts[i];
    if (!(c > 0)) {
      noCases++;
      continue;
    }
    const w = weightById[g];
    if (w !== w) continue;
    if (keyIds !== undefined) {
      const k = keyIds[i];
      if (k < 0) {
        emptyKey++;
        continue;
      }
      keyCases[k] += c;
      keyWeight[k] += c * w;
      const at = k * nGroups + g;
      if (pairs[at] === 0) {
        pairs[at] = 1;
        keyGroups[k]++;
      }
    }
    groupCases[g] += c;
    totalCases += c;
    totalWeight += c * w;
  }
  acc[0] = totalCases;
  acc[1] = totalWeight;
  acc[2] = emptyGroup;
  acc[3] = noCases;
  acc[4] = emptyKey;
}

export function caseMix(
  input: caseMixModule.CaseMixInput,
  table: WeightTable,
  options: caseMixModule.CaseMixOptions = {},
): caseMixModule.CaseMixResult {
  const { groups, counts, by } = input;
  const nGroups = groups.codes.length;
  const nKeys = by ? by.codes.length : 0;
  // Pairs beyond a 64 MB bitmap take the original path (its Set).
  if (nKeys * nGroups > 1 << 26) return originalCaseMix(input, table, options);
  const { weightById, missingCases, missingCodes } = caseWeights(groups, table, {
    counts,
    missing: options.missing,
    argName: options.tableName,
  });
  const groupCases = new Float64Array(nGroups);
  const keyCases = new Float64Array(nKeys);
  const keyWeight = new Float64Array(nKeys);
  const keyGroups = new Int32Array(nKeys);
  const pairs = new Uint8Array(by ? nKeys * nGroups : 0);
  const acc = new Float64Array(5);
  caseMixKernel(groups.ids, counts, weightById, by?.ids, nGroups, groupCases, keyCases, keyWeight, keyGroups, pairs, acc);
  const skipped = noSkips();
  skipped.emptyGroup = acc[2];
  skipped.noCases = acc[3];
  skipped.emptyKey = acc[4];
  let groupCount = 0;
  for (let g = 0; g < nGroups; g++) if (groupCases[g] > 0) groupCount++;
  const totalCases = acc[0];
  const totalWeight = acc[1];
  const overall: caseMixModule.CaseMixRow = {
    key: "",
    cases: totalCases,
    totalWeight,
    cmi: totalCases > 0 ? totalWeight / totalCases : NaN,
    groupCount,
  };
  let rows: caseMixModule.CaseMixRow[] | undefined;
  if (by) {
    rows = [];
    for (const k of sortedOrder(by.codes)) {
      if (keyCases[k] === 0 && keyGroups[k] === 0) continue;
      rows.push({
        key: by.codes[k],
        cases: keyCases[k],
        totalWeight: keyWeight[k],
        cmi: keyCases[k] > 0 ? keyWeight[k] / keyCases[k] : NaN,
        groupCount: keyGroups[k],
      });
    }
  }
  return { overall, rows, excludedCases: missingCases, missingCodes, skipped };
}

export function install(): void {
  (efficiency as { efficiencyIndex: typeof efficiencyIndex }).efficiencyIndex = efficiencyIndex;
  (caseMixModule as { caseMix: typeof caseMix }).caseMix = caseMix;
}
