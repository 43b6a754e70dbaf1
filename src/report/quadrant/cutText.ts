/** The quadrants' cut lines in words: the value and the rule that gave it (the sheet's note and the parameters). */
import { Lang } from "../../engine/text";
import { formatNumber, paren } from "../common";
import { label } from "../i18n";
import { QuadrantReport } from "./types";

/** The x cut (RW) with 4 decimals and its rule: hospital CMI, median or fixed. */
export function xCutText(report: QuadrantReport, lang: Lang): string {
  const rule = report.settings.xCut;
  const how =
    rule === "cmi" ? label("cmiRule", lang) : rule === "median" ? label("medianRule", lang) : label("fixedRule", lang);
  return `${formatNumber(report.cuts.x, 4, lang)}${paren(how, lang)}`;
}

/** The y cut (contribution rate) as a percentage and its rule: the hospital's rate, median or fixed. */
export function yCutText(report: QuadrantReport, lang: Lang): string {
  const rule = report.settings.yCut;
  const how =
    rule === "hospital"
      ? label("hospitalRateRule", lang)
      : rule === "median"
        ? label("medianRule", lang)
        : label("fixedRule", lang);
  return `${formatNumber(report.cuts.y * 100, 2, lang)}%${paren(how, lang)}`;
}
