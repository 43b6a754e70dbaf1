/**
 * The workbook model of the trends and quality report: the sheet 趋势与质量 (Trends and Quality)
 * with the key findings first, the three sections, the parameters and the risk levels; then the
 * sheet 目标 (Targets, targetsSheet.ts) and 监测 (Monitoring, monitorSheet.ts). Knows nothing about
 * Office.js or files.
 */
import { Lang } from "../../engine/text";
import { placeBlocks, SheetModel, WorkbookModel } from "../model";
import { curveBlocks, curveChart } from "./curveSheet";
import { decompositionBlocks } from "./decompositionSheet";
import { findingsBlock } from "./findings";
import { TRENDS_LABELS } from "./labels";
import { targetsSheet } from "./targetsSheet";
import { parameterBlocks } from "./parameterBlocks";
import { monitorSheet } from "./monitorSheet";
import { levelsBlock, qualityBlocks } from "./qualitySheet";
import { TrendsReport, Unavailable } from "./types";
import { printInfo } from "../printTitles";

/** A section the data cannot give: its reason, as a warning. */
function warningBlock(u: Unavailable, lang: Lang): SheetModel["blocks"][number] {
  return { kind: "text", text: u.reason[lang], style: "warning" };
}

/** The workbook model: the sheets 趋势与质量, 目标 and 监测 (Trends and Quality, Targets, Monitoring). */
export function trendsWorkbook(report: TrendsReport, lang: Lang): WorkbookModel {
  const L = TRENDS_LABELS;
  const blocks: SheetModel["blocks"] = [{ kind: "text", text: L.title[lang], style: "title" }];
  const findings = findingsBlock(report, lang);
  if (findings) blocks.push(findings);
  const q = report.quality;
  const d = report.decomposition;
  const c = report.curve;
  if (q.available) blocks.push(...qualityBlocks(report, q, lang));
  else blocks.push({ kind: "text", text: L.qualityTitle[lang], style: "title" }, warningBlock(q, lang));
  blocks.push({ kind: "text", text: L.decompositionTitle[lang], style: "title" });
  if (d.available) blocks.push(...decompositionBlocks(report, d, lang));
  else blocks.push(warningBlock(d, lang));
  blocks.push({ kind: "text", text: L.curveTitle[lang], style: "title" });
  let curveAt = -1;
  if (c.available) {
    blocks.push(...curveBlocks(report, c, lang));
    curveAt = blocks.length - 1;
  } else blocks.push(warningBlock(c, lang));
  blocks.push({ kind: "text", text: L.parametersTitle[lang], style: "title" }, ...parameterBlocks(report, lang));
  if (q.available) blocks.push(levelsBlock(q, lang));
  const sheet: SheetModel = { name: L.sheet[lang], blocks };
  if (c.available && curveAt >= 0 && c.units.some((u) => u.fitted)) {
    let widest = 0;
    for (const b of blocks) if (b.kind === "table") widest = Math.max(widest, b.columns.length);
    // Beside the curve's model table (the block before the units), right of every table.
    const at = placeBlocks(sheet)[curveAt - 1].top;
    sheet.charts = [curveChart(report, c, lang, curveAt, { row: at, column: widest + 1, width: 9, height: 24 })];
  }
  return {
    lang,
    sheets: [sheet, targetsSheet(report, lang), monitorSheet(report, lang)],
    print: printInfo("trends", report.context, lang),
  };
}
