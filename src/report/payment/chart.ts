/**
 * The ranked bar chart of the DRG P&L sheet: balance per group for the N largest losses and the
 * N largest gains (all groups when there are at most 2N), from a small table of its own so the
 * chart's rows are exactly its bars.
 */
import { Lang } from "../../engine/text";
import { BAR_COLORS } from "../layout/palette";
import { BarChartModel, TableBlock } from "../model";
import { paymentLabel } from "./labels";
import { PaymentGroupRow } from "./types";

const LOSS = BAR_COLORS.loss;
const GAIN = BAR_COLORS.gain;

/** The groups the chart shows, largest loss first, largest gain last. */
export function chartGroups(groups: readonly PaymentGroupRow[], n: number): PaymentGroupRow[] {
  if (groups.length <= 2 * n) return groups.slice();
  const losses = groups.slice(0, n).filter((g) => g.balance < 0);
  const gains = groups.slice(groups.length - n).filter((g) => g.balance >= 0);
  return [...losses, ...gains];
}

/** The chart's table: group, name, balance. */
export function chartTable(groups: readonly PaymentGroupRow[], n: number, lang: Lang): TableBlock {
  return {
    kind: "table",
    caption: paymentLabel("chartCaption", lang, { n }),
    columns: [
      { id: "group", header: paymentLabel("group", lang), type: "text", width: 10 },
      { id: "name", header: paymentLabel("groupName", lang), type: "text", width: 34 },
      { id: "balance", header: paymentLabel("balance", lang), type: "money", width: 15 },
    ],
    rows: chartGroups(groups, n).map((g) => [g.group, g.name, g.balance]),
  };
}

/** The bar chart over the chart table (block `at`), anchored at `row` of `column`. */
export function balanceChart(at: number, bars: number, row: number, column: number, lang: Lang): BarChartModel {
  return {
    kind: "bar",
    title: paymentLabel("chartTitle", lang),
    xTitle: paymentLabel("group", lang),
    yTitle: paymentLabel("balance", lang),
    categories: { blockIndex: at, columnId: "group" },
    series: [
      {
        name: paymentLabel("balance", lang),
        values: { blockIndex: at, columnId: "balance" },
        color: GAIN,
        negativeColor: LOSS,
      },
    ],
    horizontal: true,
    // Whole money on the axis and the labels: balances run to millions, cents would crowd them.
    valueType: "integer",
    anchor: { row, column, width: 9, height: Math.max(16, bars + 5) },
  };
}
