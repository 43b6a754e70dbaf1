/**
 * Case mix (能力维度): total weight, CMI and group count, overall and by a dimension.
 *
 *     TW = sum over cases of RW(group of the case)
 *     CMI = TW / N
 *     group count = number of distinct groups with at least one case
 *
 * Example: cases in GB11 (RW 2), GB11 (RW 2), ES21 (RW 0.5): TW = 4.5, CMI = 4.5 / 3 = 1.5,
 * group count = 2. An aggregate row with `counts` = 10 counts as 10 cases.
 */
import { Interned } from "./codes";
import { SkippedRows, noSkips, sortedOrder } from "./grouping";
import { caseWeights, MissingWeightRule, WeightTable } from "./weightTable";

export interface CaseMixInput {
  groups: Interned;
  /** Cases a row stands for (aggregated rows); default 1. Blank or 0 skips the row (counted). */
  counts?: Float64Array;
  /** The dimension to break the result down by. */
  by?: Interned;
}

export interface CaseMixOptions {
  /** What to do with cases whose group has no weight (default "error"). */
  missing?: MissingWeightRule;
  /** Argument name of the table in messages. */
  tableName?: string;
}

export interface CaseMixRow {
  key: string;
  cases: number;
  totalWeight: number;
  /** NaN when the unit has no weighted case (the caller shows #DIV/0!). */
  cmi: number;
  groupCount: number;
}

export interface CaseMixResult {
  overall: CaseMixRow;
  /** One row per key in display order, when `by` was given. */
  rows?: CaseMixRow[];
  /** Cases left out because their group has no weight (missing = "exclude"). */
  excludedCases: number;
  missingCodes: string[];
  skipped: SkippedRows;
}

/** Above this many (key, group) pairs the group counts by key use a Set instead of a bitmap. */
const PAIR_BITMAP_LIMIT = 1 << 26;

/**
 * The hot loop of caseMix, closure-free over typed arrays (V8 keeps it optimized from one call
 * to the next). acc receives: 0 cases, 1 total weight, 2 empty group rows, 3 no-case rows,
 * 4 empty key rows. `pairs` has one byte per (key, group), set the first time the pair is
 * seen (counted in keyGroups); empty when the group counts by key are left to keyGroupsSparse.
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
  const usePairs = pairs.length > 0;
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
    if (w !== w) continue; // no weight: counted in missingCases
    if (keyIds !== undefined) {
      const k = keyIds[i];
      if (k < 0) {
        emptyKey++;
        continue;
      }
      keyCases[k] += c;
      keyWeight[k] += c * w;
      if (usePairs) {
        const at = k * nGroups + g;
        if (pairs[at] === 0) {
          pairs[at] = 1;
          keyGroups[k]++;
        }
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

/** Group counts by key with a Set of pairs, for more pairs than a bitmap should hold. */
function keyGroupsSparse(
  ids: Int32Array,
  counts: Float64Array | undefined,
  weightById: Float64Array,
  keyIds: Int32Array,
  nGroups: number,
  keyGroups: Int32Array,
): void {
  const seen = new Set<number>();
  for (let i = 0; i < ids.length; i++) {
    const g = ids[i];
    const k = keyIds[i];
    const c = counts === undefined ? 1 : counts[i];
    if (g < 0 || k < 0 || !(c > 0) || weightById[g] !== weightById[g]) continue;
    const at = k * nGroups + g;
    if (!seen.has(at)) {
      seen.add(at);
      keyGroups[k]++;
    }
  }
}

export function caseMix(input: CaseMixInput, table: WeightTable, options: CaseMixOptions = {}): CaseMixResult {
  const { groups, counts, by } = input;
  const { weightById, missingCases, missingCodes } = caseWeights(groups, table, {
    counts,
    missing: options.missing,
    argName: options.tableName,
  });

  const nGroups = groups.codes.length;
  const nKeys = by ? by.codes.length : 0;
  const groupCases = new Float64Array(nGroups);
  const keyCases = new Float64Array(nKeys);
  const keyWeight = new Float64Array(nKeys);
  const keyGroups = new Int32Array(nKeys);
  const dense = nKeys * nGroups <= PAIR_BITMAP_LIMIT;
  const pairs = new Uint8Array(by && dense ? nKeys * nGroups : 0);
  const acc = new Float64Array(5);
  caseMixKernel(
    groups.ids,
    counts,
    weightById,
    by?.ids,
    nGroups,
    groupCases,
    keyCases,
    keyWeight,
    keyGroups,
    pairs,
    acc,
  );
  if (by && !dense) keyGroupsSparse(groups.ids, counts, weightById, by.ids, nGroups, keyGroups);
  const skipped = noSkips();
  skipped.emptyGroup = acc[2];
  skipped.noCases = acc[3];
  skipped.emptyKey = acc[4];
  const totalCases = acc[0];
  const totalWeight = acc[1];

  let groupCount = 0;
  for (let g = 0; g < nGroups; g++) if (groupCases[g] > 0) groupCount++;
  const overall: CaseMixRow = {
    key: "",
    cases: totalCases,
    totalWeight,
    cmi: totalCases > 0 ? totalWeight / totalCases : NaN,
    groupCount,
  };
  let rows: CaseMixRow[] | undefined;
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
