/**
 * CMI cost indices (CMI 指数盈亏分析).
 *
 * The source defines, per case, RW cost index = cost / RW, then
 * CMI cost index = sum of those / cases and CMI contribution index = 1 - CMI cost index.
 * Taken literally the index is money per weight point and 1 - index has no meaning, so
 * (DOMAIN.md decision) it is divided by the payment per weight point (`rate`):
 *
 *     CMI cost index = sum_cases (cost / RW) / cases / rate
 *
 * the share of a weight point's payment eaten by the cost of the layer; 1 - index is the
 * contribution share. The layer is whatever cost is passed (variable, direct, business, full).
 *
 * Example: rate 10,000; case A in a group of RW 2 with variable cost 12,000 (6,000 per point),
 * case B of RW 0.5 with 4,000 (8,000 per point): (6,000 + 8,000) / 2 / 10,000 = 0.7, and the
 * contribution index is 0.3.
 */
import { Interned } from "./codes";
import { SkippedRows, noSkips, sortedOrder } from "./grouping";
import { CaseMixError } from "./text";
import { caseWeights, MissingWeightRule, WeightTable } from "./weightTable";

export interface CmiCostInput {
  groups: Interned;
  /** Cost per case at the chosen layer (per-case average for aggregate rows); NaN = blank. */
  costs: Float64Array;
  counts?: Float64Array;
  by?: Interned;
}

export interface CmiCostRow {
  key: string;
  costIndex: number;
  contributionIndex: number;
  cases: number;
}

export interface CmiCostResult {
  overall: CmiCostRow;
  rows?: CmiCostRow[];
  excludedCases: number;
  /** The groups without a weight whose cases were excluded, in order of first appearance. */
  missingCodes: string[];
  skipped: SkippedRows;
}

export function cmiCostIndex(
  input: CmiCostInput,
  table: WeightTable,
  rate: number,
  options: { missing?: MissingWeightRule; tableName?: string } = {},
): CmiCostResult {
  if (!(rate > 0) || !Number.isFinite(rate)) {
    throw new CaseMixError("value", {
      en: `rate must be the payment per weight point, a number above 0 (got ${rate})`,
      zh: `rate 应为每权重点的支付额，必须大于 0（当前为 ${rate}）`,
    });
  }
  const { groups, costs, counts, by } = input;
  const { weightById, missingCases, missingCodes } = caseWeights(groups, table, {
    counts,
    missing: options.missing,
    argName: options.tableName,
  });
  for (let g = 0; g < weightById.length; g++) {
    if (weightById[g] === 0) {
      throw new CaseMixError("div0", {
        en: `${groups.codes[g]} has weight 0; the CMI cost index divides each case's cost by its weight`,
        zh: `${groups.codes[g]} 的权重为 0；CMI 成本指数需以病例成本除以权重`,
      });
    }
  }
  const skipped = noSkips();
  const ids = groups.ids;
  const nKeys = by ? by.codes.length : 0;
  const keySum = new Float64Array(nKeys);
  const keyCases = new Float64Array(nKeys);
  const keyIds = by?.ids;
  let total = 0;
  let cases = 0;
  for (let i = 0; i < ids.length; i++) {
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
    // Cases of a group without a weight are counted once, by caseWeights, as excluded.
    const w = weightById[g];
    if (w !== w) continue;
    const cost = costs[i];
    if (cost !== cost) {
      skipped.missingValue++;
      continue;
    }
    const perPoint = (c * cost) / w;
    if (keyIds) {
      const k = keyIds[i];
      if (k < 0) {
        skipped.emptyKey++;
        continue;
      }
      keySum[k] += perPoint;
      keyCases[k] += c;
    }
    total += perPoint;
    cases += c;
  }
  const row = (key: string, s: number, c: number): CmiCostRow => {
    const costIndex = c > 0 ? s / c / rate : NaN;
    return { key, costIndex, contributionIndex: 1 - costIndex, cases: c };
  };
  let rows: CmiCostRow[] | undefined;
  if (by) {
    rows = [];
    for (const k of sortedOrder(by.codes)) if (keyCases[k] > 0) rows.push(row(by.codes[k], keySum[k], keyCases[k]));
  }
  return { overall: row("", total, cases), rows, excludedCases: missingCases, missingCodes, skipped };
}
