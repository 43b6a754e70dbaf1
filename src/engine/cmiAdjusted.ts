/**
 * CMI-adjusted indicators (间接应用, DOMAIN.md "Using CMI"): an indicator of a unit divided by
 * the unit's CMI, so that units treating harder cases are compared fairly.
 *
 *     indicator_u = sum_cases c x v / sum_cases c      (kind "mean": cost per case, LOS, ...)
 *                 = sum_cases c x [v > 0] / sum c       (kind "rate": share of cases with a flag)
 *     CMI_u       = sum_cases c x RW / sum_cases c      (over the same cases)
 *     adjusted_u  = indicator_u / CMI_u
 *
 * Both means are over the same cases: those with a group, a weight and a value. With kind
 * "mean" the adjusted value is the unit's standardized value (standardized LOS = mean LOS / CMI,
 * the base of the LOS and cost targets); over the whole hospital it is total value / total weight.
 *
 * Example: unit A with a GB11 case (RW 2) of 12 days and an ES21 case (RW 0.5) of 4 days:
 * mean 16 / 2 = 8 days, CMI 2.5 / 2 = 1.25, standardized LOS 8 / 1.25 = 6.4 (= 16 / 2.5).
 * With an infection flag on the second case only: rate 1 / 2 = 0.5, adjusted 0.5 / 1.25 = 0.4.
 */
import { Interned } from "./codes";
import { SkippedRows, noSkips, sortedOrder } from "./grouping";
import { caseWeights, MissingWeightRule, WeightTable } from "./weightTable";

export type AdjustedKind = "mean" | "rate";

export interface CmiAdjustedInput {
  groups: Interned;
  /** The value per case (per-case average for aggregate rows), or a flag (> 0 = yes); NaN = blank. */
  values: Float64Array;
  counts?: Float64Array;
  by?: Interned;
}

export interface CmiAdjustedOptions {
  /** "mean" (default): the mean value per case; "rate": the share of cases whose value is above 0. */
  kind?: AdjustedKind;
  missing?: MissingWeightRule;
  tableName?: string;
}

export interface CmiAdjustedRow {
  key: string;
  cases: number;
  /** Sum of the values (kind "mean") or cases with the flag (kind "rate"). */
  valueTotal: number;
  totalWeight: number;
  /** valueTotal / cases; NaN without cases. */
  indicator: number;
  /** totalWeight / cases; NaN without cases. */
  cmi: number;
  /** indicator / CMI = valueTotal / totalWeight; NaN (no case) or Infinity (CMI 0) for the caller to show as an error. */
  adjusted: number;
}

export interface CmiAdjustedResult {
  overall: CmiAdjustedRow;
  rows?: CmiAdjustedRow[];
  excludedCases: number;
  missingCodes: string[];
  skipped: SkippedRows;
}

/** One unit's row from its sums. */
export function adjustedRow(key: string, cases: number, valueTotal: number, totalWeight: number): CmiAdjustedRow {
  const indicator = cases > 0 ? valueTotal / cases : NaN;
  const cmi = cases > 0 ? totalWeight / cases : NaN;
  return { key, cases, valueTotal, totalWeight, indicator, cmi, adjusted: indicator / cmi };
}

export function cmiAdjusted(
  input: CmiAdjustedInput,
  table: WeightTable,
  options: CmiAdjustedOptions = {},
): CmiAdjustedResult {
  const { groups, values, counts, by } = input;
  const rate = options.kind === "rate";
  const { weightById, missingCases, missingCodes } = caseWeights(groups, table, {
    counts,
    missing: options.missing,
    argName: options.tableName,
  });
  const nKeys = by ? by.codes.length : 0;
  const keyCases = new Float64Array(nKeys);
  const keyValue = new Float64Array(nKeys);
  const keyWeight = new Float64Array(nKeys);
  const skipped = noSkips();
  let cases = 0;
  let valueTotal = 0;
  let totalWeight = 0;
  for (let i = 0; i < groups.ids.length; i++) {
    const g = groups.ids[i];
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
    if (w !== w) continue; // no weight: counted by caseWeights as excluded
    const v = values[i];
    if (v !== v) {
      skipped.missingValue++;
      continue;
    }
    const contribution = rate ? (v > 0 ? c : 0) : c * v;
    if (by) {
      const k = by.ids[i];
      if (k < 0) {
        skipped.emptyKey++;
        continue;
      }
      keyCases[k] += c;
      keyValue[k] += contribution;
      keyWeight[k] += c * w;
    }
    cases += c;
    valueTotal += contribution;
    totalWeight += c * w;
  }
  let rows: CmiAdjustedRow[] | undefined;
  if (by) {
    rows = [];
    for (const k of sortedOrder(by.codes)) {
      if (keyCases[k] > 0) rows.push(adjustedRow(by.codes[k], keyCases[k], keyValue[k], keyWeight[k]));
    }
  }
  return {
    overall: adjustedRow("", cases, valueTotal, totalWeight),
    rows,
    excludedCases: missingCases,
    missingCodes,
    skipped,
  };
}
