/**
 * A regional table of group mean costs (病组均值 / 次均费用), the `group_means` of the payment
 * rules (DOMAIN.md "DRG payment: profit and loss per group"), read from a grid as a weight
 * table is (weightTableGrid.ts): a group code column and a mean-cost column found by their
 * headers in the first 30 rows (次均费用, 例均费用, 平均费用, 组均费用, 病组均值, mean cost,
 * ...; else a header holding 均费 or MEAN), else the first two columns.
 *
 *     groupMeansFromGrid(gridFromRows([["DRG编码", "次均费用"], ["GB11", 12000]]), { argName: "region.csv" })
 *       .weightOf("GB11")  // 12000
 */
import { Grid } from "./caseTable";
import { WeightTable } from "./weightTable";
import { looseKey, ValueColumn, weightTableFromGrid } from "./weightTableGrid";

const MEAN_WORDS = new Set([
  "次均费用",
  "例均费用",
  "平均费用",
  "组均费用",
  "病组均值",
  "病组均费",
  "病组次均费用",
  "病组例均费用",
  "均值",
  "均费",
  "平均住院费用",
  "MEANCOST",
  "MEAN",
  "AVERAGECOST",
  "AVGCOST",
  "GROUPMEAN",
  "GROUPMEANCOST",
]);

export const MEAN_COST_COLUMN: ValueColumn = {
  exact: (h) => MEAN_WORDS.has(looseKey(h)),
  loose: (h) => {
    const k = looseKey(h);
    return k.includes("均费") || k.includes("MEAN");
  },
  word: { en: "mean cost", zh: "病组均值" },
  table: { en: "a table of group mean costs", zh: "病组均值表" },
};

/** The table of group mean costs in a grid (module comment); `argName` names it in errors. */
export function groupMeansFromGrid(grid: Grid, origin: { argName: string; firstRow?: number }): WeightTable {
  return weightTableFromGrid(grid, origin, MEAN_COST_COLUMN);
}
