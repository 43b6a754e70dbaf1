/**
 * The quadrants' cut lines and the revenue source in words: the value and the rule that gave it
 * (the sheet's note, the summary and the parameters).
 */
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

/**
 * Where the revenue came from, e.g. "预期DRG支付（费率 5,000，点值 1，机构系数 1）" or
 * "actual settlement (insurance + patient payment)".
 */
export function revenueText(report: Pick<QuadrantReport, "settings">, lang: Lang): string {
  const s = report.settings;
  if (s.revenue !== "payment" || !s.payment) return label("revenueSettlement", lang);
  const p = s.payment;
  const part = (key: "paymentRate" | "paymentPointValue" | "paymentCoefficient", v: number) =>
    `${label(key, lang)} ${formatNumber(v, Number.isInteger(v) ? 0 : 4, lang)}`;
  const parts = [
    part("paymentRate", p.rate),
    part("paymentPointValue", p.pointValue),
    part("paymentCoefficient", p.coefficient),
  ];
  return `${label("revenuePayment", lang)}${paren(parts.join(lang === "zh" ? "，" : ", "), lang)}`;
}
