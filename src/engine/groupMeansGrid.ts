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
import { CaseMixError } from "./text";
import {
  headerText,
  isCodeHeader,
  looseKey,
  ValueColumn,
  WEIGHT_HEADER_SCAN_ROWS,
  weightTableFromGrid,
  weightTableLayout,
} from "./weightTableGrid";

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

/**
 * The table of group mean costs in a grid (module comment); `argName` names it in errors. A
 * header row naming the group code but no mean cost (a weight table given by mistake) is an
 * error: read headerless, its weights would pass for mean costs.
 */
export function groupMeansFromGrid(grid: Grid, origin: { argName: string; firstRow?: number }): WeightTable {
  const firstRow = origin.firstRow ?? 1;
  const layout = weightTableLayout(grid, origin.argName, firstRow, MEAN_COST_COLUMN);
  if (layout.headerRow < 0) {
    const limit = Math.min(grid.rowCount, WEIGHT_HEADER_SCAN_ROWS);
    for (let r = 0; r < limit; r++) {
      for (let c = 0; c < grid.columnCount; c++) {
        if (!isCodeHeader(grid.cell(r, c))) continue;
        throw new CaseMixError("value", {
          en: `${origin.argName} row ${firstRow + r}: "${headerText(grid.cell(r, c))}" names the group code, but no column is headed as the mean cost; head it 次均费用, 例均费用, 平均费用, 组均费用 or mean cost`,
          zh: `${origin.argName} 第 ${firstRow + r} 行：“${headerText(grid.cell(r, c))}”是病组编码列，但没有一列的表头是病组均值；请把均值列的表头写成 次均费用、例均费用、平均费用、组均费用 或 mean cost`,
        });
      }
    }
  }
  return weightTableFromGrid(grid, origin, MEAN_COST_COLUMN);
}
