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

/** Bits of distinct (key, group) pairs, for group counts by key. */
function pairSet(keys: number, groups: number): { add(k: number, g: number): boolean } {
  const size = keys * groups;
  if (size <= 1 << 26) {
    const bits = new Uint8Array(size);
    return {
      add(k, g) {
        const at = k * groups + g;
        if (bits[at]) return false;
        bits[at] = 1;
        return true;
      },
    };
  }
  const seen = new Set<number>();
  return {
    add(k, g) {
      const at = k * groups + g;
      if (seen.has(at)) return false;
      seen.add(at);
      return true;
    },
  };
}

export function caseMix(input: CaseMixInput, table: WeightTable, options: CaseMixOptions = {}): CaseMixResult {
  const { groups, counts, by } = input;
  const ids = groups.ids;
  const n = ids.length;
  const skipped = noSkips();
  const { weightById, missingCases, missingCodes } = caseWeights(groups, table, {
    counts,
    missing: options.missing,
    argName: options.tableName,
  });

  const nGroups = groups.codes.length;
  const groupCases = new Float64Array(nGroups);
  let totalCases = 0;
  let totalWeight = 0;
  const nKeys = by ? by.codes.length : 0;
  const keyCases = new Float64Array(nKeys);
  const keyWeight = new Float64Array(nKeys);
  const keyGroups = new Int32Array(nKeys);
  const pairs = by ? pairSet(nKeys, nGroups) : undefined;
  const keyIds = by?.ids;

  for (let i = 0; i < n; i++) {
    const g = ids[i];
    if (g < 0) {
      skipped.emptyGroup++;
      continue;
    }
    const c = counts ? counts[i] : 1;
    if (!(c > 0)) {
      skipped.noCases++;
      continue;
    }
    const w = weightById[g];
    if (w !== w) continue; // no weight: counted in missingCases
    if (keyIds) {
      const k = keyIds[i];
      if (k < 0) {
        skipped.emptyKey++;
        continue;
      }
      keyCases[k] += c;
      keyWeight[k] += c * w;
      if (pairs!.add(k, g)) keyGroups[k]++;
    }
    groupCases[g] += c;
    totalCases += c;
    totalWeight += c * w;
  }

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
