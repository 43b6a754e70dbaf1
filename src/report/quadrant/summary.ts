/**
 * The summary at the top of the quadrant sheet (issue 12, item 2): where the data came from,
 * the period and the money, then one row a quadrant with its share of cases and of points,
 * the hospital as the total row (its cases, groups, total weight and CMI). Numbers stay numbers:
 * the table's columns carry the formats (shares as per cent).
 *
 *     // five-group data (test/report/fiveGroups.ts): 战略病种 A1, 5 of 22 cases = 22.73%,
 *     // 15 of 34.85 points = 43.04%; total row 全院: 5 groups, 22 cases, weight 28, CMI 1.2727
 */
import { Quadrant, QUADRANTS } from "../../engine/quadrants";
import { Lang } from "../../engine/text";
import { colon, formatNumber, listText, numberCell, paren } from "../common";
import { label, LabelKey, quadrantLabel } from "../i18n";
import { Block, KeyValueBlock, TableBlock } from "../model";
import { keyValueBlock, ParameterRow, yearRow } from "../parameterRows";
import { revenueText } from "./cutText";
import { QuadrantReport } from "./types";

/** The summary's blocks: the source, period and money, then the quadrants table. */
export function summaryBlocks(report: QuadrantReport, lang: Lang): Block[] {
  return [summaryPairs(report, lang), quadrantTable(report, lang)];
}

/** The period in words: the analysed year, else the years of the cases. */
export function periodText(report: Pick<QuadrantReport, "settings" | "years">, lang: Lang): string {
  if (report.settings.year !== undefined) return report.settings.year;
  return report.years.length > 0 ? listText(report.years, lang) : label("noYear", lang);
}

function summaryPairs(report: QuadrantReport, lang: Lang): KeyValueBlock {
  const L = (k: LabelKey) => label(k, lang);
  const c = report.context;
  const m = report.settings.money;
  const source = c.sheet ? `${c.source}${paren(`${L("sheet")}${colon(lang)}${c.sheet}`, lang)}` : c.source;
  // The revenue source under the source when it is the expected payment (the settlement is the default).
  const revenue: ParameterRow[] =
    report.settings.revenue === "payment" ? [[L("revenueSource"), revenueText(report, lang)]] : [];
  const money: ParameterRow[] =
    m.mode === "pool"
      ? [
          [L("pool"), m.pool],
          // What a point was worth once the pool was shared (the amounts are rounded to cents).
          [L("perPoint"), report.hospital.points > 0 ? m.pool / report.hospital.points : null],
        ]
      : [[L("perPoint"), m.moneyPerPoint]];
  return keyValueBlock(
    L("summary"),
    [[L("source"), source], ...revenue, yearRow(L("period"), periodText(report, lang)), ...money],
    [undefined, ...revenue.map(() => undefined), undefined, ...money.map(() => "money" as const)],
  );
}

/** The rule of a quadrant in words, e.g. "RW ≥ 1.2727，贡献率 ≥ 31.82%". */
function conditionText(q: Quadrant, report: QuadrantReport, lang: Lang): string {
  const zh = lang === "zh";
  if (q === "unclassified") return zh ? `病例数 < ${report.settings.minCases}` : `cases < ${report.settings.minCases}`;
  const right = q === "strategic" || q === "competitive";
  const above = q === "strategic" || q === "suitable";
  const x = `RW ${right ? "≥" : "<"} ${formatNumber(report.cuts.x, 4, lang)}`;
  const y = `${zh ? "贡献率" : "rate"} ${above ? "≥" : "<"} ${formatNumber(report.cuts.y * 100, 2, lang)}%`;
  return zh ? `${x}，${y}` : `${x}, ${y}`;
}

function quadrantTable(report: QuadrantReport, lang: Lang): TableBlock {
  const L = (k: LabelKey) => label(k, lang);
  const h = report.hospital;
  const share = (part: number, whole: number) => numberCell(whole > 0 ? part / whole : NaN);
  const rows = QUADRANTS.map((q) => {
    let groups = 0;
    let cases = 0;
    let weight = 0;
    let points = 0;
    for (const g of report.groups) {
      if (g.quadrant !== q) continue;
      groups++;
      cases += g.cases;
      weight += g.cases * g.rw;
      points += g.points;
    }
    return [
      quadrantLabel(q, lang, report.settings.labels),
      conditionText(q, report, lang),
      report.settings.coefficients[q],
      groups,
      cases,
      share(cases, h.cases),
      weight,
      numberCell(cases > 0 ? weight / cases : NaN),
      points,
      share(points, h.points),
    ];
  });
  return {
    kind: "table",
    columns: [
      { id: "quadrant", header: L("quadrant"), type: "text" },
      { id: "condition", header: L("condition"), type: "text" },
      { id: "coefficient", header: L("coefficient"), type: "number" },
      { id: "groups", header: L("groupsColumn"), type: "integer" },
      { id: "cases", header: L("cases"), type: "integer" },
      { id: "caseShare", header: L("caseShare"), type: "percent" },
      { id: "totalWeight", header: L("totalWeight"), type: "number" },
      { id: "cmi", header: L("cmi"), type: "weight" },
      { id: "points", header: L("points"), type: "number" },
      { id: "pointShare", header: L("pointShare"), type: "percent" },
    ],
    rows,
    totalRow: [
      L("hospital"),
      "",
      "",
      h.groups,
      h.cases,
      share(h.cases, h.cases),
      h.totalWeight,
      numberCell(h.cmi),
      numberCell(h.points),
      share(h.points, h.points),
    ],
  };
}
