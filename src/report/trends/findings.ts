/**
 * The key findings at the top of the trends sheet (issue 12, item 2): the hospital's low-risk
 * mortality, its CMI before and after with the mix / severity split, and the curve's best model
 * with the units it flags. Numbers stay numbers, typed so that rates show as per cent; a section
 * the data cannot give leaves its rows out (its own section says why).
 *
 *     // test data of test/report/trends/trendsReport.test.ts: low-risk mortality 2 / 32 = 6.25%,
 *     // CMI 2023 1 -> 2024 1.2, change 0.2 = mix 0.1 + severity 0.1
 */
import { Lang } from "../../engine/text";
import { formatNumber, numberCell } from "../common";
import { CellValue, ColumnType, KeyValueBlock } from "../model";
import { DRIVER_LABELS, fill, FLAG_LABELS, modelName, TRENDS_LABELS } from "./labels";
import { TrendsReport } from "./types";

type Finding = [string, CellValue, ColumnType | undefined];

function qualityFindings(report: TrendsReport, lang: Lang): Finding[] {
  const L = TRENDS_LABELS;
  const q = report.quality;
  const d = report.decomposition;
  if (!q.available) return [];
  const out: Finding[] = [
    [L.lowRiskTotal[lang], numberCell(q.overall.rate), "percent"],
    [L.lowRiskDeaths[lang], q.overall.deaths, "integer"],
  ];
  if (d.available) {
    out.push(
      [fill(L.rateIn, lang, { year: d.before }), numberCell(q.overall.rateBefore), "percent"],
      [fill(L.rateIn, lang, { year: d.after }), numberCell(q.overall.rateAfter), "percent"],
    );
  }
  return out;
}

function decompositionFindings(report: TrendsReport, lang: Lang): Finding[] {
  const L = TRENDS_LABELS;
  const d = report.decomposition;
  if (!d.available) return [];
  const o = d.overall;
  const out: Finding[] = [
    [fill(L.cmiIn, lang, { year: d.before }), numberCell(o.cmiBefore), "weight"],
    [fill(L.cmiIn, lang, { year: d.after }), numberCell(o.cmiAfter), "weight"],
    [L.cmiChange[lang], numberCell(o.change), "weight"],
    [L.mix[lang], numberCell(o.mix), "weight"],
    [L.severity[lang], numberCell(o.severity), "weight"],
  ];
  if (o.driver !== "") out.push([L.driver[lang], DRIVER_LABELS[o.driver][lang], undefined]);
  return out;
}

function curveFindings(report: TrendsReport, lang: Lang): Finding[] {
  const L = TRENDS_LABELS;
  const c = report.curve;
  if (!c.available) return [];
  const best = c.models[0];
  const flagged = c.units.filter((u) => u.flag === "high" || u.flag === "low").length;
  const bound = (sign: number) => formatNumber(1 + sign * report.settings.flagTolerance, 2, lang);
  return [
    [L.bestModel[lang], best ? modelName(best.model, lang) : FLAG_LABELS.noModel[lang], undefined],
    ...(best ? [[`${L.bestModel[lang]} ${L.rSquared[lang]}`, numberCell(best.rSquared), "ratio"] as Finding] : []),
    [fill(L.unitsFlaggedOutside, lang, { lo: bound(-1), hi: bound(1) }), flagged, "integer"],
  ];
}

/** The findings as a key/value block, or undefined when no section could be built. */
export function findingsBlock(report: TrendsReport, lang: Lang): KeyValueBlock | undefined {
  const rows = [
    ...qualityFindings(report, lang),
    ...decompositionFindings(report, lang),
    ...curveFindings(report, lang),
  ];
  if (rows.length === 0) return undefined;
  return {
    kind: "keyValue",
    caption: TRENDS_LABELS.findings[lang],
    rows: rows.map(([k, v]) => [k, v]),
    types: rows.map(([, , type]) => type),
  };
}
