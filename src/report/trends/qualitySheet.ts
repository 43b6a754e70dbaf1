/** Section (a) of the trends sheet: low-risk mortality per unit, and the risk level of each group. */
import { Lang } from "../../engine/text";
import { colon, listText, numberCell } from "../common";
import { label } from "../i18n";
import { CellValue, ColumnModel, SheetModel, TableBlock } from "../model";
import { RED, RISK_FILLS } from "./colors";
import { fill, RISK_LEVEL_LABELS, TRENDS_LABELS, unitLabel } from "./labels";
import { LowRiskUnitRow, QualitySection, TrendsReport } from "./types";

export function qualityBlocks(report: TrendsReport, q: QualitySection, lang: Lang): SheetModel["blocks"] {
  const L = TRENDS_LABELS;
  const d = report.decomposition;
  const periods = d.available ? [d.before, d.after] : undefined;
  const columns: ColumnModel[] = [
    { id: "unit", header: unitLabel(report.settings.unit, lang), type: "text", width: 20 },
    { id: "cases", header: L.lowRiskCases[lang], type: "integer", width: 12 },
    { id: "deaths", header: L.lowRiskDeaths[lang], type: "integer", width: 12 },
    { id: "rate", header: L.lowRiskRate[lang], type: "percent", width: 12 },
  ];
  if (periods) {
    columns.push(
      { id: "rateBefore", header: fill(L.rateIn, lang, { year: periods[0] }), type: "percent", width: 14 },
      { id: "rateAfter", header: fill(L.rateIn, lang, { year: periods[1] }), type: "percent", width: 14 },
    );
  }
  const rowOf = (r: LowRiskUnitRow, name: string): CellValue[] => {
    const row: CellValue[] = [name, r.cases, r.deaths, numberCell(r.rate)];
    if (periods) row.push(numberCell(r.rateBefore), numberCell(r.rateAfter));
    return row;
  };
  const source =
    q.levelSource === "benchmark"
      ? `${L.levelsFromBenchmark[lang]}${colon(lang)}${q.benchmarkName}`
      : L.levelsFromData[lang];
  const counts = q.levelCounts.map((c, level) => `${RISK_LEVEL_LABELS[level][lang]} ${c}`);
  const note =
    lang === "zh"
      ? `风险等级：z = (ln 死亡率 − 均值) / 标准差（有死亡的病组）；z < −1 为低风险组。等级来源：${source}；各等级病组数：${listText(counts, lang)}。` +
        `低风险组死亡率 = 低风险组死亡数 / 低风险组病例数；低风险组中的每一例死亡都值得逐例复核。` +
        (q.casesWithoutLevel > 0 ? `另有 ${q.casesWithoutLevel} 例所在病组不在标杆数据中，不计为低风险。` : "")
      : `Risk level: z = (ln mortality − mean) / SD over the groups with deaths; z < −1 is low risk. Levels from ${source}; groups per level: ${listText(counts, lang)}. ` +
        `Low-risk mortality = deaths / cases in low-risk groups; every death in a low-risk group deserves a case review.` +
        (q.casesWithoutLevel > 0
          ? ` ${q.casesWithoutLevel} cases are in groups the benchmark does not know (not low-risk).`
          : "");
  const table: TableBlock = {
    kind: "table",
    columns,
    rows: q.units.map((r) => rowOf(r, r.unit)),
    totalRow: rowOf(q.overall, L.overall[lang]),
    conditionalFormats: [
      { columnId: "deaths", rule: { kind: "greaterThan", value: 0, ...RED } },
      { columnId: "rate", rule: { kind: "greaterThan", value: 0, ...RED } },
    ],
    autoFilter: true,
  };
  return [
    { kind: "text", text: L.qualityTitle[lang], style: "title" },
    { kind: "text", text: note, style: "note" },
    table,
  ];
}

/** The risk level of each group of the level source (at the end of the sheet). */
export function levelsBlock(q: QualitySection, lang: Lang): TableBlock {
  const L = TRENDS_LABELS;
  return {
    kind: "table",
    caption: L.levelsTitle[lang],
    columns: [
      { id: "group", header: label("group", lang), type: "text", width: 20 },
      { id: "name", header: label("groupName", lang), type: "text", width: 12 },
      { id: "cases", header: label("cases", lang), type: "integer", width: 12 },
      { id: "deaths", header: L.deaths[lang], type: "integer", width: 12 },
      { id: "mortality", header: L.mortality[lang], type: "percent", width: 12 },
      { id: "z", header: L.z[lang], type: "ratio", width: 14 },
      { id: "level", header: L.level[lang], type: "integer", width: 14 },
      { id: "risk", header: L.risk[lang], type: "text", width: 14 },
    ],
    rows: q.groups.map((g) => [
      g.group,
      g.name,
      g.cases,
      g.deaths,
      numberCell(g.mortality),
      numberCell(g.z),
      g.level,
      RISK_LEVEL_LABELS[g.level][lang],
    ]),
    conditionalFormats: RISK_LEVEL_LABELS.map((text, level) => ({
      columnId: "risk",
      rule: { kind: "textEquals" as const, text: text[lang], fill: RISK_FILLS[level] },
    })),
    autoFilter: true,
  };
}
