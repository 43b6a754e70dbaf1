/** The quadrant chart: groups by RW and contribution rate, one series per quadrant, with the cut lines. */
import { QUADRANTS } from "../../engine/quadrants";
import { Lang } from "../../engine/text";
import { label, quadrantLabel, RATE_LABELS } from "../i18n";
import { ChartModel } from "../model";
import { QUADRANT_COLORS } from "./colors";
import { QuadrantReport } from "./types";

/** The chart of the groups table (block `blockIndex`), anchored at row 2 of `column`. */
export function quadrantChart(report: QuadrantReport, lang: Lang, blockIndex: number, column: number): ChartModel {
  const s = report.settings;
  // The unclassified groups have too few cases for their rates to mean much: the table lists
  // them, the chart leaves them out.
  const series = QUADRANTS.filter((q) => q !== "unclassified")
    .map((q) => {
      const rows: number[] = [];
      report.groups.forEach((g, i) => {
        if (g.quadrant === q && Number.isFinite(g.rw) && Number.isFinite(g.rate)) rows.push(i);
      });
      return {
        name: `${quadrantLabel(q, lang, s.labels)} (${report.quadrantCounts[q]})`,
        x: { blockIndex, columnId: "rw" },
        y: { blockIndex, columnId: "rate" },
        rows,
        color: QUADRANT_COLORS[q],
      };
    })
    .filter((x) => x.rows.length > 0);
  let lo = Infinity;
  let hi = -Infinity;
  for (const one of series) {
    for (const i of one.rows) {
      lo = Math.min(lo, report.groups[i].rw);
      hi = Math.max(hi, report.groups[i].rw);
    }
  }
  return {
    logX: lo > 0 && hi / lo > 20,
    kind: "scatter",
    title: label("chartTitle", lang),
    xTitle: label("rw", lang),
    yTitle: RATE_LABELS[s.layer][lang],
    series,
    cutLines: { x: report.cuts.x, y: report.cuts.y },
    cornerLabels: {
      topRight: quadrantLabel("strategic", lang, s.labels),
      bottomRight: quadrantLabel("competitive", lang, s.labels),
      topLeft: quadrantLabel("suitable", lang, s.labels),
      bottomLeft: quadrantLabel("weak", lang, s.labels),
    },
    anchor: { row: 2, column, width: 10, height: 26 },
  };
}
