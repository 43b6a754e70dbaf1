/**
 * Revenue of the quadrant report from the expected DRG payment (DOMAIN.md "DRG payment: profit
 * and loss per group": "the four-quadrant analysis can take its revenue either from the actual
 * settlement columns (default) or from the expected DRG payment").
 *
 *     revenue of a case = points / 100 x rate x point value x coefficient   (pointPayment.ts)
 *
 * with the points of a normal, high-cost or low-cost case under the default local rules, the
 * outlier ratio taken on the case's total cost (住院总费用) against the mean total cost of the
 * group's analysed cases. Rows left out of the report (another year, no weight, ...) take no
 * part in the group means. Aggregate rows (a case count column) count by their cases: the
 * group mean is the case-weighted mean of the rows' per-case costs.
 *
 * Example: RW 2 (200 points, high at 2 x the mean), rate 5,000: cases costing 10,000 and 30,000
 * (mean 20,000, ratios 0.5 and 1.5, both normal) are each paid 2 x 5,000 = 10,000.
 */
import { CaseTable } from "../../engine/caseTable";
import { Interned } from "../../engine/codes";
import { drgPayment } from "../../engine/pointPayment";
import { weightTable, WeightTable } from "../../engine/weightTable";
import { sourceColumns } from "../columnSources";
import { PaymentRevenue } from "./settings";

/**
 * The expected payment per case of each row (NaN for the rows left out, `cases[i]` = 0).
 * Throws the engine's error naming the row when an analysed case has no total cost.
 */
export function paymentPerCase(
  table: CaseTable,
  cases: Float64Array,
  weights: WeightTable,
  payment: PaymentRevenue,
): Float64Array {
  const ids = Int32Array.from(table.groups.ids, (g, i) => (cases[i] > 0 ? g : -1));
  const groups: Interned = { ids, codes: table.groups.codes, empty: table.groups.empty };
  const costs = table.numbers.totalCost as Float64Array;
  const result = drgPayment({ groups, costs }, weights, {
    rate: payment.rate,
    pointValue: payment.pointValue,
    coefficient: payment.coefficient,
    groupMeans: table.numbers.cases ? weightedMeans(groups, costs, cases) : undefined,
    missing: "exclude",
    costsName: sourceColumns(table).totalCost ?? "totalCost",
    firstRow: table.firstDataRow,
  });
  return result.payment;
}

/** The case-weighted mean cost of each group's analysed rows, as a table of group means. */
function weightedMeans(groups: Interned, costs: Float64Array, cases: Float64Array): WeightTable {
  const sum = new Float64Array(groups.codes.length);
  const count = new Float64Array(groups.codes.length);
  for (let i = 0; i < groups.ids.length; i++) {
    const g = groups.ids[i];
    const c = costs[i];
    if (g < 0 || c !== c) continue;
    sum[g] += cases[i] * c;
    count[g] += cases[i];
  }
  const codes: string[] = [];
  const means: number[] = [];
  for (let g = 0; g < groups.codes.length; g++) {
    if (count[g] > 0) {
      codes.push(groups.codes[g]);
      means.push(sum[g] / count[g]);
    }
  }
  return weightTable(codes, means, { argName: "group_means" });
}
