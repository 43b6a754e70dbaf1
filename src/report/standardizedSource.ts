/**
 * Weights of a report from the five cost categories of the data (DOMAIN.md "Standardized
 * five-category weight"): standardizedWeights on 医疗、护理、医技、药品、管理 with the user's
 * shares, as a weight table the report looks groups up in.
 *
 *     standardizedWeightTable(table, [0.2, 0.2, 0.2, 0.2, 0.2], 5).table.weightOf("GB11")
 */
import type { CaseTable } from "../engine/caseTable";
import { normalizeCode } from "../engine/codes";
import { CATEGORY_COLUMNS } from "../engine/exportLayouts";
import { standardizedWeights, StandardizedWeights } from "../engine/standardizedWeights";
import { WeightTable } from "../engine/weightTable";

/** A weight table over computed group weights (codes aligned with weights). */
export function computedWeightTable(codes: readonly string[], weight: Float64Array): WeightTable {
  const index = new Map<string, number>();
  codes.forEach((code, i) => index.set(code, i));
  return {
    codes: codes as string[],
    weights: weight,
    index,
    weightOf: (code) => {
      const at = index.get(normalizeCode(code));
      return at === undefined ? NaN : weight[at];
    },
  };
}

/** The standardized weights of the table's groups and the weight table over them. */
export function standardizedWeightTable(
  table: CaseTable,
  shares: number[] | undefined,
  minCases: number,
): { table: WeightTable; groups: StandardizedWeights } {
  const categories = CATEGORY_COLUMNS.map((c) => table.numbers[c] as Float64Array);
  const groups = standardizedWeights(
    { groups: table.groups, categories, counts: table.numbers.cases },
    { shares, minCases, firstRow: table.firstDataRow },
  );
  return { table: computedWeightTable(groups.codes, groups.weight), groups };
}
