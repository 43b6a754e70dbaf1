/**
 * A quadrant that holds almost no group means the cut line, not the hospital, decided the split:
 * its coefficient is then almost never paid. Under 5% of the classified groups (and at least
 * 20 groups classified, so that 5% is one group or more) the report and the taskpane say so and
 * suggest another cut.
 *
 *     // 144 / 9 / 311 / 2 classified (y cut 0): competitive 9 and weak 2 are under 5% of 466.
 */
import { Quadrant, QUADRANTS } from "../../engine/quadrants";
import { Lang } from "../../engine/text";
import { listText } from "../common";
import { quadrantLabel } from "../i18n";
import { QuadrantReport } from "./types";

export const SPARSE_SHARE = 0.05;
const MIN_CLASSIFIED = 20;

/** The classified quadrants holding under 5% of the classified groups. */
export function sparseQuadrants(report: Pick<QuadrantReport, "quadrantCounts">): Quadrant[] {
  const counts = report.quadrantCounts;
  const classified = QUADRANTS.filter((q) => q !== "unclassified");
  const total = classified.reduce((sum, q) => sum + counts[q], 0);
  if (total < MIN_CLASSIFIED) return [];
  return classified.filter((q) => counts[q] < SPARSE_SHARE * total);
}

/** The warning in the reader's language, or undefined when every quadrant holds enough groups. */
export function sparseWarning(
  report: Pick<QuadrantReport, "quadrantCounts" | "settings">,
  lang: Lang,
): string | undefined {
  const sparse = sparseQuadrants(report);
  if (sparse.length === 0) return undefined;
  const names = listText(
    sparse.map((q) => `${quadrantLabel(q, lang, report.settings.labels)} ${report.quadrantCounts[q]}`),
    lang,
  );
  const zh = lang === "zh";
  const y = report.settings.yCut;
  const suggestion =
    y !== "hospital"
      ? zh
        ? "纵轴分界线改用全院贡献率"
        : "cutting y at the hospital's own rate"
      : zh
        ? "纵轴分界线改用病组贡献率中位数，或换一个贡献层级"
        : "cutting y at the median rate, or another margin layer";
  return zh
    ? `提示：${names} 个病组，不足已分类病组的 5%，相应系数几乎不会发放；可考虑${suggestion}。`
    : `Note: ${names} groups, under 5% of the classified groups, so their coefficients are hardly ever paid; consider ${suggestion}.`;
}
